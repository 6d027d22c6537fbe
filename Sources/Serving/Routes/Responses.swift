import Foundation
import Hummingbird
import NIOCore

/// Responses as the routes make them.
enum Responses {
    static func html(_ text: String, status: HTTPResponse.Status = .ok, visit: Visit) -> Response {
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        for cookie in visit.cookies { response.setCookie(cookie) }
        return response
    }

    static func redirect(_ location: String, visit: Visit) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        for cookie in visit.cookies { response.setCookie(cookie) }
        return response
    }

    /// A download (or, for a preview image, an inline picture), named as
    /// FormPrint names the file.
    static func file(_ data: Data, name: String, inline: Bool = false) -> Response {
        let type = switch (name as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "ps": "application/postscript"
        case "png": "image/png"
        case "zip": "application/zip"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "application/octet-stream"
        }
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "._-"))) ?? "file"
        let ascii = "formprint." + (name as NSString).pathExtension
        return Response(status: .ok, headers: [
            .contentType: type,
            .contentDisposition: "\(inline ? "inline" : "attachment"); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            .cacheControl: "private, no-cache",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
