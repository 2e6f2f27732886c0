import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One message between ``TransportHelperClient`` and ``TransportHelperServer`` over a pipe: a
/// request (method, URL, headers, timeout), a cancellation, or a response (status and headers,
/// or an error code), followed by a body.
///
/// On the wire: the header's JSON length (4 bytes, big-endian), the JSON, the body's length
/// (4 bytes), the body. The pipe is private to the two processes; the `Authorization` header
/// crosses it and nothing else sees it.
struct TransportHelperFrame: Codable, Equatable {
    var id: Int
    var method: String?
    var url: String?
    var headers: [String: String]?
    var timeout: Double?
    /// ``TransportRequest/idempotent``; absent: decided by the method.
    var idempotent: Bool?
    /// Set on a client's frame that cancels request `id`.
    var cancel: Bool?
    var status: Int?
    /// `NSURLErrorDomain` code of a request that got no response.
    var errorCode: Int?
    /// A failure that is not a URL error, described; with `errorCode`, the network library's
    /// words for it.
    var errorMessage: String?
}

/// Blocking reads and writes of frames on file descriptors.
enum TransportHelperWire {
    /// Frames larger than this are refused (a response body from HubSpot is far smaller).
    static let maxLength = 512 * 1024 * 1024

    static func write(_ frame: TransportHelperFrame, body: Data, to descriptor: Int32) -> Bool {
        guard let header = try? JSONEncoder().encode(frame) else { return false }
        var bytes = Data()
        bytes.reserveCapacity(header.count + body.count + 8)
        appendLength(header.count, to: &bytes)
        bytes.append(header)
        appendLength(body.count, to: &bytes)
        bytes.append(body)
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// The next frame and body, or nil at the end of the stream (or on a malformed frame).
    static func read(from descriptor: Int32) -> (TransportHelperFrame, Data)? {
        guard let headerLength = readLength(descriptor), let header = readExactly(descriptor, headerLength),
              let frame = try? JSONDecoder().decode(TransportHelperFrame.self, from: header),
              let bodyLength = readLength(descriptor), let body = readExactly(descriptor, bodyLength) else { return nil }
        return (frame, body)
    }

    private static func appendLength(_ length: Int, to data: inout Data) {
        let value = UInt32(length).bigEndian
        withUnsafeBytes(of: value) { data.append(contentsOf: $0) }
    }

    private static func readLength(_ descriptor: Int32) -> Int? {
        guard let bytes = readExactly(descriptor, 4) else { return nil }
        let length = bytes.reduce(0) { $0 << 8 | Int($1) }
        return length <= maxLength ? length : nil
    }

    private static func readExactly(_ descriptor: Int32, _ count: Int) -> Data? {
        var data = Data(count: count)
        var offset = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            while offset < count {
                let got = systemRead(descriptor, buffer.baseAddress! + offset, count - offset)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { return false }
                offset += got
            }
            return true
        }
        return complete ? data : nil
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, pointer, count)
        #else
        Darwin.write(descriptor, pointer, count)
        #endif
    }

    private static func systemRead(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, pointer, count)
        #else
        Darwin.read(descriptor, pointer, count)
        #endif
    }
}
