import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP/1.1 server with keep-alive that closes every `dropEvery`-th request's
/// connection without answering (as `hubcalls serve --fault-drop-rate` does); the others get
/// `200 {}`. Listens on a free port of its own; ``stop()`` closes the listener.
final class DroppingServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let dropEvery: Int
    private let lock = NSLock()
    private var requests = 0

    /// Requests closed without an answer so far.
    private(set) var dropped = 0

    init(dropEvery: Int) throws {
        self.dropEvery = dropEvery
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
            _ = request
            let drop = lock.withLock { () -> Bool in
                requests += 1
                let drop = requests.isMultiple(of: dropEvery)
                if drop { dropped += 1 }
                return drop
            }
            if drop { return }
            let reply = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}".utf8)
            guard send(connection, reply, reply.count, Int32(MSG_NOSIGNAL)) == reply.count else { return }
        }
    }

    /// Reads one request (head and `Content-Length` body); nil at end of stream.
    private static func nextRequest(_ connection: Int32, _ buffer: inout [UInt8]) -> [UInt8]? {
        let separator = Array("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = firstRange(of: separator, in: buffer) {
                let head = String(decoding: buffer[..<end], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                let total = end + separator.count + length
                if buffer.count >= total {
                    let request = Array(buffer[..<total])
                    buffer.removeFirst(total)
                    return request
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
