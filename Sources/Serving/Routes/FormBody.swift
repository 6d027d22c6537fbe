import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// How much of a posted form the desk reads: RFC 2046's boundary of 1 to
/// 70 characters, and limits on the number of fields and on each field's
/// size, checked as the body is read (the whole body is already within
/// the desk's upload limit). Only the paste (`text`) and an uploaded file
/// may be large; a token, a name, a code or an edited cell is short.
package struct FormLimits: Sendable {
    /// The desk's forms have at most five parts.
    package var parts = 32
    /// The largest a `multipart/form-data` part's headers may be.
    package var headerBytes = 8 << 10
    /// The largest field other than the paste and the file.
    package var fieldBytes = 256 << 10
    /// The largest paste or file (the desk's upload limit).
    package var largeBytes: Int
    /// The fields of an URL-encoded form: the edited grid posts one a cell.
    package var urlEncodedFields = InputLimits().cells + 32
    /// The fields that may be as large as the upload.
    package static let largeFields: Set<String> = ["text"]

    package init(largeBytes: Int) { self.largeBytes = largeBytes }

    /// RFC 2046 §5.1.1: 1 to 70 of these characters, the last not a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".utf8)
        let bytes = Array(boundary.utf8)
        return (1...70).contains(bytes.count) && bytes.allSatisfy(allowed.contains) && bytes.last != UInt8(ascii: " ")
    }
}

