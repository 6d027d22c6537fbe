import ArgumentParser
import CommandSupport
import Evaluation
import FormPrint
import Foundation
import Support

struct PrintCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "print",
            abstract: say("通过CUPS（lp）在打印机上打印每个单位的文档。", "Print each unit's documents on a printer, through CUPS (lp)."),
            discussion: say("""
                把一个单位的全部文档生成一个PostScript作业交给 `lp`。需要CUPS的 lp（Debian/Ubuntu：apt install cups-client）。\
                没有 lp 时，可用 `formprint render --format ps` 写出PostScript，再用其他方式送到打印机。
                """, """
                Renders all of a unit's documents as one PostScript job and hands it to `lp`. Needs CUPS's lp \
                (Debian/Ubuntu: apt install cups-client). Without it, write PostScript with \
                `formprint render --format ps` and send the files to the printer another way.
                """))
    }

    @Argument(help: inputHelp)
    var units: [String]

    @Option(name: [.customShort("d"), .long], help: help("打印机（CUPS目标）；默认：系统默认打印机。", "Printer (CUPS destination); default: the system's default printer."))
    var printer: String?

    @Option(name: [.customShort("n"), .long], help: help("份数。", "Number of copies."))
    var copies: Int = 1

    @Flag(help: help("双面打印（长边翻转）。", "Print on both sides (long edge)."))
    var duplex = false

    @OptionGroup var selection: LayoutSelection

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard copies >= 1 && copies <= 999 else { throw usageError("--copies 须在1到999之间", "--copies must be between 1 and 999") }
    }

    func run() throws {
        guard let lp = Self.findExecutable("lp") else {
            printError(say("""
                错误：无法打印：没有安装CUPS的 `lp` 命令。
                  请安装（Debian/Ubuntu：apt install cups-client）并设置打印机，或用
                  `formprint render --format ps 输入…` 写出PostScript，再用其他方式把 .ps 文件送到打印机。
                """, """
                error: cannot print: CUPS's `lp` command is not installed.
                  Install it (Debian/Ubuntu: apt install cups-client) and set up a printer, or write PostScript with
                  `formprint render --format ps UNIT…` and send the .ps files to the printer another way.
                """))
            throw ExitCode(2)
        }
        let requested = try parseLayoutChoices(selection.layoutChoices)
        let renderer: UnitRenderer
        do {
            _ = try SourceDateEpoch.fromEnvironment()
            renderer = try UnitRenderer(extraLayoutFolders: selection.layoutFolderURLs)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        try checkOptionalLines(selection, in: renderer.catalog)
        var failed = false
        var unusable = false
        for path in units {
            let document: UnitDocument
            do {
                document = try UnitFiles.read(path: path, catalog: renderer.catalog, lenient: selection.lenient)
            } catch {
                // An input that cannot be read is unusable input: 2, as in every command.
                printError("\(error)")
                unusable = true
                continue
            }
            do {
                let postScript = try renderer.combinedPostScript(document, layouts: requested, scoringProfile: selection.scoring, lines: Set(selection.lines))
                try send(postScript, title: "\(document.unit.name) \(document.unit.year)", lp: lp)
                let destination = printer ?? say("默认打印机", "the default printer")
                print(say("\(path)：已送往\(destination)（\(copies)份\(duplex ? "，双面" : "")）",
                          "\(path): sent to \(destination) (\(copies) cop\(copies == 1 ? "y" : "ies")\(duplex ? ", duplex" : ""))"))
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        if unusable { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }

    func send(_ postScript: Data, title: String, lp: URL) throws {
        var arguments: [String] = []
        if let printer { arguments += ["-d", printer] }
        arguments += ["-n", String(copies), "-t", title]
        if duplex { arguments += ["-o", "sides=two-sided-long-edge"] }
        let process = Process()
        process.executableURL = lp
        process.arguments = arguments
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(postScript)
        try input.fileHandleForWriting.close()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PrintError(status: process.terminationStatus,
                             output: String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func findExecutable(_ name: String) -> URL? {
        let path = EnvironmentVariables.value("PATH") ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// `lp` refused the job; its own output says why.
struct PrintError: Error, HasMessage {
    var status: Int32
    var output: String

    var message: Message {
        .error(at: nil, chinese: "lp 失败（退出状态\(status)）：\(output)", english: "lp failed (exit \(status)): \(output)")
    }
}
