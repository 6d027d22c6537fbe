import Evaluation
import Foundation
import InputReading
import Support

/// Writes files so that a reader never sees a partial one: the bytes go to
/// a temporary file in the same folder, are flushed to disk, and the file
/// is renamed into place (rename is atomic within a file system). After a
/// crash or a power cut a file is there whole or not at all.
///
/// Everything is written inside the output folder and nowhere else. The
/// path below it is taken one folder at a time, each opened without
/// following symbolic links (`openat` with `O_NOFOLLOW`), so neither a name
/// (`..`, `/`, an absolute path) nor a link planted in the output folder (a
/// unit folder that points elsewhere, a temporary file that points at
/// another file) can move the write outside it. The output folder itself
/// is used as named, even when it is a link.
package enum AtomicFile {
    /// Writes `data` to `url`, creating its folder if needed.
    package static func write(_ data: Data, to url: URL) throws {
        try write(data, to: url.lastPathComponent, inside: url.deletingLastPathComponent())
    }

    /// Writes `data` to `relativePath` ("unit/2024_….pdf") inside `folder`
    /// and returns the file's URL. A path that would leave the folder, or
    /// that runs through a symbolic link inside it, is refused.
    @discardableResult
    package static func write(_ data: Data, to relativePath: String, inside folder: URL) throws -> URL {
        try write([(data, relativePath)], inside: folder)[0]
    }

    /// Writes several files (one unit's documents) inside `folder` with one
    /// flush for all: each is written to its temporary name, the disks are
    /// synced once, and only then are they renamed into place. A flush per
    /// file cost a batch more time than rendering on a slow disk. If any
    /// write fails, none of the files that were still temporary is kept.
    @discardableResult
    package static func write(_ files: [(data: Data, relativePath: String)], inside folder: URL) throws -> [URL] {
        var staged: [Staged] = []
        defer { for file in staged { close(file.directory) } }
        func discard(from index: Int = 0) { for file in staged[index...] { unlinkat(file.directory, file.temporary, 0) } }
        for file in files {
            do {
                // A single file is flushed on its own, which costs less.
                staged.append(try stage(file.data, at: file.relativePath, inside: folder, flush: files.count == 1))
            } catch {
                discard()
                throw error
            }
        }
        // One flush for all of them (sync(2): Glibc's module has no syncfs).
        if staged.count > 1 { sync() }
        for (index, file) in staged.enumerated() {
            // rename replaces whatever has the name (a link too) without following it.
            if renameat(file.directory, file.temporary, file.directory, file.name) != 0 {
                let reason = SystemError.last.message
                discard(from: index)
                throw FormPrintError.writeFailed(file.target.path, reason)
            }
            // The new name itself is on disk once its folder is flushed.
            if staged.count == 1 { fsync(file.directory) }
        }
        return staged.map(\.target)
    }

    /// A file written under its temporary name, its folder still open.
    struct Staged {
        var directory: Int32
        var temporary: String
        var name: String
        var target: URL
    }

    /// Walks to the file's folder below `folder` without following links,
    /// and writes `data` to the temporary name there (flushed to disk when
    /// `flush`).
    static func stage(_ data: Data, at relativePath: String, inside folder: URL, flush: Bool) throws -> Staged {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !relativePath.hasPrefix("/"),
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else {
            throw FormPrintError.outsideOutputFolder(relativePath, reason: Message(chinese: "路径是绝对路径，或含有空的、“.”或“..”部分",
                                                                                  english: "the path is absolute or has an empty, '.' or '..' part"))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FormPrintError.writeFailed(folder.path, SystemReason.message(of: error))
        }
        var directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw FormPrintError.writeFailed(folder.path, SystemError.last.message) }
        var reached = folder
        for component in components.dropLast() {
            reached.appendPathComponent(component)
            if mkdirat(directory, component, 0o755) != 0, case let error = SystemError.last, error.code != EEXIST {
                close(directory)
                throw FormPrintError.writeFailed(reached.path, error.message)
            }
            let next = openat(directory, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                let error = SystemError.last
                var status = stat()
                // (Linux says ENOTDIR, macOS ELOOP, for a link with O_NOFOLLOW.)
                let isLink = fstatat(directory, component, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFLNK
                close(directory)
                let reason = isLink ? Message(chinese: "它是符号链接；FormPrint不通过输出文件夹内的链接写入",
                                              english: "it is a symbolic link; FormPrint does not write through links inside the output folder")
                    : error.code == ENOTDIR ? Message(chinese: "它是文件，不是文件夹", english: "it is a file, not a folder") : error.message
                throw FormPrintError.outsideOutputFolder(reached.path, reason: reason)
            }
            close(directory)
            directory = next
        }
        let name = components.last!
        let target = folder.appendingPathComponent(relativePath)
        let temporary = ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp"
        // A leftover of an interrupted write, or a link planted in its place:
        // removed (a link itself, never what it points to), then created anew.
        unlinkat(directory, temporary, 0)
        let descriptor = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = SystemError.last.message
            close(directory)
            throw FormPrintError.writeFailed(target.path, reason)
        }
        var failure: SystemError?
        do {
            try DescriptorIO.writeAll(data, to: descriptor)
            if flush { try SystemError.check(fsync(descriptor)) }
        } catch {
            failure = error
        }
        if close(descriptor) != 0 && failure == nil { failure = .last }
        if let failure {
            unlinkat(directory, temporary, 0)
            close(directory)
            throw FormPrintError.writeFailed(target.path, failure.message)
        }
        return Staged(directory: directory, temporary: temporary, name: name, target: target)
    }
}

extension AtomicFile {
    /// Removes the temporary files that an interrupted write (kill -9,
    /// power loss) of any of `targets` left behind: `.<name>.<pid>.tmp`
    /// beside each target. They are hidden and never carry a final name,
    /// but would accumulate over interrupted runs. A file whose process is
    /// still running is another batch's write in progress (two batches may
    /// share an output folder) and is left alone.
    package static func removeStaleTemporaries(for targets: [URL]) {
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
        pid > 0 && (kill(pid, 0) == 0 || SystemError.last.code == EPERM)
    }
}
