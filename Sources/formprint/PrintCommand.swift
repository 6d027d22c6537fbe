import ArgumentParser
import FormPrint
import Foundation

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print each unit's documents on a printer, through CUPS (lp).",
        discussion: """
            Renders all of a unit's documents as one PostScript job and hands it to `lp`. Needs CUPS's lp \
            (Debian/Ubuntu: apt install cups-client). Without it, write PostScript with \
            `formprint render --format ps` and send the files to the printer another way.
            """)

    @Argument(help: "Unit files (YAML or JSON).")
    var units: [String]

    @Option(name: [.customShort("d"), .long], help: "Printer (CUPS destination); default: the system's default printer.")
    var printer: String?

    @Option(name: [.customShort("n"), .long], help: "Number of copies.")
    var copies: Int = 1

    @Flag(help: "Print on both sides (long edge).")
    var duplex = false

    @Option(name: .customLong("layouts"), help: "A folder of layout files used in addition to (and overriding) the built-in ones. Repeatable.")
    var layoutFolders: [String] = []

    @Option(name: .customLong("layout"), help: "Layout for a document kind, as KIND=ID. Repeatable.")
    var layoutChoices: [String] = []

    @Option(help: "Scoring profile for the scores the unit left empty, as for `validate`.")
    var scoring: String?

    func validate() throws {
        guard copies >= 1 && copies <= 999 else { throw ValidationError("--copies must be between 1 and 999") }
    }

    func run() throws {
        guard let lp = Self.findExecutable("lp") else {
            printError("""
                error: cannot print: CUPS's `lp` command is not installed.
                  Install it (Debian/Ubuntu: apt install cups-client) and set up a printer, or write PostScript with
                  `formprint render --format ps UNIT…` and send the .ps files to the printer another way.
                """)
            throw ExitCode(2)
        }
        let requested = try parseLayoutChoices(layoutChoices)
        let renderer: UnitRenderer
        do {
            _ = try SourceDateEpoch.fromEnvironment()
            renderer = try UnitRenderer(extraLayoutFolders: layoutFolders.map { URL(fileURLWithPath: $0) })
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var failed = false
        for path in units {
            do {
                let document = try UnitFiles.read(path: path, catalog: renderer.catalog)
                let postScript = try renderer.combinedPostScript(document, layouts: requested, scoringProfile: scoring)
                try send(postScript, title: "\(document.unit.name) \(document.unit.year)", lp: lp)
                print("\(path): sent to \(printer ?? "the default printer") (\(copies) cop\(copies == 1 ? "y" : "ies")\(duplex ? ", duplex" : ""))")
            } catch {
                printError("\(error)")
                failed = true
            }
        }
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
            throw PrintError(message: "lp failed (exit \(process.terminationStatus)): "
                + String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func findExecutable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

struct PrintError: Error, CustomStringConvertible {
    var message: String
    var description: String { "error: " + message }
}
