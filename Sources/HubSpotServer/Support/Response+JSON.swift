import CallsCore
import Foundation
import HubSpotAPI
import Hummingbird
import NIOCore

extension Response {
    /// A JSON response encoded with the wire coders (sorted keys, HubSpot dates).
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        json(data: WireJSON.data(value), status: status, headers: headers)
    }

    /// A JSON response from bytes already written (``RecordJSON``).
    static func json(data: Data, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json;charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A batch answer: `success` when every item worked, else 207 Multi-Status with the
    /// per-item errors (FINDINGS.md §5.4).
    static func batch<Item: Codable & Sendable & Equatable>(_ results: [Item], errors: [StandardError], success: HTTPResponse.Status) -> Response {
        .json(BatchResponse(results: results, errors: errors, at: Date()), status: errors.isEmpty ? success : .multiStatus)
    }

    /// 204 No Content.
    static var noContent: Response { Response(status: .noContent) }

    /// HubSpot's error body for an error, with the request's correlation id.
    static func error(_ error: CRMError, status: Int, correlationId: String, headers: HTTPFields = [:]) -> Response {
        json(ErrorBody(error, correlationId: correlationId), status: HTTPResponse.Status(code: status), headers: headers)
    }
}

extension Request {
    /// Decodes a JSON body into a wire type; malformed JSON is HubSpot's 400 "Invalid input JSON".
    mutating func decodeJSON<T: Decodable>(_ type: T.Type, context: HubSpotRequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw APIError(CRMError(kind: .invalidRequest, status: 413, message: "Request body too large: the limit is \(context.maxUploadSize) bytes", category: "VALIDATION_ERROR"))
        }
        let data = Data(buffer.readableBytesView)
        do {
            return try WireJSON.decoder().decode(type, from: data)
        } catch {
            throw APIError.badRequest("Invalid input JSON on line 1: the body is not a valid \(String(describing: type)) (\(Self.describe(error)))")
        }
    }

    /// A short reason for a decoding failure that never quotes the body.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "malformed JSON"
        default: return "unreadable body"
        }
    }
}

extension HTTPResponse.Status {
    /// 207: a batch where some items failed (HubSpot's per-item errors).
    static let multiStatus = HTTPResponse.Status(code: 207, reasonPhrase: "Multi-Status")
}
