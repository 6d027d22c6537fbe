import ArgumentParser
import Batch
import CommandSupport
import Evaluation
import FormPrint
import Foundation

struct RenderCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "render",
            abstract: say("把每个输入的文档生成PDF（或PostScript、PNG、SVG、OFD）。", "Render each input's documents to PDF (or PostScript, PNG, SVG, OFD)."),
            discussion: say("""
                每份文档写一个文件——每个项目一份项目支出绩效自评表，以及部门整体支出绩效自评表和部门整体支出绩效自评报告——\
                路径为 OUT/<单位>/<年度>_<文档>[_<项目>].pdf，并逐一打印路径。PNG和SVG每页一个文件（…_p01.png）。\
                某个单位失败时报告原因，其他单位照常生成；有单位失败时退出状态为1，输入无法读取时为2。\
                每个单位先按 `formprint validate` 检查；问题输出到标准错误，表格仍按单位所填照常打印，有错误时各页加印“草稿”。
                """, """
                Writes one file per document — one 项目支出绩效自评表 per project, the 部门整体支出绩效自评表 and \
                the 部门整体支出绩效自评报告 — as OUT/<unit>/<year>_<document>[_<project>].pdf, and prints each path. \
                PNG and SVG give one file per page (…_p01.png). \
                A unit that fails is reported and the others are still rendered; the exit status is 1 if any failed, 2 if an input cannot be read. \
                Each unit is first checked as by `formprint validate`; the findings go to standard error and the \
                forms are printed anyway, as the unit wrote them (marked 草稿 while errors remain).
                """))
    }

    @Argument(help: inputHelp)
    var units: [String]

    @Option(name: .shortAndLong, help: help("输出文件夹。", "Output folder."))
    var output: String = "out"

    @OptionGroup var rendering: RenderingOptions

    @Flag(help: help("另把单位的全部文档写入一个带书签的PDF（<单位>/<年度>_全部自评文档.pdf）。",
                     "Also write all of a unit's documents into one PDF with bookmarks (<unit>/<year>_全部自评文档.pdf)."))
    var combined = false

    @Option(help: fontFallbackHelp)
    var fontFallback: FontFallback = .none

    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = try rendering.renderOptions(combined: combined)
        let renderer: UnitRenderer
        let checker: UnitChecker
        do {
            renderer = try UnitRenderer(extraLayoutFolders: rendering.selection.layoutFolderURLs, fontFallback: fontFallback)
            // The renderer's profiles: one scoring catalogue per command.
            checker = UnitChecker(profiles: try renderer.scoring ?? ScoringCatalog.standard(), catalog: renderer.catalog)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        try checkOptionalLines(rendering.selection, in: renderer.catalog)
        var failed = false
        // Every file is read first, so that two of one unit and year get
        // distinct folders instead of overwriting each other.
        let documents = units.map { path in Result { try UnitFiles.read(path: path, catalog: renderer.catalog, lenient: rendering.selection.lenient) } }
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
                for warning in folders[index].warnings { printError(say("\(path)：警告：\(warning)", "\(path): warning: \(warning)")) }
                // No finding stops printing: the form is a record of what the unit
                // wrote. Error findings mark it as a draft, unless --final.
                var unitOptions = options
                unitOptions.unitFolder = folders[index].folder
                // One plan: the layouts checked are the layouts printed.
                let check = try checker.check(document, plan: try renderer.catalog.plan(for: document, options: unitOptions))
                let findings = check.findings
                for finding in findings { printError(FindingText.lines(finding)) }
                let errors = findings.filter { $0.severity == .error }
                if !errors.isEmpty {
                    let codes = errors.map(\.rule.code).joined(separator: ", ")
                    let plural = errors.count == 1 ? "" : "s"
                    printError(options.final
                        ? say("\(path)：含\(errors.count)个错误（\(codes)），仍按正式版打印",
                              "\(path): printed as final with \(errors.count) error finding\(plural) (\(codes))")
                        : say("\(path)：存在\(errors.count)个错误（\(codes)），各页加印“草稿”；请改正，或加 --final 按正式版打印",
                              "\(path): \(errors.count) error finding\(plural) (\(codes)): every page is marked 草稿 (draft); fix them, or pass --final"))
                }
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
/// What decides how a unit's forms are printed, shared by `render`,
/// `batch` and `print`: the layouts, the scoring profile, how strictly an
/// officer's file is read, and the optional lines.
struct LayoutSelection: ParsableArguments {
    @Option(name: .customLong("layouts"), help: layoutFoldersHelp)
    var layoutFolders: [String] = []

    @Option(name: .customLong("layout"), help: layoutChoiceHelp)
    var layoutChoices: [String] = []

    @Option(help: help("检查和计算单位未填分数所用的评分规则，同 `validate`。", "Scoring profile for the checks and the scores the unit left empty, as for `validate`."))
    var scoring: String?

    @Flag(help: lenientHelp)
    var lenient = false

    @Option(name: .customLong("line"), help: lineHelp)
    var lines: [String] = []

    var layoutFolderURLs: [URL] { layoutFolders.map { URL(fileURLWithPath: $0) } }
}

/// The options `render` and `batch` share: the layout selection, formats
/// and the draft mark.
struct RenderingOptions: ParsableArguments {
    @OptionGroup var selection: LayoutSelection

    @Option(name: .customLong("format"), help: help("输出格式：pdf、ps、png、svg 或 ofd（GB/T 33190）。可重复（默认 pdf）。",
                                                   "Output format: pdf, ps, png, svg or ofd (GB/T 33190). Repeatable (default: pdf)."))
    var formats: [OutputFormat] = []

    @Option(help: help("PNG页面的分辨率（像素/英寸）。", "Resolution of PNG pages, in pixels per inch."))
    var resolution: Double = 150

    func validate() throws {
        guard resolution >= 10 && resolution <= 1200 else {
            throw usageError("--resolution 须在10到1200像素/英寸之间；收到的是\(resolution)", "--resolution must be between 10 and 1200 pixels per inch; got \(resolution)")
        }
        do { _ = try SourceDateEpoch.fromEnvironment() } catch { throw ValidationError(error.description) }
    }

    @Flag(help: help("仍有错误的单位也不加印「草稿」，按正式版打印；所含错误在标准错误中列出。",
                     "Print units that still have error findings without the 「草稿」 (draft) mark on every page; the errors are named on standard error."))
    var final = false

    func renderOptions(combined: Bool) throws -> RenderOptions {
        var options = RenderOptions(formats: formats.isEmpty ? [.pdf] : formats, resolution: resolution, combined: combined,
                                    layouts: try parseLayoutChoices(selection.layoutChoices), scoringProfile: selection.scoring)
        options.final = final
        options.lenient = selection.lenient
        options.lines = Set(selection.lines)
        return options
    }
}

var lineHelp: ArgumentHelp {
    help("也打印表样中的某个可选行，例如 year：标题下的“（2024年度）”（吉林表样默认不印）。可重复；`formprint layouts list` 列出各表样的可选行。",
         "Also print an optional line of the layouts, e.g. year: the （2024年度） line under the title (off by default in the 吉林 layouts). Repeatable; `formprint layouts list` names each layout's optional lines.",
         valueName: "name")
}

/// `--line` names that no layout of `catalog` has are a mistake on the
/// command line (exit 64), with the names there are.
///
/// Without `--line` nothing is read. A line is looked for first in the
/// layouts the command line chooses (`--layout`, else the defaults), which
/// is where it almost always is; only a line they lack — it may belong to
/// a layout a unit file chooses — costs reading every layout file.
func checkOptionalLines(_ selection: LayoutSelection, in catalog: LayoutCatalog) throws {
    let lines = selection.lines
    guard !lines.isEmpty else { return }
    let chosen = try parseLayoutChoices(selection.layoutChoices)
    let chosenLines = Set(try DocumentKind.allCases.compactMap { try catalog.spec(chosen[$0] ?? LayoutCatalog.defaults[$0]!) }.flatMap(\.optionalLines))
    guard lines.contains(where: { !chosenLines.contains($0) }) else { return }
    let known = Set(try catalog.all().flatMap(\.optionalLines))
    for line in lines where !known.contains(line) {
        let names = known.sorted().joined(separator: ", ")
        throw usageError("没有表样有可选行“\(line)”；可选行有：\(names)", "no layout has an optional line '\(line)'; the optional lines are: \(names)")
    }
}

extension OutputFormat: ExpressibleByArgument {}

extension FontFallback: ExpressibleByArgument {}

// Help texts that several commands share, each written once.

/// The inputs of render, validate and print.
var inputHelp: ArgumentHelp {
    help("单位文件（.yaml、.yml、.json）、工作簿（.xlsx、.xls）、Word文档（.docx）或粘贴的表格（.txt、.tsv）。",
         "Unit files (.yaml, .yml, .json), workbooks (.xlsx, .xls), Word documents (.docx) or pasted tables (.txt, .tsv).")
}

var lenientHelp: ArgumentHelp {
    help("对工作簿或粘贴的表格：有内容但不属于任何字段的单元格只作提示，不作错误。",
         "For a workbook or pasted table: a cell holding data that fits no field is a note, not an error.")
}

var fontFallbackHelp: ArgumentHelp {
    help("随附字体缺字时：none（报错并指出该字符）或 system（使用本机字体，输出随之依赖本机）。",
         "Fonts for characters the bundled fonts lack: none (an error naming the character) or system (the machine's fonts; the output then depends on them).",
         valueName: "none|system")
}

var layoutFoldersHelp: ArgumentHelp {
    help("在内置表样之外另加（并可覆盖内置表样）的表样文件夹。可重复。",
         "A folder of layout files used in addition to (and overriding) the built-in ones. Repeatable.")
}

var layoutChoiceHelp: ArgumentHelp {
    help("为某类文档指定表样，写作 类型=标识（例如 project=project-jilin）。可重复。",
         "Layout for a document kind, as KIND=ID (e.g. project=project-jilin). Repeatable.")
}
