import Foundation
import Support

/// Reading an input file in one place, so every command refuses the same
/// things the same way. Foundation's `Data(contentsOf:)` blocks forever on
/// a FIFO, reads /dev/zero until memory runs out, and reports both as "You
/// don't have permission" (issue 14). Here the file is opened without
/// blocking, must be a regular file, and at most `limit` bytes are read
/// (a file that grows past its size while being read is refused too).
public enum RegularFile {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What the path names instead of a file ("a named pipe (FIFO)").
        case notAFile(String)
        case tooLarge(bytes: Int, limit: Int)
        /// The system's reason (no such file, permission denied, …).
        case unreadable(String)

        public var description: String {
            switch self {
            case .notAFile(let kind):
                "it is \(kind), not a regular file (它不是普通文件). FormPrint reads only files: save the data to a file and give its path"
            case .tooLarge(let bytes, let limit):
                "the file has \(bytes >> 20) MB; \(limit >> 20) MB is the limit for this kind of input (文件过大)"
            case .unreadable(let reason):
                reason
            }
        }
    }

    public static func read(_ url: URL, limit: Int) throws(Failure) -> Data {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(SystemError.last.description) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(SystemError.last.description) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notAFile("a folder")
        case S_IFIFO: throw .notAFile("a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: throw .notAFile("a device")
        case S_IFSOCK: throw .notAFile("a socket")
        default: throw .notAFile("not a file")
        }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        let data: Data
        do {
            data = try DescriptorIO.read(upTo: size + 1, from: descriptor)
        } catch {
            throw .unreadable(error.description)
        }
        // One byte more than its size was asked for: if it came, the file
        // grew while being read.
        guard data.count <= limit else { throw .tooLarge(bytes: data.count, limit: limit) }
        return data
    }
}
