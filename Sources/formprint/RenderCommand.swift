import ArgumentParser
import Evaluation
import FormPrint
import Foundation

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render each unit file's documents to PDF (or PostScript, PNG, SVG).",
        discussion: """
            Writes one file per document — one 项目支出绩效自评表 per project, the 部门整体支出绩效自评表 and \
            the 部门整体支出绩效自评报告 — as OUT/<unit>/<year>_<document>[_<project>].pdf, and prints each path. \
            PNG and SVG give one file per page (…_p01.png). \
            A unit that fails is reported and the others are still rendered; the exit status is 1 if any failed. \
            Each unit is first checked as by `formprint validate`; the findings go to standard error and the \
            forms are printed anyway, as the unit wrote them.
            """)

    @Argument(help: "Unit files (YAML or JSON).")
    var units: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "out"

    @OptionGroup var rendering: RenderingOptions

    @Flag(help: "Also write all of a unit's documents into one PDF with bookmarks (<unit>/<year>_全部自评文档.pdf).")
    var combined = false

    @Option(help: ArgumentHelp("Fonts for characters the bundled fonts lack: none (an error naming the character) or system (the machine's fonts; the output then depends on them).",
                               valueName: "none|system"))
    var fontFallback: FontFallback = .none

    func run() throws {
        let options = try rendering.renderOptions(combined: combined)
        let renderer: UnitRenderer
        let checker: UnitChecker
        do {
            renderer = try UnitRenderer(extraLayoutFolders: rendering.layoutFolderURLs, fontFallback: fontFallback)
            checker = UnitChecker(profiles: try ScoringCatalog.standard(), catalog: renderer.catalog)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var failed = false
        // Every file is read first, so that two of one unit and year get
        // distinct folders instead of overwriting each other.
        let documents = units.map { path in Result { try UnitFiles.read(path: path, catalog: renderer.catalog, lenient: rendering.lenient) } }
        let folders = UnitFiles.outputFolders(paths: units, units: documents.map { document in
            (try? document.get()).map { ($0.unit.name, $0.unit.year) }
        })
        // Exit status as in every command: 2 when an input cannot be read at
        // all, else 1 when a unit failed to render.
        var unusable = false
        for (index, path) in units.enumerated() {
            if case .failure(let error) = documents[index] {
                printError("\(error)")
                unusable = true
                continue
            }
            do {
                let document = try documents[index].get()
                for warning in folders[index].warnings { printError("\(path): warning: \(warning)") }
                // No finding stops printing: the form is a record of what the unit
                // wrote. Error findings mark it as a draft, unless --final.
                let check = try checker.check(document, layouts: options.layouts, scoring: options.scoringProfile)
                let findings = check.findings
                for finding in findings { printError(FindingText.lines(finding)) }
                let errors = findings.filter { $0.severity == .error }
                if !errors.isEmpty {
                    printError(options.final
                        ? "\(path): printed as final with \(errors.count) error finding\(errors.count == 1 ? "" : "s") (\(errors.map(\.rule.code).joined(separator: ", "))) 含\(errors.count)个错误仍按正式版打印"
                        : "\(path): \(errors.count) error finding\(errors.count == 1 ? "" : "s"): every page is marked 草稿 (draft); fix them, or pass --final 存在\(errors.count)个错误，各页加印“草稿”")
                }
                var unitOptions = options
                unitOptions.unitFolder = folders[index].folder
                let rendered = try renderer.render(check, options: unitOptions)
                let written = try UnitFiles.write(rendered, into: URL(fileURLWithPath: output))
                for file in written { print(file.path) }
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        if unusable { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }
}

/// The options `render` and `batch` share: layouts, scoring and formats.
struct RenderingOptions: ParsableArguments {
    @Option(name: .customLong("layouts"), help: "A folder of layout files used in addition to (and overriding) the built-in ones. Repeatable.")
    var layoutFolders: [String] = []

    @Option(name: .customLong("layout"), help: "Layout for a document kind, as KIND=ID (e.g. project=project-jilin). Repeatable.")
    var layoutChoices: [String] = []

    @Option(help: "Scoring profile for the checks and the scores the unit left empty, as for `validate`.")
    var scoring: String?

    @Option(name: .customLong("format"), help: "Output format: pdf, ps, png, svg or ofd (GB/T 33190). Repeatable (default: pdf).")
    var formats: [OutputFormat] = []

    @Option(help: "Resolution of PNG pages, in pixels per inch.")
    var resolution: Double = 150

    var layoutFolderURLs: [URL] { layoutFolders.map { URL(fileURLWithPath: $0) } }

    func validate() throws {
        guard resolution >= 10 && resolution <= 1200 else {
            throw ValidationError("--resolution must be between 10 and 1200 pixels per inch; got \(resolution)")
        }
        do { _ = try SourceDateEpoch.fromEnvironment() } catch { throw ValidationError(error.description) }
    }

    @Flag(help: "Print units that still have error findings without the 「草稿」 (draft) mark on every page; the errors are named on standard error.")
    var final = false

    @Flag(help: "For a workbook or pasted table: a cell holding data that fits no field is a note, not an error.")
    var lenient = false

    func renderOptions(combined: Bool) throws -> RenderOptions {
        var options = RenderOptions(formats: formats.isEmpty ? [.pdf] : formats, resolution: resolution, combined: combined,
                                    layouts: try parseLayoutChoices(layoutChoices), scoringProfile: scoring)
        options.final = final
        options.lenient = lenient
        return options
    }
}

extension OutputFormat: ExpressibleByArgument {}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension FontFallback: ExpressibleByArgument {}
