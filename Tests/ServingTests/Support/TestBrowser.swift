import Foundation
import HTTPTypes
import Hummingbird

@testable import Serving

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let seedText = repositoryRoot.appendingPathComponent("Examples/liuhe-2024-pasted.txt")

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("formprint-serving-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A visitor with its own cookies, over the loopback client
/// (`withLoopbackServer`): the routes as a browser uses them, without a
/// browser.
final class TestBrowser: @unchecked Sendable {
    let client: LoopbackClient
    var cookies: [String: String] = [:]

    init(_ client: LoopbackClient) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var location: String? { headers[.location] }

        /// The CSRF token of the page's first form.
        var csrf: String? {
            guard let range = text.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(text[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func get(_ uri: String) async throws -> Page { try await send(uri, .get, headers: [:], body: nil) }

    func post(_ uri: String, fields: [String: String]) async throws -> Page {
        let body = fields.map { "\(encode($0.key))=\(encode($0.value))" }.joined(separator: "&")
        return try await send(uri, .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: Data(body.utf8))
    }

    /// A multipart form, as a browser sends a form with a file field.
    func postMultipart(_ uri: String, fields: [String: String], file: (name: String, data: Data)? = nil) async throws -> Page {
        let boundary = "----formprint\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return try await send(uri, .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    func send(_ uri: String, _ method: HTTPRequest.Method, headers: HTTPFields, body: Data?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1])
        }
        return Page(status: response.status, headers: response.headers, body: response.body)
    }

    func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    /// The id in a `/s/<id>` redirect.
    static func submission(_ page: Page) -> Int64? {
        guard let location = page.location, location.hasPrefix("/s/") else { return nil }
        return Int64(location.dropFirst(3))
    }
}
