internal import CCairoPango
import Foundation

/// Packs the small objects of a PDF that cairo wrote — font descriptors,
/// width arrays, page, catalog and metadata dictionaries, stream lengths —
/// into one compressed object stream, with a cross-reference stream in
/// place of the table (PDF 1.5, §7.5.7–7.5.8). cairo writes them as plain
/// text: a sixth of a one-page form. Streams (page content, fonts) are
/// copied byte for byte.
///
/// Anything unexpected in the input (more than one cross-reference
/// section, an object of another generation) leaves the PDF as it was.
enum PDFCompactor {
    static func compact(_ pdf: Data) -> Data {
        let bytes = [UInt8](pdf)
        guard let layout = CairoPDFLayout(bytes) else { return pdf }
        var out: [UInt8] = Array(bytes[0..<layout.headerEnd])
        var offsets: [Int: Int] = [:]  // object number → new offset, for objects kept in place
        var packed: [(number: Int, body: ArraySlice<UInt8>)] = []
        for object in layout.objects {
            if object.isStream {
                offsets[object.number] = out.count
                out += bytes[object.range]
            } else {
                packed.append((object.number, object.body))
            }
        }
        guard !packed.isEmpty else { return pdf }

        // The object stream: "number offset" pairs, then the objects.
        let streamNumber = layout.size, xrefNumber = layout.size + 1
        var index: [UInt8] = []
        var bodies: [UInt8] = []
        for (position, object) in packed.enumerated() {
            index += Array("\(object.number) \(bodies.count)\(position + 1 < packed.count ? " " : "\n")".utf8)
            bodies += object.body
            bodies.append(0x0A)
        }
        guard let compressed = deflate(index + bodies) else { return pdf }
        offsets[streamNumber] = out.count
        out += Array("\(streamNumber) 0 obj\n<< /Type /ObjStm /N \(packed.count) /First \(index.count) /Filter /FlateDecode /Length \(compressed.count) >>\nstream\n".utf8)
        out += compressed
        out += Array("\nendstream\nendobj\n".utf8)

        // The cross-reference stream: type, offset or object stream, generation or index.
        var rows: [UInt8] = []
        func row(_ type: UInt8, _ field: Int, _ last: Int) {
            rows.append(type)
            for shift in stride(from: 24, through: 0, by: -8) { rows.append(UInt8((field >> shift) & 0xFF)) }
            rows.append(UInt8((last >> 8) & 0xFF))
            rows.append(UInt8(last & 0xFF))
        }
        let positions = Dictionary(uniqueKeysWithValues: packed.enumerated().map { ($1.number, $0) })
        offsets[xrefNumber] = out.count
        for number in 0..<(xrefNumber + 1) {
            if let offset = offsets[number] {
                row(1, offset, 0)
            } else if let position = positions[number] {
                row(2, streamNumber, position)
            } else {
                row(0, 0, number == 0 ? 0xFFFF : 0)
            }
        }
        guard let table = deflate(rows) else { return pdf }
        let xrefOffset = out.count
        out += Array("\(xrefNumber) 0 obj\n<< /Type /XRef /Size \(xrefNumber + 1) /W [1 4 2] \(layout.trailerEntries) /Filter /FlateDecode /Length \(table.count) >>\nstream\n".utf8)
        out += table
        out += Array("\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return Data(out)
    }

    static func deflate(_ input: [UInt8]) -> [UInt8]? {
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { compress2(out.baseAddress, &length, $0.baseAddress, uLong(input.count), 9) }
        }
        guard status == Z_OK else { return nil }
        return Array(output.prefix(Int(length)))
    }
}

/// The objects of a PDF as cairo writes it: a header, "N 0 obj … endobj"
/// objects, one cross-reference table and a trailer.
struct CairoPDFLayout {
    struct Object {
        var number: Int
        /// "N 0 obj" through "endobj" and the line break after it.
        var range: Range<Int>
        /// Between "obj" and "endobj", trimmed.
        var body: ArraySlice<UInt8>
        var isStream: Bool
    }

    var headerEnd: Int
    var objects: [Object]
    /// The trailer's /Size.
    var size: Int
    /// "/Root 1 0 R /Info 2 0 R" (and /ID if present), as written.
    var trailerEntries: String

    init?(_ bytes: [UInt8]) {
        // Byte searches throughout: String searching costs more here than
        // the whole packing.
        guard let start = Self.lastRange(of: Array("startxref".utf8), in: bytes[max(0, bytes.count - 64)...])?.upperBound,
              let xref = Int(String(decoding: bytes[start...], as: UTF8.self).split(whereSeparator: \.isNewline).first ?? ""),
              xref < bytes.count else { return nil }
        guard let trailer = Self.firstRange(of: Array("trailer".utf8), in: bytes[xref...]) else { return nil }
        // Lines as words: "0000000000 65535 f " → ["0000000000", "65535", "f"].
        var lines = String(decoding: bytes[xref..<trailer.lowerBound], as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.split(separator: " ") }[...]
        guard lines.popFirst() == ["xref"], let section = lines.popFirst(), section.count == 2,
              section[0] == "0", let count = Int(section[1]) else { return nil }
        var offsets: [(Int, Int)] = []
        for number in 0..<count {
            guard let entry = lines.popFirst(), entry.count == 3 else { return nil }
            if entry[2] == "n" {
                guard let offset = Int(entry[0]), entry[1] == "00000" else { return nil }
                offsets.append((number, offset))
            }
        }
        guard let open = Self.firstRange(of: Array("<<".utf8), in: bytes[trailer.upperBound...])?.upperBound,
              let close = Self.firstRange(of: Array(">>".utf8), in: bytes[open...])?.lowerBound else { return nil }
        // "/Size 27 /Root 1 0 R /Info 26 0 R": keep all but /Size, which grows.
        let words = String(decoding: bytes[open..<close], as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
        guard let sizeIndex = words.firstIndex(of: "/Size"), sizeIndex + 1 < words.count,
              let size = Int(words[sizeIndex + 1]), size == count else { return nil }
        trailerEntries = (words[..<sizeIndex] + words[(sizeIndex + 2)...]).joined(separator: " ")
        self.size = size

        offsets.sort { $0.1 < $1.1 }
        guard let first = offsets.first?.1 else { return nil }
        headerEnd = first
        objects = []
        for (index, (number, offset)) in offsets.enumerated() {
            let end = index + 1 < offsets.count ? offsets[index + 1].1 : xref
            let slice = bytes[offset..<end]
            let prefix = Array("\(number) 0 obj".utf8)
            guard slice.starts(with: prefix), let endobj = Self.lastRange(of: Array("endobj".utf8), in: slice) else { return nil }
            var bodyStart = offset + prefix.count, bodyEnd = endobj.lowerBound
            while bodyStart < bodyEnd, Self.isSpace(bytes[bodyStart]) { bodyStart += 1 }
            while bodyEnd > bodyStart, Self.isSpace(bytes[bodyEnd - 1]) { bodyEnd -= 1 }
            let body = bytes[bodyStart..<bodyEnd]
            let isStream = body.suffix(9).elementsEqual(Array("endstream".utf8))
            objects.append(Object(number: number, range: offset..<end, body: body, isStream: isStream))
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
            index += 1
        }
        return nil
    }

    static func lastRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        var index = haystack.endIndex - needle.count
        while index >= haystack.startIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
            index -= 1
        }
        return nil
    }
}
