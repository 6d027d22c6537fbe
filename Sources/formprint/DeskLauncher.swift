import CommandSupport
import FormPrint
import Foundation

/// `formprint serve …` runs the desk's own executable, `formprint-desk`,
/// found beside this one. The desk's server stack (Hummingbird, NIO, GRDB)
/// stays out of this executable: the Swift runtime scans every protocol
/// conformance record of a binary on a type's first conformance lookup,
/// and a quarter of a fresh `render` went to scanning the server stack's
/// records (docs/BENCHMARKS.md, issue 25).
enum DeskLauncher {
    static let executableName = "formprint-desk"

    /// Whether a command line (without the program's name) is `serve …`:
    /// its first word apart from the root's `--lang` option.
    static func isServe(_ arguments: [String]) -> Bool {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--lang" {
                index += 2
            } else if argument.hasPrefix("--lang=") {
                index += 1
            } else {
                return argument == "serve"
            }
        }
        return false
    }

    /// Replaces this process by the desk's with the same arguments and
    /// environment. An exec, not a child: the process id stays the one
    /// that was started, so systemd, a test or `kill` stop the server by
    /// it, and nothing sits between the server and its standard streams.
    static func exec(arguments: [String]) -> Never {
        let desk = deskExecutable.path
        var argv: [UnsafeMutablePointer<CChar>?] = ([desk] + arguments).map { strdup($0) } + [nil]
        fflush(nil)  // all C streams: nothing written before the exec may be lost
        _ = execv(desk, &argv)
        let reason = SystemReason.message(errno: errno)
        printError(say("错误：formprint serve 由 formprint 同一文件夹中的 formprint-desk 程序提供，但无法运行 \(desk)：\(reason.chinese)。请用 swift build -c release --static-swift-stdlib --product formprint-desk 编译，并把它与 formprint 放在同一文件夹。",
                       "error: formprint serve is run by formprint-desk, the program beside formprint, but \(desk) cannot be run: \(reason.english). Build it with swift build -c release --static-swift-stdlib --product formprint-desk and put it in the folder formprint is in."))
        exit(2)
    }

    /// `formprint-desk` in the folder of this process's executable, links
    /// resolved (an installed `formprint` may be a link to the build).
    static var deskExecutable: URL {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
            ?? Bundle.main.executableURL
            ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(executableName)
    }
}
