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
            A unit that fails is reported and the others are still rendered; the exit status is 1 if any failed.
            """)

    @Argument(help: "Unit files (YAML or JSON).")
    var units: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "out"

    @OptionGroup var rendering: RenderingOptions

    @Flag(help: "Also write all of a unit's documents into one PDF with bookmarks (<unit>/<year>_全部自评文档.pdf).")
    var combined = false

    func run() throws {
        let options = try rendering.renderOptions(combined: combined)
        let renderer: UnitRenderer
        do {
            renderer = try UnitRenderer(extraLayoutFolders: rendering.layoutFolderURLs)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var failed = false
        for path in units {
            do {
                let written = try UnitFiles.render(URL(fileURLWithPath: path), with: renderer, options: options,
                                                   into: URL(fileURLWithPath: output))
                for file in written { print(file.path) }
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// The options `render`, `batch` and `print` share: layouts and formats.
struct RenderingOptions: ParsableArguments {
    @Option(name: .customLong("layouts"), help: "A folder of layout files used in addition to (and overriding) the built-in ones. Repeatable.")
    var layoutFolders: [String] = []

    @Option(name: .customLong("layout"), help: "Layout for a document kind, as KIND=ID (e.g. project=project-jilin). Repeatable.")
    var layoutChoices: [String] = []

    @Option(name: .customLong("format"), help: "Output format: pdf, ps, png or svg. Repeatable (default: pdf).")
    var formats: [OutputFormat] = []

    @Option(help: "Resolution of PNG pages, in pixels per inch.")
    var resolution: Double = 150

    var layoutFolderURLs: [URL] { layoutFolders.map { URL(fileURLWithPath: $0) } }

    func validate() throws {
        guard resolution >= 10 && resolution <= 1200 else {
            throw ValidationError("--resolution must be between 10 and 1200 pixels per inch; got \(resolution)")
        }
    }

    func layouts() throws -> [DocumentKind: String] { try Self.layouts(layoutChoices) }

    /// `KIND=ID` choices as a dictionary.
    static func layouts(_ layoutChoices: [String]) throws -> [DocumentKind: String] {
        var requested: [DocumentKind: String] = [:]
        for choice in layoutChoices {
            let parts = choice.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = DocumentKind(rawValue: parts[0]) else {
                throw ValidationError("--layout takes KIND=ID with KIND one of \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")); got '\(choice)'")
            }
            requested[kind] = parts[1]
        }
        return requested
    }

    func renderOptions(combined: Bool) throws -> RenderOptions {
        RenderOptions(formats: formats.isEmpty ? [.pdf] : formats, resolution: resolution, combined: combined,
                      layouts: try layouts())
    }
}

extension OutputFormat: ExpressibleByArgument {}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
