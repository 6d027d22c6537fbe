import Foundation

/// Writes files so that a reader never sees a partial one: the bytes go to
/// a temporary file in the same folder, are flushed to disk, and the file
/// is renamed into place (rename is atomic within a file system). After a
/// crash or a power cut a file is there whole or not at all.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        try write([(data, url)])
    }

    /// Writes several files (one unit's documents) with one flush for all:
    /// each is written to its temporary name, the disks are synced once,
    /// and only then are they renamed into place. A flush per file
    /// cost a batch more time than rendering on a slow disk. If any write
    /// fails, none of the files that were still temporary is kept.
    public static func write(_ files: [(data: Data, url: URL)]) throws {
        var staged: [(temporary: URL, url: URL)] = []
        func discard(from index: Int = 0) { for file in staged[index...] { unlink(file.temporary.path) } }
        for file in files {
            do {
                staged.append((try stage(file.data, for: file.url), file.url))
            } catch {
                discard()
                throw error
            }
        }
        // One flush for all of them (sync(2): Glibc's module has no
        // syncfs); it reports no errors — those surfaced in write and close.
        if !staged.isEmpty { sync() }
        for (index, file) in staged.enumerated() where rename(file.temporary.path, file.url.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard(from: index)
            throw FormPrintError.writeFailed(file.url.path, reason)
        }
    }

    /// Writes `data` to the temporary name beside `url` and returns it.
    static func stage(_ data: Data, for url: URL) throws -> URL {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FormPrintError.writeFailed(folder.path, (error as NSError).localizedDescription)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw FormPrintError.writeFailed(url.path, String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw FormPrintError.writeFailed(url.path, failure)
        }
        return temporary
    }
}

extension AtomicFile {
    /// Removes the temporary files that an interrupted write (kill -9,
    /// power loss) of any of `targets` left behind: `.<name>.<pid>.tmp`
    /// beside each target. They are hidden and never carry a final name,
    /// but would accumulate over interrupted runs. A file whose process is
    /// still running is another batch's write in progress (two batches may
    /// share an output folder) and is left alone.
    public static func removeStaleTemporaries(for targets: [URL]) {
        let byFolder = Dictionary(grouping: targets) { $0.deletingLastPathComponent().path }
        for (folder, files) in byFolder {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            let names = Set(files.map(\.lastPathComponent))
            for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
                // .<name>.<pid>.tmp
                let inner = entry.dropFirst().dropLast(4)
                guard let dot = inner.lastIndex(of: "."), let pid = Int32(inner[inner.index(after: dot)...]),
                      names.contains(String(inner[..<dot])), !isRunning(pid) else { continue }
                unlink(folder + "/" + entry)
            }
        }
    }

    /// Whether a process with this id exists (signal 0 only checks).
    static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
