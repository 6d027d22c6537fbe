import Evaluation
import FormPrint
import Foundation
import InputReading

/// One unit file of a batch.
package struct BatchInput: Sendable, Hashable, Codable {
    /// The path as the user named it (the argument joined with the path
    /// found below it), used in messages and summaries.
    package var path: String
    /// Position in the whole sorted batch, before sharding.
    package var position: Int

    var url: URL { URL(fileURLWithPath: path) }

    /// The file name without extension, used to tell apart units with the
    /// same name.
    var stem: String { url.deletingPathExtension().lastPathComponent }
}

/// The K-th of N deterministic slices of a batch: inputs at sorted
/// positions K-1, K-1+N, K-1+2N, … (round robin, so that units sorted
/// together — often one county's — spread over the machines).
package struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1-based.
    package var index: Int
    package var count: Int

    package init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else { throw FormPrintError.badShard("\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, e.g. `2/8`.
    package init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let count = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw FormPrintError.badShard(text)
        }
        try self.init(index: index, count: count)
    }

    package func contains(position: Int) -> Bool { position % count == index - 1 }

    package var description: String { "\(index)/\(count)" }
}

/// The inputs of a batch: every unit file below the folders given, or
/// named in the list files given, sorted, without duplicates, and the
/// slice this run renders.
package struct BatchPlan: Sendable {
    /// Every input of the batch (all shards), in sorted order.
    package var inputs: [BatchInput]
    package var shard: Shard?

    /// The inputs this run renders.
    package var selected: [BatchInput] {
        guard let shard else { return inputs }
        return inputs.filter { shard.contains(position: $0.position) }
    }

    /// File extensions read as unit files.
    /// Unit files, and the officer's own workbooks and pasted tables, which
    /// are imported in memory.
    package static let unitExtensions: Set<String> = ["yaml", "yml", "json", "xlsx", "xls", "docx", "txt", "tsv"]

    package init(inputs: [BatchInput], shard: Shard? = nil) {
        self.inputs = inputs
        self.shard = shard
    }

    /// Finds the inputs: a folder is searched recursively for unit files,
    /// workbooks and pasted tables (hidden files and folders, and the batch's
    /// own summaries in the output folder, are skipped; links are followed);
    /// such a file is itself; any other file is a list of paths, one per
    /// line (blank lines and `#` comments skipped, relative paths taken
    /// from the list's folder). Inputs are sorted by argument, then by path
    /// below it, so every machine of a sharded run sees the same order.
    package init(arguments: [String], excluding output: URL? = nil, shard: Shard? = nil) throws {
        var found: [String] = []
        var seen: Set<String> = []
        let excluded = output.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        for argument in arguments {
            for path in try Self.expand(argument, listDepth: 0).sorted(by: Self.pathOrder) {
                let identity = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
                // The batch's own summaries are .json files in the output
                // folder; everything else there may be input (a batch over
                // a folder that also receives its output rendered nothing,
                // issue 14).
                if let excluded, Self.isSummary(identity, in: excluded) { continue }
                if seen.insert(identity).inserted { found.append(path) }
            }
        }
        self.init(inputs: found.enumerated().map { BatchInput(path: $1, position: $0) }, shard: shard)
    }

    /// Byte order of the UTF-8 paths: the same on every machine and locale.
    static func pathOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `summary.json` or `summary-K-of-N.json` directly in `output`.
    static func isSummary(_ path: String, in output: String) -> Bool {
        guard path.hasPrefix(output + "/") else { return false }
        let name = String(path.dropFirst(output.count + 1))
        return name == "summary.json" || (name.hasPrefix("summary-") && name.contains("-of-") && name.hasSuffix(".json") && !name.contains("/"))
    }

    /// A unit file, a workbook, or a pasted table: a .txt or .tsv file whose
    /// text holds tabs (a table copied from WPS/Excel). A text file without
    /// tabs is a list of paths.
    static func isUnitFile(_ path: String) -> Bool {
        let suffix = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard unitExtensions.contains(suffix) else { return false }
        guard suffix == "txt" || suffix == "tsv" else { return true }
        return isPastedTable(path)
    }

    /// Whether the first 64 KB of `path` hold a tab (in UTF-8, GB18030 or
    /// UTF-16: each encodes the tab as a 0x09 byte).
    static func isPastedTable(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 65_536))?.contains(0x09) ?? false
    }

    private static func expand(_ argument: String, listDepth: Int) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            throw FormPrintError.inputMissing(argument)
        }
        if isDirectory.boolValue { return try unitFiles(below: argument) }
        if isUnitFile(argument) { return [argument] }
        guard listDepth == 0 else {
            throw FormPrintError.unreadableList(argument, Message(chinese: "列表文件中不能再列出列表文件", english: "a list file may not name another list file"))
        }
        return try listed(in: argument)
    }

    /// The unit files below `folder`, hidden ones skipped. Symbolic links
    /// are followed — to a unit file, or to a folder searched in turn (each
    /// real folder once, so a link to a parent cannot loop); a link to
    /// nothing is skipped as it was before. Silently skipping every link
    /// left linked units out of the batch (issue 14).
    private static func unitFiles(below folder: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FormPrintError.inputMissing(folder)
        }
        let prefix = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var files: [String] = []
        var visited: Set<String> = []
        func walk(_ path: String) {
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard visited.insert(real).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names.sorted(by: pathOrder) where !name.hasPrefix(".") {
                let child = path + "/" + name
                var childIsDirectory: ObjCBool = false
                // fileExists follows links: a dangling link is neither.
                guard FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory) else { continue }
                if childIsDirectory.boolValue {
                    walk(child)
                } else if isUnitFile(child) {
                    files.append(child)
                }
            }
        }
        walk(prefix)
        return files
    }

    private static func listed(in list: String) throws -> [String] {
        let text: String
        do {
            let data = try RegularFile.read(URL(fileURLWithPath: list), limit: YAMLDocument.maximumFileSize)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw FormPrintError.unreadableList(list, SystemReason.notUTF8)
            }
            text = decoded
        } catch let error as RegularFile.Failure {
            throw FormPrintError.unreadableList(list, error.message)
        }
        let folder = URL(fileURLWithPath: list).deletingLastPathComponent()
        var paths: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            let path = entry.hasPrefix("/") ? entry : folder.appendingPathComponent(entry).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                paths += try unitFiles(below: path)
            } else {
                // A missing file stays in the plan: it fails as a unit, with
                // its reason, and the batch goes on.
                paths.append(path)
            }
        }
        return paths
    }
}
