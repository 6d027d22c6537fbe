import Foundation
import ZIPFoundation

/// The workbook fuzz target's input format, shared with the tests that
/// replay its findings: an input that starts like a ZIP or OLE file is the
/// workbook itself; any other input is a bundle of parts — a line
/// "@@@ xl/worksheets/sheet1.xml", then the part's bytes up to the next
/// such line — zipped here (stored, with correct checksums), so that
/// mutations reach the XML instead of failing the ZIP checks.
public enum WorkbookBundle {
    static let marker = Array("@@@ ".utf8)

    /// The workbook bytes for a fuzz input; nil when it names no part.
    public static func workbook(from data: Data) -> Data? {
        let head = [UInt8](data.prefix(4))
        if head == [0x50, 0x4B, 0x03, 0x04] || head == [0xD0, 0xCF, 0x11, 0xE0] { return data }
        let bytes = [UInt8](data)
        var parts: [(path: String, bytes: [UInt8])] = []
        var starts: [Int] = []
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index..<(index + marker.count)].elementsEqual(marker) {
                starts.append(index)
                index += marker.count
            } else {
                index += 1
            }
        }
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : bytes.count
            let chunk = bytes[(start + marker.count)..<end]
            let newline = chunk.firstIndex(of: 0x0A) ?? chunk.endIndex
            let path = String(decoding: chunk[chunk.startIndex..<newline], as: UTF8.self)
            let body = newline < chunk.endIndex ? Array(chunk[(newline + 1)...]) : []
            guard !path.isEmpty, !parts.contains(where: { $0.path == path }) else { continue }
            parts.append((path, body))
        }
        return zip(parts)
    }

    /// A bundle of the parts of `workbook` (for making corpora and tests).
    public static func bundle(of parts: [(path: String, bytes: [UInt8])]) -> Data {
        Data(parts.flatMap { marker + Array($0.path.utf8) + [0x0A] + $0.bytes })
    }

    static func zip(_ parts: [(path: String, bytes: [UInt8])]) -> Data? {
        guard !parts.isEmpty, let archive = try? Archive(accessMode: .create) else { return nil }
        for (path, bytes) in parts {
            let data = Data(bytes)
            try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                  modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data
    }
}
