import Foundation

/// Reads and writes the form draft as JSON. Failures are reported, never thrown: losing a
/// draft must not stop the browser.
enum DraftFile {
    static func load(_ url: URL?) -> FormDraft? {
        guard let url, let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(FormDraft.self, from: data)
    }

    static func save(_ draft: FormDraft, to url: URL?) -> String? {
        guard let url else { return nil }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(draft)
            try data.write(to: url, options: .atomic)
            return nil
        } catch {
            return "Could not save the draft: \(error.localizedDescription)"
        }
    }

    static func remove(_ url: URL?) -> String? {
        guard let url, FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { try FileManager.default.removeItem(at: url); return nil }
        catch { return "Could not remove the draft: \(error.localizedDescription)" }
    }
}
