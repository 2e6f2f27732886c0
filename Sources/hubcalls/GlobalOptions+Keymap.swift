import Foundation

extension GlobalOptions {
    /// `--keymap PATH`, else `keymap` in the config file, checked: like `--config`, a file the
    /// user named must exist (a typo must not silently leave the user on the defaults).
    /// Without either, the default `$XDG_CONFIG_HOME/hubcalls/keymap.conf` is read when it
    /// exists.
    func checkedKeymapPath() throws -> String? {
        let named: (path: String, source: String)
        if let keymap {
            named = (keymap, "--keymap")
        } else if let configured = try ConfigLoader.path("keymap", self) {
            named = (configured, "keymap in the config file")
        } else {
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: named.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CLIError("Keymap file \(TerminalText.sanitize(named.path, multiline: false)) does not exist (\(named.source)); without it the default $XDG_CONFIG_HOME/hubcalls/keymap.conf is used when present.")
        }
        return named.path
    }
}
