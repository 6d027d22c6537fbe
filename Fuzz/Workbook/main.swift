// Fuzzes the workbook importer. An input that starts like a ZIP or OLE file
// is passed as it is (the container, damaged ones included); any other input
// is a bundle of workbook parts — "@@@ xl/worksheets/sheet1.xml" lines, each
// followed by the part's text — zipped here, so that mutations reach the XML,
// the number formats and the form readers instead of failing ZIP checksums.
import Foundation
import FuzzSupport
import Importing
import ZIPFoundation

func workbook(from data: Data) -> Data? {
    let head = [UInt8](data.prefix(4))
    if head == [0x50, 0x4B, 0x03, 0x04] || head == [0xD0, 0xCF, 0x11, 0xE0] { return data }
    let text = String(decoding: data, as: UTF8.self)
    var parts: [(String, Data)] = []
    for chunk in text.components(separatedBy: "@@@ ").dropFirst() {
        let newline = chunk.firstIndex(of: "\n") ?? chunk.endIndex
        let path = String(chunk[..<newline])
        let body = newline < chunk.endIndex ? chunk[chunk.index(after: newline)...] : ""
        guard !path.isEmpty, !parts.contains(where: { $0.0 == path }) else { continue }
        parts.append((path, Data(body.utf8)))
    }
    guard !parts.isEmpty, let archive = try? Archive(accessMode: .create) else { return nil }
    for (path, bytes) in parts {
        try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                              modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .none) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data
}

fuzz { data in
    guard let bytes = workbook(from: data) else { return }
    _ = try? UnitImporter.importData(bytes, file: "fuzz.xlsx")
}
