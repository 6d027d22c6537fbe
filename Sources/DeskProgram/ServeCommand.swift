import ArgumentParser
import CommandSupport
import Foundation
import Serving

struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: DeskWords.serveAbstract,
            discussion: say("""
                全部内容保存在一个文件夹（--data）中：一个SQLite数据库以及上传和生成的文件。\
                在127.0.0.1上无需登录。用 --listen 监听其他地址时，财政局管理员须登录\
                （先用 `formprint serve admin` 创建），并给每个单位发放访问码。
                """, """
                Everything is kept in one folder (--data): an SQLite database and the uploaded and rendered files. \
                On 127.0.0.1 nobody logs in. With --listen beyond loopback the bureau's administrator must log in \
                (create one first with `formprint serve admin`) and issues each unit an access code.
                """),
            subcommands: [Start.self, Admin.self, Verify.self, Backup.self],
            defaultSubcommand: Start.self)
    }

    struct DataFolder: ParsableArguments {
        @Option(help: help("保存数据库和文件的文件夹。", "The folder holding the database and the files."))
        var data: String = "formprint-data"

        var url: URL { URL(fileURLWithPath: data, isDirectory: true) }
    }

    struct Start: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "start", abstract: say("启动服务（默认）。", "Start the server (the default).")) }

        @OptionGroup var folder: DataFolder

        @Option(help: help("监听的地址；非本机回环地址时需要登录。", "The address to listen on; beyond loopback, people log in."))
        var listen: String = "127.0.0.1"

        @Option(help: help("端口。", "The port."))
        var port: Int = 8080

        @Option(help: help("生成文档的工作线程数（各有一个排版器）；上传过多时排队等候。", "Rendering workers (one typesetter each); a burst of uploads waits for a free one."))
        var workers: Int = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

        @Option(name: .customLong("tls-cert"), help: help("TLS 证书（PEM）：服务改用 HTTPS，访问码和密码不以明文在网络上传输。须与 --tls-key 一起使用。",
                                                          "A TLS certificate (PEM): the desk speaks HTTPS, so codes and passwords never cross the network in plain text. Use with --tls-key."))
        var tlsCert: String?

        @Option(name: .customLong("tls-key"), help: help("TLS 证书的私钥（PEM，未加密）。", "The certificate's private key (PEM, unencrypted)."))
        var tlsKey: String?

        func validate() throws {
            guard (tlsCert == nil) == (tlsKey == nil) else {
                throw usageError("--tls-cert 和 --tls-key 须同时给出", "--tls-cert and --tls-key go together")
            }
            guard (0...65_535).contains(port) else { throw usageError("--port 须在0到65535之间；收到的是\(port)", "--port must be between 0 and 65535; got \(port)") }
            guard (1...64).contains(workers) else { throw usageError("--workers 须在1到64之间；收到的是\(workers)", "--workers must be between 1 and 64; got \(workers)") }
        }

        func run() throws {
            let (folder, listen, port, workers) = (folder.url, listen, port, workers)
            let tls = tlsCert.flatMap { cert in
                tlsKey.map { ServerTLS(certificate: URL(fileURLWithPath: cert), key: URL(fileURLWithPath: $0)) }
            }
            let scheme = tls == nil ? "http" : "https"
            let failure = Failure()
            let done = DispatchSemaphore(value: 0)
            Task {
                do {
                    try await DeskServer.run(data: folder, address: listen, port: port, workers: workers, tls: tls) { port in
                        let line = "formprint serve: \(scheme)://\(listen.contains(":") ? "[\(listen)]" : listen):\(port)/  (\(folder.path))\n"
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
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "admin", abstract: say("创建（或重设）财政局管理员；密码从标准输入读取。重设密码会结束该管理员已登录的会话。",
                                                                     "Create (or reset) the bureau's administrator; the password is read from standard input. A reset ends that administrator's open sessions."))
        }

        @OptionGroup var folder: DataFolder

        @Option(help: help("管理员的用户名。", "The administrator's user name."))
        var user: String

        func run() throws {
            guard let password = readLine(strippingNewline: true), password.count >= 8 else {
                printError(say("错误：请从标准输入提供至少8位的密码", "error: give the password (at least 8 characters) on standard input"))
                throw ExitCode(2)
            }
            try DeskServer.setAdministrator(data: folder.url, name: user, password: password)
            print(say("管理员\(user)已保存在\(folder.url.path)", "administrator \(user) saved in \(folder.url.path)"))
        }
    }

    struct Verify: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "verify", abstract: say("检查保存的每份提交和文件是否完整（用于崩溃之后）。",
                                                                      "Check that every stored submission and file is complete (after a crash)."))
        }

        @OptionGroup var folder: DataFolder

        func run() throws {
            let result = try DeskServer.verify(data: folder.url)
            print(say("\(result.submissions)份提交，\(result.files)个文件，日志模式\(result.journal)，\(result.problems.count)个问题",
                      "\(result.submissions) submissions, \(result.files) files, journal \(result.journal), \(result.problems.count) problems"))
            for problem in result.problems { printError(problem) }
            if !result.problems.isEmpty { throw ExitCode(1) }
        }
    }
}

extension ServeCommand {
    struct Backup: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "backup", abstract: say("把数据文件夹备份为一个 .zip 文件（服务运行时也可以）：数据库用 SQLite 的在线备份，另加全部上传和生成的文件。恢复时解压到一个空文件夹，用 --data 指向它。",
                                                                      "Back the data folder up into one .zip, also while the server runs: the database through SQLite's online backup, plus every uploaded and rendered file. To restore, unzip into an empty folder and point --data at it."))
        }

        @OptionGroup var folder: DataFolder

        @Option(help: help("备份文件（.zip）；已存在时替换。", "The backup file (.zip); replaced if it exists."))
        var to: String

        func run() throws {
            let result = try DeskServer.backup(data: folder.url, to: URL(fileURLWithPath: to))
            print(say("已备份到\(to)：\(result.submissions)份提交，\(result.files)个文件", "backed up to \(to): \(result.submissions) submissions, \(result.files) files"))
        }
    }
}

/// The server task's error, handed to the waiting command.
private final class Failure: @unchecked Sendable {
    var error: Error?
}
