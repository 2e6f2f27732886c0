// Generated from ActionTable by `UPDATE_SNAPSHOTS=1 swift test --filter KeymapDefaultsTests`;
// must equal the repository's keymap.conf (a test checks both). Do not edit by hand.

/// The default key bindings compiled into the app: the text of the repo's `keymap.conf`.
public enum DefaultKeymap {
    public static let text = #"""
# hubcalls key bindings: the defaults compiled into the app.
#
# Copy this file to $XDG_CONFIG_HOME/hubcalls/keymap.conf (or pass --keymap PATH) and
# change what you like; your file is read after these defaults.
#
#   bind <context> <keys> <action>     bind keys (e.g. j, G, gg, <C-s>, <Enter>, <F1>)
#   bind <context> <keys> none         remove a binding
#   unbind <context> <keys>            the same
#
# Contexts: global, list, detail, form, picker, confirm, help. The list and detail
# panes fall back to global; forms, pickers, dialogs and help do not.
# `hubcalls keys` prints the effective bindings and any warnings.

# General (global)
bind global Q quit
bind global <C-c> quit
bind global q back
bind global ? show-help
bind global <F1> show-help
bind global R refresh
bind global <C-l> redraw
bind global u undo
bind global y copy-id

# Call (global)
bind global e edit-call
bind global o set-outcome
bind global c quick-log
bind global p pin-call
bind global a associate-record
bind global x remove-association
bind global d delete-call

# List (list)
bind list j move-down
bind list <Down> move-down
bind list k move-up
bind list <Up> move-up
bind list gg move-top
bind list <Home> move-top
bind list G move-bottom
bind list <End> move-bottom
bind list <PgDn> page-down
bind list <C-f> page-down
bind list <PgUp> page-up
bind list <C-b> page-up
bind list <C-d> half-page-down
bind list <C-u> half-page-up
bind list <Enter> open-call
bind list l open-call
bind list / filter
bind list s toggle-sort-time
bind list S toggle-sort-duration
bind list <Space> toggle-mark
bind list <Esc> clear-marks

# Detail (detail)
bind detail j move-down
bind detail <Down> move-down
bind detail k move-up
bind detail <Up> move-up
bind detail gg move-top
bind detail <Home> move-top
bind detail G move-bottom
bind detail <End> move-bottom
bind detail <PgDn> page-down
bind detail <Space> page-down
bind detail <PgUp> page-up
bind detail <C-d> half-page-down
bind detail <C-u> half-page-up
bind detail <Esc> back
bind detail h back

# Form (form)
bind form <Tab> next-field
bind form <Down> next-field
bind form <S-Tab> previous-field
bind form <Up> previous-field
bind form <C-s> save
bind form <Esc> cancel
bind form <Enter> choose
bind form <C-t> toggle-timer
bind form <F1> show-help
bind form <C-l> redraw

# Picker (picker)
bind picker <Down> move-down
bind picker <C-n> move-down
bind picker <Up> move-up
bind picker <C-p> move-up
bind picker <PgDn> page-down
bind picker <PgUp> page-up
bind picker <Enter> choose
bind picker <Esc> cancel

# Confirm (confirm)
bind confirm y confirm-yes
bind confirm n confirm-no
bind confirm <Esc> confirm-no
bind confirm <Tab> toggle-choice
bind confirm <Left> toggle-choice
bind confirm <Right> toggle-choice
bind confirm <Enter> choose

# Help (help)
bind help j move-down
bind help <Down> move-down
bind help k move-up
bind help <Up> move-up
bind help <PgDn> page-down
bind help <Space> page-down
bind help <PgUp> page-up
bind help <C-d> half-page-down
bind help <C-u> half-page-up
bind help gg move-top
bind help <Home> move-top
bind help G move-bottom
bind help <End> move-bottom
bind help q cancel
bind help <Esc> cancel
bind help ? cancel
bind help <F1> cancel

"""#
}
