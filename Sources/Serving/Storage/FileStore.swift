import FormPrint
import Foundation
import Support

/// The files of the data folder: each upload under its SHA-256
/// (`inputs/<hash>`), each rendering under a folder of its own
/// (`rendered/<token>/<n>.<ext>`). Names come from FormPrint's hash and
/// the desk's counters only, never from an uploaded name or a unit's
/// name; every file is written atomically (temporary, flush, rename).
package struct FileStore: Sendable {
    package let root: URL

    package init(root: URL) { self.root = root }

    /// Stores the upload; the same bytes are stored once.
    package func storeInput(_ data: Data) throws -> String {
        let hash = ContentHash.hex(data)
        let relative = "inputs/" + hash
        // Two requests with the same bytes would share AtomicFile's
        // temporary name (it is per process): one writes, the other waits.
        try Self.inputLock.withLock { _ in
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) {
                try AtomicFile.write(data, to: relative, inside: root)
            }
        }
        return hash
    }

    /// Two uploads of the same bytes store one file.
    private static let inputLock = Locked(())

    package func input(_ hash: String) throws -> Data {
        guard hash.allSatisfy(\.isHexDigit) else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: root.appendingPathComponent("inputs/" + hash))
    }

    /// Writes one rendering's files (with one flush) and returns their
    /// stored paths, in order.
    package func storeRendering(_ files: [(data: Data, fileExtension: String)]) throws -> [String] {
        let folder = "rendered/" + UUID().uuidString.lowercased()
        let paths = files.enumerated().map { index, file in "\(folder)/\(index + 1).\(file.fileExtension)" }
        _ = try AtomicFile.write(zip(files, paths).map { (data: $0.data, relativePath: $1) }, inside: root)
        return paths
    }

    package func data(at storedPath: String) throws -> Data {
        // Paths come from the database, which only this store writes; still,
        // nothing outside the data folder is ever read.
        guard !storedPath.contains(".."), !storedPath.hasPrefix("/") else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: root.appendingPathComponent(storedPath))
    }
}

extension FileStore {
    /// At start, before any request: removes what a killed server left —
    /// temporaries of interrupted writes, and files written for a
    /// submission whose row was never committed (it was never accepted).
    /// Returns how many files went.
    package func sweep(keeping referenced: Set<String>) -> Int {
        let manager = FileManager.default
        var removed = 0
        for folder in ["inputs", "rendered"] {
            let base = root.appendingPathComponent(folder)
            guard let paths = manager.enumerator(atPath: base.path)?.allObjects as? [String] else { continue }
            for path in paths {
                let url = base.appendingPathComponent(path)
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                let relative = folder + "/" + path
                let name = url.lastPathComponent
                if (name.hasPrefix(".") && name.hasSuffix(".tmp")) || !referenced.contains(relative) {
                    if (try? manager.removeItem(at: url)) != nil { removed += 1 }
                }
            }
            // Folders left empty.
            for path in (manager.enumerator(atPath: base.path)?.allObjects as? [String] ?? []).sorted().reversed() {
                let url = base.appendingPathComponent(path)
                if (try? manager.contentsOfDirectory(atPath: url.path))?.isEmpty == true { try? manager.removeItem(at: url) }
            }
        }
        return removed
    }
}
