import ArgumentParser
import Foundation
import Serving

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web desk: officers hand in and fix their forms (填报), the bureau collects them (汇总).",
        discussion: """
            Everything is kept in one folder (--data): an SQLite database and the uploaded and rendered files. \
            On 127.0.0.1 nobody logs in. With --listen beyond loopback the bureau's administrator must log in \
            (create one first with `formprint serve admin`) and issues each unit an access code.
            """,
        subcommands: [Start.self, Admin.self, Verify.self],
        defaultSubcommand: Start.self)

    struct DataFolder: ParsableArguments {
        @Option(help: "The folder holding the database and the files.")
        var data: String = "formprint-data"

        var url: URL { URL(fileURLWithPath: data, isDirectory: true) }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "Start the server (the default).")

        @OptionGroup var folder: DataFolder

        @Option(help: "The address to listen on; beyond loopback, people log in.")
        var listen: String = "127.0.0.1"

        @Option(help: "The port.")
        var port: Int = 8080

        @Option(help: "Rendering workers (one typesetter each); a burst of uploads waits for a free one.")
        var workers: Int = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535; got \(port)") }
            guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64; got \(workers)") }
        }

        func run() throws {
            let (folder, listen, port, workers) = (folder.url, listen, port, workers)
            let failure = Failure()
            let done = DispatchSemaphore(value: 0)
            Task {
                do {
                    try await DeskServer.run(data: folder, address: listen, port: port, workers: workers) { port in
                        let line = "formprint serve: http://\(listen.contains(":") ? "[\(listen)]" : listen):\(port)/  (\(folder.path))\n"
                        FileHandle.standardOutput.write(Data(line.utf8))
                    }
                } catch {
                    failure.error = error
                }
                done.signal()
            }
            done.wait()
            if let error = failure.error {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
    }

    struct Admin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "admin", abstract: "Create (or reset) the bureau's administrator; the password is read from standard input.")

        @OptionGroup var folder: DataFolder

        @Option(help: "The administrator's user name.")
        var user: String

        func run() throws {
            guard let password = readLine(strippingNewline: true), password.count >= 8 else {
                printError("give the password (at least 8 characters) on standard input 请从标准输入提供至少8位的密码")
                throw ExitCode(2)
            }
            try DeskServer.setAdministrator(data: folder.url, name: user, password: password)
            print("administrator \(user) saved in \(folder.url.path)")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Check that every stored submission and file is complete (after a crash).")

        @OptionGroup var folder: DataFolder

        func run() throws {
            let result = try DeskServer.verify(data: folder.url)
            print("\(result.submissions) submissions, \(result.files) files, journal \(result.journal), \(result.problems.count) problems")
            for problem in result.problems { printError(problem) }
            if !result.problems.isEmpty { throw ExitCode(1) }
        }
    }
}

/// The server task's error, handed to the waiting command.
private final class Failure: @unchecked Sendable {
    var error: Error?
}
