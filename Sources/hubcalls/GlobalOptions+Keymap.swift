import Foundation

extension GlobalOptions {
    /// `--keymap PATH`, checked: like `--config`, a file named on the command line must exist
    /// (a typo must not silently leave the user on the defaults). Without the option, the
    /// default `$XDG_CONFIG_HOME/hubcalls/keymap.conf` is read when it exists.
    func checkedKeymapPath() throws -> String? {
        guard let keymap else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: keymap, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CLIError("Keymap file \(keymap) does not exist (--keymap); without --keymap the default $XDG_CONFIG_HOME/hubcalls/keymap.conf is used when present.")
        }
        return keymap
    }
}
