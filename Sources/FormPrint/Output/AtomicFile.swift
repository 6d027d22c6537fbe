import Foundation

/// Writes files so that a reader never sees a partial one: the bytes go to
/// a temporary file in the same folder, are flushed to disk, and the file
/// is renamed into place (rename is atomic within a file system).
///
/// Everything is written inside the output folder and nowhere else. The
/// path below it is taken one folder at a time, each opened without
/// following symbolic links (`openat` with `O_NOFOLLOW`), so neither a name
/// (`..`, `/`, an absolute path) nor a link planted in the output folder (a
/// unit folder that points elsewhere, a temporary file that points at
/// another file) can move the write outside it. The output folder itself
/// is used as named, even when it is a link.
public enum AtomicFile {
    /// Writes `data` to `url`, creating its folder if needed.
    public static func write(_ data: Data, to url: URL) throws {
        try write(data, to: url.lastPathComponent, inside: url.deletingLastPathComponent())
    }

    /// Writes `data` to `relativePath` ("unit/2024_….pdf") inside `folder`
    /// and returns the file's URL. A path that would leave the folder, or
    /// that runs through a symbolic link inside it, is refused.
    @discardableResult
    public static func write(_ data: Data, to relativePath: String, inside folder: URL) throws -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !relativePath.hasPrefix("/"),
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }) else {
            throw FormPrintError.outsideOutputFolder(relativePath, reason: "the path is absolute or has an empty, '.' or '..' part")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FormPrintError.writeFailed(folder.path, (error as NSError).localizedDescription)
        }
        var directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw FormPrintError.writeFailed(folder.path, String(cString: strerror(errno))) }
        defer { close(directory) }
        var reached = folder
        for component in components.dropLast() {
            reached.appendPathComponent(component)
            if mkdirat(directory, component, 0o755) != 0 && errno != EEXIST {
                throw FormPrintError.writeFailed(reached.path, String(cString: strerror(errno)))
            }
            let next = openat(directory, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                let error = errno
                var status = stat()
                // (Linux says ENOTDIR, macOS ELOOP, for a link with O_NOFOLLOW.)
                let isLink = fstatat(directory, component, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFLNK
                let reason = isLink ? "it is a symbolic link; FormPrint does not write through links inside the output folder"
                    : error == ENOTDIR ? "it is a file, not a folder" : String(cString: strerror(error))
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
        guard descriptor >= 0 else { throw FormPrintError.writeFailed(target.path, String(cString: strerror(errno))) }
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
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        // rename replaces whatever has the name (a link too) without following it.
        if failure == nil && renameat(directory, temporary, directory, name) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlinkat(directory, temporary, 0)
            throw FormPrintError.writeFailed(target.path, failure)
        }
        // The new name itself is on disk once its folder is flushed.
        fsync(directory)
        return target
    }
}
