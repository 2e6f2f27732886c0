#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
// Wide-character ncurses. These must come before any curses header.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift cannot import function-like macros (and must not touch the stdscr/LINES/COLS
// globals under strict concurrency), so everything TerminalKit needs is wrapped here.

// MARK: - Attributes and colours

static inline attr_t cncw_a_normal(void) { return A_NORMAL; }
static inline attr_t cncw_a_bold(void) { return A_BOLD; }
static inline attr_t cncw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cncw_a_reverse(void) { return A_REVERSE; }
static inline attr_t cncw_a_dim(void) { return A_DIM; }
static inline int cncw_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
static inline int cncw_colors(void) { return COLORS; }
static inline int cncw_color_pairs(void) { return COLOR_PAIRS; }

// MARK: - Window geometry

static inline int cncw_getmaxy(const WINDOW *win) { return getmaxy(win); }
static inline int cncw_getmaxx(const WINDOW *win) { return getmaxx(win); }

// MARK: - Drawing

/// Draws one cell: `count` wide characters (a spacing character and up to CCHARW_MAX - 1
/// combining ones) at (y, x). Returns ERR if setcchar rejects them.
static inline int cncw_put_cell(WINDOW *win, int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

// MARK: - Terminal type

/// Looks `term` up in terminfo without initscr's way of failing (it prints "Error opening
/// terminal" and calls exit(1), skipping the app's message and cleanup): setupterm with an
/// error pointer reports instead. Returns 1 when the entry can drive a screen, 0 when there
/// is no entry, -1 when no terminfo database was found, 2 for a hardcopy terminal. The
/// probe's TERMINAL is freed again, so initscr starts from scratch; the tty is not changed.
static inline int cncw_probe_terminfo(const char *term) {
    int status = 0;
    if (setupterm((char *)term, STDOUT_FILENO, &status) != OK) return status == 1 ? 2 : status;
    del_curterm(cur_term);
    return 1;
}

// MARK: - Exit paths

/// Restores the terminal if the screen is up. Safe to call more than once.
/// Bracketed paste (mode 2004) is turned off first; write(2) is safe in a signal handler.
static inline void cncw_restore_terminal(void) {
    if (!isendwin()) {
        static const char paste_off[] = "\033[?2004l";
        ssize_t ignored = write(STDOUT_FILENO, paste_off, sizeof paste_off - 1);
        (void)ignored;
        endwin();
    }
}

static void cncw_restore_and_reraise(int sig) {
    cncw_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

// Termination requests (SIGTERM, SIGHUP, SIGINT). By default they restore the terminal and end
// the process at once. An app that has work to finish first (pending deletes, a form draft)
// turns on deferral: the handler only records the signal, the app polls it with
// cncw_take_termination_signal(), shuts down on its own and calls cncw_reraise(). A second
// SIGTERM or SIGINT while one is pending ends the process at once, so a stuck shutdown can be
// forced; further SIGHUPs are ignored.
//
// These are file-scope statics in a header: Swift emits a copy per object file that uses
// them, so every call to the functions below must live in one Swift file (NCursesTerminal.swift).
static volatile sig_atomic_t cncw_deferral_enabled = 0;
static volatile sig_atomic_t cncw_pending_termination = 0;
static volatile sig_atomic_t cncw_termination_taken = 0;

static void cncw_termination_handler(int sig) {
    if (cncw_deferral_enabled) {
        if (cncw_pending_termination == 0 && cncw_termination_taken == 0) {
            cncw_pending_termination = sig;
            return;
        }
        // A closed terminal sends SIGHUP more than once (the kernel to the foreground group,
        // tmux, the shell to its jobs): only SIGTERM or SIGINT force the end.
        if (sig == SIGHUP) return;
    }
    cncw_restore_and_reraise(sig);
}

static void cncw_atexit_restore(void) { cncw_restore_terminal(); }

/// Installs handlers so that SIGINT, SIGTERM, SIGHUP and SIGQUIT restore the terminal and then
/// terminate the process as they would have, and an atexit hook for exit() paths.
static inline void cncw_install_restore_handlers(void) {
    static int installed = 0;
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        action.sa_handler = signals[i] == SIGQUIT ? cncw_restore_and_reraise : cncw_termination_handler;
        sigaction(signals[i], &action, NULL);
    }
    if (!installed) {
        installed = 1;
        atexit(cncw_atexit_restore);
    }
}

/// From now on SIGTERM, SIGHUP and SIGINT only record themselves (the first one).
static inline void cncw_defer_termination_signals(void) { cncw_deferral_enabled = 1; }

/// The recorded termination signal, once (0 if none arrived or it was already taken).
static inline int cncw_take_termination_signal(void) {
    int sig = cncw_pending_termination;
    if (sig != 0) {
        cncw_termination_taken = 1;
        cncw_pending_termination = 0;
    }
    return sig;
}

/// Ends the process with `sig` as its cause (exit status 128 + sig in a shell), after the
/// terminal was restored: default action, unblocked in this thread, raised at this thread.
static inline void cncw_reraise(int sig) {
    sigset_t mask;
    cncw_restore_terminal();
    signal(sig, SIG_DFL);
    sigemptyset(&mask);
    sigaddset(&mask, sig);
    pthread_sigmask(SIG_UNBLOCK, &mask, NULL);
    raise(sig);
}

/// Stops the process as <C-z> would (the screen must already be ended); returns after SIGCONT.
/// It uses the default SIGTSTP action. The signal is unblocked in this thread
/// and sent to this thread (raise), so it is delivered before raise returns: the Swift
/// concurrency threads block SIGTSTP, and a process-directed signal delivered later would meet
/// ncurses' handler again instead of the default action.
static inline void cncw_stop_self(void) {
    struct sigaction previous, stop;
    sigset_t mask, previousMask;
    sigemptyset(&stop.sa_mask);
    stop.sa_flags = 0;
    stop.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &stop, &previous);
    sigemptyset(&mask);
    sigaddset(&mask, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &mask, &previousMask);
    raise(SIGTSTP);
    sigprocmask(SIG_SETMASK, &previousMask, NULL);
    sigaction(SIGTSTP, &previous, NULL);
}

#endif