/// The fields of a posted form: `application/x-www-form-urlencoded`
/// (through Hummingbird's `URLEncodedFormDecoder`) or `multipart/form-data`
/// (a file upload; through MultipartKit's `MultipartParser`). An uploaded
/// file's name is kept as text and never used as a path.
package struct FormBody: Sendable {
    package var fields: [String: String] = [:]
    package var file: (name: String, data: Data)?

    package init(fields: [String: String] = [:], file: (name: String, data: Data)? = nil) {
        self.fields = fields
        self.file = file
    }

    package subscript(_ name: String) -> String? { fields[name] }

    package init(_ body: ByteBuffer, contentType: String?, limits: FormLimits) throws {
        let type = contentType ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            // Checked before the parser sees a byte: it needs a boundary, and
            // a long one is refused before it is searched for.
            guard let boundary = Self.parameter("boundary", in: type), FormLimits.isValidBoundary(boundary) else {
                throw DeskText.Refusal.badBoundary
            }
            try self.init(multipart: body, boundary: boundary, limits: limits)
        } else {
            try self.init(urlEncoded: String(decoding: body.readableBytesView, as: UTF8.self), limits: limits)
        }
    }

    init(urlEncoded text: String, limits: FormLimits) throws {
        guard text.utf8.lazy.filter({ $0 == UInt8(ascii: "&") }).count < limits.urlEncodedFields else {
            throw DeskText.Refusal.tooManyFields(limit: limits.urlEncodedFields)
        }
        do {
            fields = try URLEncodedFormDecoder().decode([String: String].self, from: text)
        } catch {
            throw DeskText.Refusal.malformedForm
        }
        for (name, value) in fields where value.utf8.count > (FormLimits.largeFields.contains(name) ? limits.largeBytes : limits.fieldBytes) {
            throw DeskText.Refusal.fieldTooLarge(name: name, limit: FormLimits.largeFields.contains(name) ? limits.largeBytes : limits.fieldBytes)
        }
    }

    /// RFC 7578, as MultipartKit's own `FormDataDecoder` reads it (a
    /// `MultipartParser` and its three callbacks), fed a slice at a time so
    /// that a limit stops the reading where it is passed.
    init(multipart body: ByteBuffer, boundary: String, limits: FormLimits) throws {
        struct Part {
            var headers: [(name: String, value: String)] = []
            var headerBytes = 0
            var body = ByteBuffer()
            var disposition: String? { headers.last { $0.name.lowercased() == "content-disposition" }?.value }
        }
        // MultipartKit 4.7.1 looks each byte of a part's header name up in a
        // table of the 128 ASCII characters, and traps on any other byte:
        // such a body is refused before the parser sees it.
        guard Self.isParsable(body.readableBytesView, delimiter: Array(("--" + boundary).utf8)) else {
            throw DeskText.Refusal.malformedForm
        }
        let parser = MultipartParser(boundary: boundary)
        var part = Part()
        var parts: [Part] = []
        var refusal: DeskText.Refusal?
        parser.onHeader = { name, value in
            part.headerBytes += name.utf8.count + value.utf8.count
            if part.headerBytes > limits.headerBytes { refusal = refusal ?? .malformedForm }
            part.headers.append((name, value))
        }
        parser.onBody = { chunk in
            let name = part.disposition.flatMap { Self.parameter("name", in: $0) } ?? ""
            let large = FormLimits.largeFields.contains(name) || part.disposition.flatMap { Self.parameter("filename", in: $0) } != nil
            let limit = large ? limits.largeBytes : limits.fieldBytes
            if part.body.readableBytes + chunk.readableBytes > limit {
                refusal = refusal ?? .fieldTooLarge(name: name, limit: limit)
            } else {
                part.body.writeBuffer(&chunk)
            }
        }
        parser.onPartComplete = {
            if parts.count >= limits.parts { refusal = refusal ?? .tooManyFields(limit: limits.parts) } else { parts.append(part) }
            part = Part()
        }
        var rest = body
        while refusal == nil, let slice = rest.readSlice(length: min(rest.readableBytes, 64 << 10)), slice.readableBytes > 0 {
            do {
                try parser.execute(slice)
            } catch {
                throw DeskText.Refusal.malformedForm
            }
        }
        if let refusal { throw refusal }
        // No part, or a body that ends inside one (its closing delimiter missing).
        guard !parts.isEmpty, part.headers.isEmpty, part.body.readableBytes == 0 else { throw DeskText.Refusal.malformedForm }
        for part in parts {
            guard let disposition = part.disposition, let name = Self.parameter("name", in: disposition) else { continue }
            let data = Data(part.body.readableBytesView)
            if let fileName = Self.parameter("filename", in: disposition) {
                if !data.isEmpty { file = (fileName, data) }
            } else {
                fields[name] = String(decoding: data, as: UTF8.self)
            }
        }
    }

    /// Whether the body starts with its first delimiter (no preamble: no
    /// browser sends one) and every header name of every part is ASCII. The
    /// parser finds a delimiter exactly where a line starts with it (a
    /// boundary holds neither CR nor LF), and a part's header lines run from
    /// its delimiter's line to the first empty line: one pass over the lines.
    static func isParsable(_ body: ByteBufferView, delimiter: [UInt8]) -> Bool {
        let (cr, lf, colon, hyphen) = (UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ":"), UInt8(ascii: "-"))
        guard body.starts(with: delimiter) else { return false }
        var inHeaders = false
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            var end = lineStart
            while end < body.endIndex, !(body[end] == lf && end > lineStart && body[end - 1] == cr) { end += 1 }
            let line = body[lineStart..<(end < body.endIndex ? end - 1 : end)]
            if inHeaders {
                if line.isEmpty {
                    inHeaders = false
                } else if line.prefix(while: { $0 != colon }).contains(where: { $0 >= 0x80 }) {
                    return false
                }
            } else if line.starts(with: delimiter) {
                // `--boundary--` closes the body; what follows is not read.
                if line.dropFirst(delimiter.count).first == hyphen { return true }
                inHeaders = true
            }
            lineStart = end < body.endIndex ? end + 1 : end
        }
        return true
    }

    /// A parameter of a header value (`boundary` of Content-Type, `name`
    /// and `filename` of Content-Disposition), quoted or not; a quoted
    /// value may hold `;`.
    static func parameter(_ name: String, in header: String) -> String? {
        var rest = Substring(header)
        // Past the value itself (form-data, multipart/form-data).
        guard let first = rest.firstIndex(of: ";") else { return nil }
        rest = rest[rest.index(after: first)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            let key = rest.prefix { $0 != "=" && $0 != ";" }
            rest = rest.dropFirst(key.count)
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst()
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    while let character = rest.first, character != "\"" {
                        rest = rest.dropFirst()
                        if character == "\\", let escaped = rest.first {
                            value.append(escaped)
                            rest = rest.dropFirst()
                        } else {
                            value.append(character)
                        }
                    }
                    rest = rest.dropFirst()
                    rest = rest.drop { $0 != ";" }
                } else {
                    let token = rest.prefix { $0 != ";" }
                    value = token.trimmingCharacters(in: .whitespaces)
                    rest = rest.dropFirst(token.count)
                }
            }
            rest = rest.drop { $0 == ";" }
            if key.trimmingCharacters(in: .whitespaces).lowercased() == name { return value }
        }
        return nil
    }
}
