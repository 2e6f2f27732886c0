import ArgumentParser
import CallBrowser
import Foundation

/// `hubcalls keys`: the effective key bindings (defaults plus the user's keymap.conf) and
/// every warning about the user's file.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the effective key bindings and any keymap warnings."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the README's Markdown key table (from the built-in defaults).")
    var markdown = false

    func run() async throws {
        if markdown {
            print(KeyReference.markdown(BrowserKeymap.load().bindings), terminator: "")
            return
        }
        let (bindings, diagnostics) = BrowserKeymap.loadEffective(path: try global.checkedKeymapPath())
        print(KeyReference.table(bindings), terminator: "")
        if diagnostics.isEmpty {
            print("\nNo warnings.")
        } else {
            print("\n\(diagnostics.count) warning(s):")
            for diagnostic in diagnostics { print("  \(diagnostic.description)") }
        }
    }
}
