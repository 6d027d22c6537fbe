import Evaluation
import Foundation
import Support

/// Reading an input file in one place, so every command refuses the same
/// things the same way. Foundation's `Data(contentsOf:)` blocks forever on
/// a FIFO, reads /dev/zero until memory runs out, and reports both as "You
/// don't have permission" (issue 14). Here the file is opened without
/// blocking, must be a regular file, and at most `limit` bytes are read
/// (a file that grows past its size while being read is refused too).
package enum RegularFile {
    package enum Failure: Error, Sendable, Equatable, HasMessage {
        /// What the path names instead of a file.
        case notAFile(Kind)
        case tooLarge(bytes: Int, limit: Int)
        /// The system's reason, as errno (no such file, permission denied, …).
        case unreadable(errno: Int32)

        package enum Kind: Sendable, Equatable {
            case folder, fifo, device, socket, other

            var message: Message {
                switch self {
                case .folder: Message(chinese: "文件夹", english: "a folder")
                case .fifo: Message(chinese: "命名管道（FIFO）", english: "a named pipe (FIFO)")
                case .device: Message(chinese: "设备", english: "a device")
                case .socket: Message(chinese: "套接字", english: "a socket")
                case .other: Message(chinese: "非文件对象", english: "not a file")
                }
            }
        }

        /// FormPrint's own sentence for each reason, never the system's
        /// or Foundation's text ("The file doesn't exist.").
        package var message: Message {
            switch self {
            case .notAFile(let kind):
                Message(chinese: "它是\(kind.message.chinese)，不是普通文件。FormPrint只读取文件：请把数据保存为文件并给出其路径",
                        english: "it is \(kind.message.english), not a regular file. FormPrint reads only files: save the data to a file and give its path")
            case .tooLarge(let bytes, let limit):
                Message(chinese: "文件有\(bytes >> 20) MB，这类输入最大\(limit >> 20) MB",
                        english: "the file has \(bytes >> 20) MB; \(limit >> 20) MB is the limit for this kind of input")
            case .unreadable(let code):
                SystemReason.message(errno: code)
            }
        }
    }

    package static func read(_ url: URL, limit: Int) throws(Failure) -> Data {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(errno: SystemError.last.code) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(errno: SystemError.last.code) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notAFile(.folder)
        case S_IFIFO: throw .notAFile(.fifo)
        case S_IFCHR, S_IFBLK: throw .notAFile(.device)
        case S_IFSOCK: throw .notAFile(.socket)
        default: throw .notAFile(.other)
        }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        let data: Data
        do {
            data = try DescriptorIO.read(upTo: size + 1, from: descriptor)
        } catch {
            throw .unreadable(errno: error.code)
        }
        // One byte more than its size was asked for: if it came, the file
        // grew while being read.
        guard data.count <= limit else { throw .tooLarge(bytes: data.count, limit: limit) }
        return data
    }
}

/// The system's reasons a file cannot be read or written that people meet,
/// as FormPrint's own sentences in both languages (never the system's or
/// Foundation's English, "The file doesn't exist."); any other is named by
/// its number and the system's text.
package enum SystemReason {
    /// Bytes that are not UTF-8 text, for a file read as text.
    package static let notUTF8 = Message(chinese: "不是UTF-8文本，请另存为UTF-8", english: "it is not UTF-8 text; save it as UTF-8")

    package static func message(errno code: Int32) -> Message {
        switch code {
        case ENOENT: Message(chinese: "文件或文件夹不存在，请检查路径和名称", english: "there is no such file or folder; check the path and the name")
        case EACCES, EPERM: Message(chinese: "没有权限，请检查文件或文件夹的权限", english: "permission denied; check the permissions of the file or folder")
        case ENOTDIR: Message(chinese: "路径中的某一部分不是文件夹", english: "a part of the path is not a folder")
        case ENAMETOOLONG: Message(chinese: "路径过长", english: "the path is too long")
        case ELOOP: Message(chinese: "符号链接层数过多", english: "too many levels of symbolic links")
        case EISDIR: Message(chinese: "它是文件夹，不是文件", english: "it is a folder, not a file")
        case ENOSPC, EDQUOT: Message(chinese: "磁盘已满（或超出配额），请腾出空间", english: "the disk is full (or the quota is used up); free some space")
        case EFBIG: Message(chinese: "文件超出了允许的大小（ulimit -f）", english: "the file is larger than allowed (ulimit -f)")
        case EROFS: Message(chinese: "文件系统是只读的", english: "the file system is read-only")
        case EIO: Message(chinese: "磁盘读写错误", english: "an input/output error of the disk")
        default:
            Message(chinese: "系统错误\(code)（\(String(cString: strerror(code)))）", english: "system error \(code) (\(String(cString: strerror(code))))")
        }
    }

    /// The reason of an error Foundation threw for a file operation: its
    /// POSIX error where it has one (directly or underlying), else its code.
    package static func message(of error: any Error) -> Message {
        if let failure = error as? RegularFile.Failure { return failure.message }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return message(errno: Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return message(errno: Int32(underlying.code))
        }
        switch error.code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return message(errno: ENOENT)
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return message(errno: EACCES)
        case NSFileReadInapplicableStringEncodingError:
            return SystemReason.notUTF8
        case NSFileWriteOutOfSpaceError: return message(errno: ENOSPC)
        case NSFileWriteVolumeReadOnlyError: return message(errno: EROFS)
        default: return Message(chinese: "错误\(error.domain) \(error.code)", english: "error \(error.domain) \(error.code)")
        }
    }
}

extension SystemError {
    /// FormPrint's own sentence for the failed call, in both languages.
    package var message: Message { SystemReason.message(errno: code) }
}
