#if canImport(Glibc)
import CMalloc
#endif

/// glibc malloc settings for a long-running terminal program.
///
/// glibc gives every thread that allocates its own arena (up to eight per core), and each
/// arena keeps the pages its frees leave behind. Swift concurrency runs the browser's work
/// on several pool threads, so the same few megabytes of rows, pages and SQLite buffers
/// ended up spread over six or seven arenas, each holding its own high-water mark. One
/// arena lets the pages one thread frees serve the next allocation on any thread (about
/// 1 MB less resident at 100 000 calls; the browser allocates from one thread at a time,
/// so the shared lock costs nothing measurable).
enum MallocTuning {
    /// Applies the settings; call first thing in `main`, before threads allocate.
    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
