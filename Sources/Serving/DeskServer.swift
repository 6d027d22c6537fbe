import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging

/// `formprint serve`: the desk on one address, everything in one folder.
package enum DeskServer {
    /// Whether `address` is this machine only (nobody logs in there).
    package static func isLoopback(_ address: String) -> Bool {
        address == "localhost" || address == "::1" || address.hasPrefix("127.")
    }

    /// Serves until the process is stopped. `onRunning` is told the port
    /// (useful with port 0: a free one).
    package static func run(data: URL, address: String, port: Int, workers: Int, tls: ServerTLS? = nil,
                           onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let requiresLogin = !isLoopback(address)
        // The certificate and key are checked before the data folder is taken.
        let server: HTTPServerBuilder = try tls.map { try .tls(tlsConfiguration: try $0.configuration()) } ?? .http1()
        let desk = try Desk(data: data, workers: workers, requiresLogin: requiresLogin, servesTLS: tls != nil)
        if requiresLogin, try !Sessions(database: desk.store.database).hasAdministrator() {
            throw ServeError.noAdministrator(data.path)
        }
        var logger = Logger(label: "formprint-serve")
        logger.logLevel = .notice
        if desk.swept > 0 { logger.notice("removed \(desk.swept) files an interrupted run left (never accepted)") }
        let app = Application(router: DeskRoutes(desk: desk).router(), server: server,
                              configuration: .init(address: .hostname(address, port: port), serverName: "FormPrint"),
                              onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) }, logger: logger)
        try await app.runService()
    }

    /// Creates or replaces an administrator (`formprint serve admin`).
    package static func setAdministrator(data: URL, name: String, password: String) throws {
        try Sessions(database: try DeskDatabase(folder: data)).setAdministrator(name, password: password)
    }

    /// Copies the desk's data folder into one `.zip` at `destination`
    /// (`formprint serve backup`), while the server runs: the database
    /// through SQLite's online backup, then every file it names. Returns
    /// how many submissions and files it holds.
    package static func backup(data: URL, to destination: URL) throws -> (submissions: Int, files: Int) {
        try DeskBackup(folder: data).write(to: destination)
    }

    /// Checks that every stored submission is complete (`formprint serve verify`).
    package static func verify(data: URL) throws -> (submissions: Int, files: Int, journal: String, problems: [String]) {
        let database = try DeskDatabase(folder: data)
        let store = SubmissionStore(database: database)
        let files = FileStore(root: data)
        var problems: [String] = []
        var fileCount = 0
        let all = try store.submissions(limit: .max)
        for submission in all {
            if (try? files.input(submission.inputHash)).map({ ContentHashing.hex($0) }) != submission.inputHash {
                problems.append("#\(submission.id ?? 0): input \(submission.inputHash) missing or changed")
            }
            for file in try store.files(of: submission) {
                fileCount += 1
                guard let data = try? files.data(at: file.storedPath), data.count == file.bytes, ContentHashing.hex(data) == file.sha256 else {
                    problems.append("#\(submission.id ?? 0): \(file.storedPath) (\(file.downloadName)) missing or incomplete")
                    continue
                }
            }
        }
        return (all.count, fileCount, try database.journalMode(), problems)
    }
}

package enum ServeError: Error, CustomStringConvertible {
    case noAdministrator(String)

    package var description: String {
        switch self {
        case .noAdministrator(let folder):
            "beyond loopback the bureau's administrator must log in, and \(folder) has none; create one with `formprint serve admin --data \(folder) --user NAME` (the password is read from standard input) 非本机地址需要管理员账户：请先用 formprint serve admin 创建"
        }
    }
}
