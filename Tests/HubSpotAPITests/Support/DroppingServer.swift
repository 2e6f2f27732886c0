import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP/1.1 server with keep-alive that closes some requests' connections without
/// answering (as `hubcalls serve --fault-drop-rate` does): every `dropEvery`-th request, and
/// the first request for each target that `dropOnce` picks. The others get `200` with
/// `{"target":"…","bodyBytes":N}` (what arrived, so a test sees a body sent again whole).
/// Counts the connections it accepted. Listens on a free port of its own; ``stop()`` closes
/// the listener.
final class DroppingServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let dropEvery: Int
    private let dropOnce: @Sendable (String) -> Bool
    private let lock = NSLock()
    private var requests = 0
    private var droppedTargets: Set<String> = []
    private var accepted = 0
    private var answeredCount = 0
    private var droppedCount = 0

    /// Requests closed without an answer so far.
    var dropped: Int { lock.withLock { droppedCount } }
    /// Connections accepted so far.
    var connections: Int { lock.withLock { accepted } }
    /// Requests read whole (head and body), dropped ones included.
    var requestCount: Int { lock.withLock { requests } }
    /// Requests answered.
    var answered: Int { lock.withLock { answeredCount } }

    /// - Parameters:
    ///   - dropEvery: drop every n-th request (0: none by count).
    ///   - dropOnce: drop the first request whose target (path and query) it accepts.
    init(dropEvery: Int = 0, dropOnce: @escaping @Sendable (String) -> Bool = { _ in false }) throws {
        self.dropEvery = dropEvery
        self.dropOnce = dropOnce
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 64) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        port = UInt16(bigEndian: address.sin_port)
        guard port != 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "dropping server"
        thread.start()
    }

    /// Stops accepting; connections already open end with their clients.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { break }
            lock.withLock { accepted += 1 }
            let thread = Thread { [self] in serve(connection) }
            thread.name = "dropping server connection"
            thread.start()
        }
        close(listener)
    }

    /// Answers requests on one connection until one is dropped or the client closes it.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer = [UInt8]()
        while let request = Self.nextRequest(connection, &buffer) {
            let target = Self.target(of: request.head)
            let drop = lock.withLock { () -> Bool in
                requests += 1
                var drop = dropEvery > 0 && requests.isMultiple(of: dropEvery)
                if !drop, dropOnce(target), !droppedTargets.contains(target) {
                    droppedTargets.insert(target)
                    drop = true
                }
                if drop { droppedCount += 1 } else { answeredCount += 1 }
                return drop
            }
            if drop { return }
            let body = Array("{\"target\":\"\(target)\",\"bodyBytes\":\(request.bodyBytes)}".utf8)
            let reply = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: keep-alive\r\n\r\n".utf8) + body
            guard send(connection, reply, reply.count, Int32(MSG_NOSIGNAL)) == reply.count else { return }
        }
    }

    /// `POST /a?b HTTP/1.1` → `/a?b`.
    private static func target(of head: String) -> String {
        let parts = head.prefix { $0 != "\r" }.split(separator: " ")
        return parts.count > 1 ? String(parts[1]) : ""
    }

    /// Reads one request (head and `Content-Length` body); nil at end of stream, or when the
    /// client closes before the body is whole.
    private static func nextRequest(_ connection: Int32, _ buffer: inout [UInt8]) -> (head: String, bodyBytes: Int)? {
        let separator = Array("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = firstRange(of: separator, in: buffer) {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                let length = head.lowercased().split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                let total = end + separator.count + length
                if buffer.count >= total {
                    buffer.removeFirst(total)
                    return (head, length)
                }
            }
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
