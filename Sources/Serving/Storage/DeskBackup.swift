import Evaluation
import Foundation
import GRDB
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `formprint serve backup`: the data folder in one `.zip`, taken while
/// the server runs. The database is copied first, through SQLite's online
/// backup (GRDB's `backup(to:)`: a consistent snapshot, writers not
/// stopped); then the files that snapshot names. Stored files are never
/// changed or deleted while a server runs (each is written before the row
/// naming it is committed), so the copy is whole. To restore: unzip into
/// an empty folder and start the server with `--data` on it.
struct DeskBackup {
    let folder: URL

    func write(to destination: URL) throws -> (submissions: Int, files: Int) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.appendingPathComponent("desk.sqlite").path) else { throw Failure.noDesk(folder.path) }
        let database = try DeskDatabase(folder: folder)
        let work = manager.temporaryDirectory.appendingPathComponent("formprint-backup-\(UUID().uuidString)")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: work) }

        // The snapshot, and what it names.
        let snapshot = work.appendingPathComponent("desk.sqlite")
        let copy = try DatabaseQueue(path: snapshot.path)
        try database.pool.backup(to: copy)
        let submissions = try copy.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission") ?? 0 }
        let paths = try copy.read { db in
            try String.fetchAll(db, sql: "SELECT 'inputs/' || inputHash FROM submission UNION SELECT storedPath FROM renderedFile ORDER BY 1")
        }
        try copy.close()

        // Written beside the destination, flushed, then renamed over it:
        // a destination is the whole backup or what it was before.
        let partial = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try Self.archive(snapshot: work, files: paths, of: folder, into: partial)
            let handle = try FileHandle(forUpdating: partial)
            try handle.synchronize()
            try handle.close()
            guard rename(partial.path, destination.path) == 0 else { throw Failure.unwritable(path: destination.path) }
        } catch {
            try? manager.removeItem(at: partial)
            if error is Failure { throw error }
            throw Failure.unwritable(path: destination.path)
        }
        try SubmissionStore(database: database).audit(actor: "command line", action: "backup", detail: "\(destination.path)（\(submissions) 份提交，\(paths.count) 个文件）")
        return (submissions, paths.count)
    }

    /// The archive, closed (its file complete) when this returns.
    private static func archive(snapshot: URL, files: [String], of folder: URL, into url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        try archive.addEntry(with: "desk.sqlite", relativeTo: snapshot, compressionMethod: .deflate)
        for path in files {
            guard !path.contains(".."), !path.hasPrefix("/"), FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) else {
                throw Failure.missingFile(path: folder.appendingPathComponent(path).path, folder: folder.path)
            }
            // PDFs and PNGs are compressed already: stored as they are.
            try archive.addEntry(with: path, relativeTo: folder, compressionMethod: .none)
        }
    }

    enum Failure: Error, HasMessage {
        case noDesk(String)
        case missingFile(path: String, folder: String)
        case unwritable(path: String)

        var message: Message {
            switch self {
            case .noDesk(let folder):
                Message(chinese: "\(folder) 中没有网页服务的数据库（desk.sqlite），没有可备份的内容。请用 --data 指定 formprint serve 使用的数据文件夹。",
                        english: "\(folder) holds no desk database (desk.sqlite), so there is nothing to back up. Give the data folder formprint serve uses with --data.")
            case .missingFile(let path, let folder):
                Message(chinese: "备份中断：数据库记录的文件 \(path) 不存在。请先运行 formprint serve verify --data \(folder) 查看缺失的文件。",
                        english: "The backup stopped: the file \(path) the database names is missing. Run formprint serve verify --data \(folder) to see what is missing.")
            case .unwritable(let path):
                Message(chinese: "无法写入备份文件 \(path)：请确认所在文件夹存在、可写且空间足够。",
                        english: "The backup file \(path) cannot be written: check that its folder exists, is writable and has room.")
            }
        }
    }
}
