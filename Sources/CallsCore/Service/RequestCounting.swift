/// A backend that can say what it has cost so far, for a debug status line ("3 req") or a
/// log: take ``requestCount`` before a screen loads and subtract it afterwards.
///
/// The HTTP backend conforms; the local store does not (its calls cost no requests). Check
/// with `(service as? any RequestCounting)`.
public protocol RequestCounting: Sendable {
    /// HTTP requests sent since the service was created, retries included.
    var requestCount: Int { get }
    /// A one-line summary for a status line (`12 req (1 retry, 0×429)`).
    var requestSummary: String { get }
}
