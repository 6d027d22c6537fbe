import Foundation

/// What `--skip-unchanged` remembers of a unit: the content hash of
/// everything its output depends on, and what was written. Kept in
/// `OUT/.formprint-state/<unit folder>/<year>.json`, beside the output and
/// out of the way of anyone browsing it.
struct UnitState: Codable, Equatable {
    var hash: String
    var unit: UnitSummary

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

    /// Every file the state lists is still there.
    func filesExist(in output: URL) -> Bool {
        let files = unit.documents.flatMap(\.files) + (unit.combined.map { [$0] } ?? [])
        return files.allSatisfy { FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path) }
    }
}
