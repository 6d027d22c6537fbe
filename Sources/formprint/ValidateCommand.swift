import ArgumentParser
import CommandSupport
import Evaluation
import FormPrint
import Foundation

struct ValidateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate",
            abstract: say("像财政局审核人员那样检查各单位的输入，并评分。", "Check unit files the way a reviewer at the finance bureau reads them, and score them."),
            discussion: say("""
                每个问题打印为 文件:行:列: 级别[代码]：说明（工作簿为 文件 工作表!单元格），下面是它在表中的位置（表名、项目、第几条指标、栏目）\
                和怎么改；--verbose 另列字段路径。\
                规则和评分见 docs/VALIDATION.md。退出状态：0 无错误（只有提示和警告），1 有错误（加 --strict 时警告也算），2 有输入无法读取。
                """, """
                Prints every finding as FILE:LINE:COLUMN: SEVERITY[CODE]: message (a workbook's as FILE SHEET!CELL), \
                then where it is on the form (the document, the project, the indicator's position, the column) and what to do; \
                --verbose adds the field path. The rules and the scoring are listed in docs/VALIDATION.md. \
                Exit status: 0 clean (notes and warnings only), 1 errors (or warnings with --strict), \
                2 an input that could not be read.
                """))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: inputHelp)
    var units: [String]

    @Option(help: help("输出格式：text 或 json。", "Output format: text or json."))
    var format: Format = .text

    @Flag(help: help("有警告也失败（退出状态1）。", "Fail (exit 1) on warnings too."))
    var strict = false

    @Flag(help: help("另打印每个项目的分值、得分、总分和等级（text格式；JSON总是包含）。",
                     "Also print each project's 分值, 得分, 总分 and 等级 (text format; JSON always has them)."))
    var scores = false

    @Option(help: help("评分规则：Scoring/ 中的标识（national、jilin）或评分规则文件。默认：项目表样的评分规则。",
                       "Scoring profile: an id from Scoring/ (national, jilin) or a profile file. Default: the profile of the project layout."))
    var scoring: String?

    @Option(name: .customLong("layout"), help: help("为某类文档指定表样，写作 类型=标识，同 `render`；并选用该项目表样的评分规则。可重复。",
                                                   "Layout for a document kind, as KIND=ID, as for `render`; picks the scoring profile of that project layout. Repeatable."))
    var layoutChoices: [String] = []

    @Flag(help: lenientHelp)
    var lenient = false

    @Option(help: help("说明一个值从文件到表格的经过：文件中的原文、读作的值、导入提示、各表格打印的文字及所用规则。写字段路径，如 projects[0].funds[1].executed。",
                       "Explain one value's way from the file to the page: the file's text, the value read, the import notes, and what each form prints with the rule applied. Give a field path such as projects[0].funds[1].executed.",
                       valueName: "PATH"))
    var explain: String?

    @Flag(help: help("另列每个问题的字段路径（供开发人员使用）。", "Also print each finding's field path (for developers)."))
    var verbose = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        let layouts = try parseLayoutChoices(layoutChoices)
        let checker: UnitChecker
        do {
            checker = try UnitChecker()
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        if let explain {
            // The checker's catalogues: one scoring catalogue per command.
            let renderer = try UnitRenderer(catalog: checker.catalog, fonts: try UnitRenderer.standardFonts(), scoring: checker.profiles)
            var failed = false
            for path in units {
                do {
                    print(try UnitFiles.trace(explain, inFileAt: path, renderer: renderer, layouts: layouts, lenient: lenient).message.text)
                } catch {
                    printError("\(error)")
                    failed = true
                }
            }
            if failed { throw ExitCode(2) }
            return
        }
        var report = ValidationReport()
        for path in units {
            do {
                let check = try checker.check(try UnitFiles.read(path: path, catalog: checker.catalog, lenient: lenient), layouts: layouts, scoring: scoring)
                report.checks.append(check)
                guard format == .text else { continue }
                for finding in check.findings { print(FindingText.lines(finding, verbose: verbose)) }
                if scores { print(FindingText.scores(check)) }
                print(FindingText.summary(check))
            } catch {
                report.unreadable.append(.init(file: path, reason: "\(error)", message: (error as? any HasMessage)?.message))
                if format == .text { printError("\(error)") }
            }
        }
        if format == .json { print(try report.json()) }
        let status = report.exitStatus(strict: strict)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `--layout KIND=ID` choices, shared by `render` and `validate`.
func parseLayoutChoices(_ choices: [String]) throws -> [DocumentKind: String] {
    var requested: [DocumentKind: String] = [:]
    for choice in choices {
        let parts = choice.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = DocumentKind(rawValue: parts[0]) else {
            let kinds = DocumentKind.allCases.map(\.rawValue)
            throw usageError("--layout 的格式是 类型=标识，类型为\(kinds.joined(separator: "、"))之一；收到的是“\(choice)”",
                             "--layout takes KIND=ID with KIND one of \(kinds.joined(separator: ", ")); got '\(choice)'")
        }
        requested[kind] = parts[1]
    }
    return requested
}
