import Evaluation
import FormPrint
import Foundation
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One server per data folder: an exclusive `flock` on `serve.lock` in the
/// folder, taken before anything in it is read or swept and held while the
/// desk lives (for `formprint serve`, the process), with the holder's
/// process id written in the file. A second server on the folder would
/// take the first's uncommitted uploads for a crash's leftovers and sweep
/// them away; it is refused instead, naming the first. The kernel lets go
/// of the lock when the process ends, however it ends.
package final class DataFolderLock: Sendable {
    package static let fileName = "serve.lock"
    private let descriptor: Int32

    package init(folder: URL) throws {
        let path = folder.appendingPathComponent(Self.fileName).path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure.unusable(path: path, reason: SystemReason.message(of: error))
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure.unusable(path: path, reason: SystemError.last.message) }
        var result: Int32
        repeat { result = flock(descriptor, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        guard result == 0 else {
            let error = SystemError.last
            let holder = (try? DescriptorIO.read(upTo: 32, from: descriptor))
                .flatMap { Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) }
            close(descriptor)
            if error.code == EWOULDBLOCK { throw Failure.busy(folder: folder.path, holder: holder) }
            throw Failure.unusable(path: path, reason: error.message)
        }
        self.descriptor = descriptor
        // The holder, for the message a second server gives.
        _ = ftruncate(descriptor, 0)
        _ = lseek(descriptor, 0, SEEK_SET)
        try? DescriptorIO.writeAll(Data("\(getpid())\n".utf8), to: descriptor)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    package enum Failure: Error, HasMessage {
        /// Another server holds the folder (`holder`: its process id, if it wrote it yet).
        case busy(folder: String, holder: Int32?)
        case unusable(path: String, reason: Message)

        package var message: Message {
            switch self {
            case .busy(let folder, let holder):
                let (chinese, english) = holder.map { ("（进程 \($0)）", " (process \($0))") } ?? ("", "")
                return Message(chinese: "数据文件夹 \(folder) 正由另一个 formprint serve\(chinese)使用。一个数据文件夹只能有一个服务，否则一个会删掉另一个正在生成的材料。请先停止那个进程，或用 --data 指定另一个文件夹。",
                               english: "The data folder \(folder) is in use by another formprint serve\(english). One data folder takes one server, or one would delete what the other is rendering. Stop that process first, or give another folder with --data.")
            case .unusable(let path, let reason):
                return Message(chinese: "无法锁定数据文件夹（\(path)）：\(reason.chinese)", english: "The data folder cannot be locked (\(path)): \(reason.english)")
            }
        }
    }
}
