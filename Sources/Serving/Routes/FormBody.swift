import Foundation

/// The fields of a posted form: `application/x-www-form-urlencoded` or
/// `multipart/form-data` (a file upload). Only the fields are read; an
/// uploaded file's name is kept as text and never used as a path.
package struct FormBody: Sendable {
    package var fields: [String: String] = [:]
    package var file: (name: String, data: Data)?

    package init(fields: [String: String] = [:], file: (name: String, data: Data)? = nil) {
        self.fields = fields
        self.file = file
    }

    package subscript(_ name: String) -> String? { fields[name] }

    package init(data: Data, contentType: String?) throws {
        let type = contentType ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: type) else { throw DeskText.Refusal.badRequest("multipart without boundary") }
            try self.init(multipart: data, boundary: boundary)
        } else {
            self.init(fields: Self.urlEncoded(String(decoding: data, as: UTF8.self)))
        }
    }

    static func urlEncoded(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            if pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == name {
                return pieces[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// RFC 7578: parts between `--boundary` lines, each with its headers.
    init(multipart data: Data, boundary: String) throws {
        let bytes = [UInt8](data)
        let delimiter = Array(("--" + boundary).utf8)
        var starts: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: bytes, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        guard starts.count >= 2 else { throw DeskText.Refusal.badRequest("multipart body without parts") }
        for (start, end) in zip(starts, starts.dropFirst()) {
            var partStart = start + delimiter.count
            if partStart + 1 < bytes.count, bytes[partStart] == 13, bytes[partStart + 1] == 10 { partStart += 2 }
            // The CRLF before the next delimiter belongs to it.
            let partEnd = end >= 2 && bytes[end - 2] == 13 && bytes[end - 1] == 10 ? end - 2 : end
            guard partStart <= partEnd, let headerEnd = Self.find([13, 10, 13, 10], in: bytes, from: partStart), headerEnd <= partEnd else { continue }
            let headers = String(decoding: bytes[partStart..<headerEnd], as: UTF8.self)
            let body = Data(bytes[(headerEnd + 4)..<partEnd])
            var name: String?, fileName: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition") {
                name = Self.parameter("name", in: line)
                fileName = Self.parameter("filename", in: line)
            }
            guard let name else { continue }
            if let fileName {
                if !body.isEmpty { file = (fileName, body) }
            } else {
                fields[name] = String(decoding: body, as: UTF8.self)
            }
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension DeskText.Refusal: Error {}
