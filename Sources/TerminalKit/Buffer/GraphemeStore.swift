#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - GraphemeStore

/// The graphemes too long to sit inside a ``Cell`` (more than 8 UTF-8 bytes: emoji ZWJ
/// sequences, letters under several combining marks), each kept once for the process and
/// named by its index.
///
/// Ordinary text never gets here, and the set of such graphemes a person meets is small
/// (Unicode has a few thousand emoji sequences), so the store only grows. Hostile text could
/// invent endless ones (combining marks stacked in every order), so it holds at most
/// ``capacity`` (16 384 in ``shared``). Once full, a new long grapheme keeps only the leading
/// scalars that fit in 8 bytes: its base character and first marks, or the first emoji of
/// a sequence and its joiner. The ncurses backend draws little more of it anyway: one
/// spacing character and at most four marks (see `NCursesTerminal.wideCharacters(of:)`).
final class GraphemeStore: @unchecked Sendable {
    static let shared = GraphemeStore(capacity: 16_384)

    /// Long graphemes kept at most.
    let capacity: Int

    /// Guards `texts` and `indices` (cells are drawn on any thread that renders).
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var texts: [String] = []
    private var indices: [String: Int] = [:]

    /// A store of its own (tests; cells always use ``shared``).
    init(capacity: Int) {
        self.capacity = capacity
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    /// How many graphemes are stored (tests).
    var count: Int { locked { texts.count } }

    /// The code for `text` (see ``GraphemeCode``): its index, stored now if it is new.
    func code(for text: String) -> UInt64 {
        let index: Int? = locked {
            if let index = indices[text] { return index }
            guard texts.count < capacity else { return nil }
            texts.append(text)
            indices[text] = texts.count - 1
            return texts.count - 1
        }
        guard let index else { return Self.inlinePrefix(of: text) }
        return UInt64(index) << 8 | GraphemeCode.internedTag
    }

    /// The grapheme stored at `index`.
    func text(at index: Int) -> String {
        locked { index < texts.count ? texts[index] : "" }
    }

    /// The code of the longest run of `text`'s leading scalars that fits inline.
    static func inlinePrefix(of text: String) -> UInt64 {
        var code: UInt64 = 0
        var shift: UInt64 = 0
        for scalar in text.unicodeScalars {
            guard scalar.value != 0, shift + UInt64(UTF8.width(scalar)) * 8 <= 64 else { break }
            for byte in UTF8.encode(scalar)! {
                code |= UInt64(byte) << shift
                shift += 8
            }
        }
        return code
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
