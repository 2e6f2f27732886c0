import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes the form draft as JSON. Failures are reported, never thrown: losing a
/// draft must not stop the browser.
///
/// Each data source has its own file (``url(stateDirectory:source:)``), so a draft is only
/// ever offered against the database or HubSpot account it was written for. The file holds
/// CRM data (names, numbers, notes): it is readable by its owner alone.
public enum DraftFile {
    static func load(_ url: URL?) -> FormDraft? {
        guard let url, let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(FormDraft.self, from: data)
    }

    static func save(_ draft: FormDraft, to url: URL?) -> String? {
        guard let url else { return nil }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try writePrivately(try JSONEncoder().encode(draft), to: url)
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

    /// Moves the draft beside itself as `…-conflict-<UTC time>.json`, where it is never
    /// offered again but stays for the user to read. Returns the new path, or an error.
    static func setAside(_ url: URL?, now: Date = Date()) -> Result<String, DraftFileError> {
        guard let url else { return .failure(DraftFileError("No draft file")) }
        let stamp = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        let aside = url.deletingPathExtension().appendingPathExtension("conflict-\(stamp)").appendingPathExtension("json")
        do {
            try FileManager.default.moveItem(at: url, to: aside)
            return .success(aside.path)
        } catch {
            return .failure(DraftFileError("Could not set the draft aside: \(error.localizedDescription)"))
        }
    }

    // MARK: - Where

    /// `<state>/hubcalls/drafts/<name>.json` for a data source (`local:/path/to/db`,
    /// `hubspot:https://…`): a readable name (the database's file name, the API's host) and a
    /// hash of the whole source, so two databases called `calls.sqlite` keep apart.
    public static func url(stateDirectory: URL, source: String) -> URL {
        let readable = source.split(separator: "/").last.map(String.init) ?? "draft"
        let kind = source.prefix { $0 != ":" }
        let safe = String((kind + "-" + readable).map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }.prefix(60))
        return stateDirectory.appendingPathComponent("hubcalls/drafts/\(safe)-\(hash(source)).json")
    }

    /// FNV-1a, 64 bits, in hex: stable from run to run (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }

    // MARK: - Writing

    /// Writes `data` to a new file created with mode 0600 (never readable by others, not even
    /// for a moment), then renames it over `url`, so a crash leaves the old draft or the new.
    private static func writePrivately(_ data: Data, to url: URL) throws {
        let temporary = url.path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw DraftFileError("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        let written = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        let closed = close(fd) == 0
        guard written, closed, rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw DraftFileError("cannot write \(url.path): \(reason)")
        }
    }
}

/// Why a draft could not be written or moved.
struct DraftFileError: Error, LocalizedError {
    var message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
