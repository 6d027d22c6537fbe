import FormPrint
import Foundation

/// What `--skip-unchanged` remembers of a unit: the content hash of
/// everything its output depends on, what was written, and the digest of
/// each file written (an output overwritten since is rendered again). Kept in
/// `OUT/.formprint-state/<unit folder>/<year>.json`, beside the output and
/// out of the way of anyone browsing it.
struct UnitState: Codable, Equatable {
    var hash: String
    var unit: UnitSummary
    /// SHA-256 of each output file, by its path relative to the output folder.
    var digests: [String: String] = [:]

    static let folderName = ".formprint-state"

    static func url(output: URL, folder: String, year: Int) -> URL {
        output.appendingPathComponent(folderName).appendingPathComponent(folder).appendingPathComponent("\(year).json")
    }

    static func read(_ url: URL) -> UnitState? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(UnitState.self, from: data)
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: url)
    }

    /// Every file the state lists is still there with the bytes written:
    /// a file damaged or replaced since (another input's PDFs, a partial
    /// copy) is not "unchanged". A state without digests (an older run)
    /// is never trusted.
    func filesIntact(in output: URL) -> Bool {
        let files = unit.documents.flatMap(\.files) + (unit.combined.map { [$0] } ?? [])
        return !files.isEmpty && files.allSatisfy { file in
            guard let recorded = digests[file], let data = try? Data(contentsOf: output.appendingPathComponent(file)) else { return false }
            return ContentHash.hex(data) == recorded
        }
    }
}
