import Foundation
import ZIPFoundation

/// The ZIP container of an OFD file (§7.2): OFD.xml first, then every other
/// entry in path order, each with the same fixed timestamp, so identical
/// documents give identical bytes.
enum OFDPackage {
    /// 2000-01-01 00:00:00: ZIP's DOS dates start in 1980, and a fixed date
    /// keeps the bytes independent of the clock.
    static let timestamp = Date(timeIntervalSince1970: 946_684_800)

    static func zip(_ entries: [(path: String, data: Data)]) throws(RenderError) -> Data {
        let ordered = entries.sorted { ($0.path == "OFD.xml" ? 0 : 1, $0.path) < ($1.path == "OFD.xml" ? 0 : 1, $1.path) }
        do {
            let archive = try Archive(accessMode: .create)
            for entry in ordered {
                let data = entry.data
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw RenderError.ofd("the OFD package has no bytes") }
            return bytes
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError.ofd("writing the OFD package: \(error)")
        }
    }
}
