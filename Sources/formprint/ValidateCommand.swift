import ArgumentParser
import Evaluation
import FormPrint
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check unit files the way a reviewer at the finance bureau reads them, and score them.",
        discussion: """
            Prints every finding as FILE:LINE:COLUMN: SEVERITY[CODE]: message, with the message in Chinese \
            and the field path below it. The rules and the scoring are listed in docs/VALIDATION.md. \
            Exit status: 0 clean (notes and warnings only), 1 errors (or warnings with --strict), \
            2 an input that could not be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Unit files (YAML or JSON).")
    var units: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Flag(help: "Also print each project's 分值, 得分, 总分 and 等级 (text format; JSON always has them).")
    var scores = false

    @Option(help: "Scoring profile: an id from Scoring/ (national, jilin) or a profile file. Default: the profile of the project layout.")
    var scoring: String?

    @Option(name: .customLong("layout"), help: "Layout for a document kind, as KIND=ID, as for `render`; picks the scoring profile of that project layout. Repeatable.")
    var layoutChoices: [String] = []

    @Flag(help: "For a workbook or pasted table: a cell holding data that fits no field is a note, not an error.")
    var lenient = false

    func run() throws {
        let layouts = try parseLayoutChoices(layoutChoices)
        let checker: UnitChecker
        do {
            checker = try UnitChecker()
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var report = ValidationReport()
        for path in units {
            do {
                let check = try checker.check(try UnitFiles.read(path: path, catalog: checker.catalog, lenient: lenient), layouts: layouts, scoring: scoring)
                report.checks.append(check)
                guard format == .text else { continue }
                for finding in check.findings { print(FindingText.lines(finding)) }
                if scores { print(FindingText.scores(check)) }
                print(FindingText.summary(check))
            } catch {
                report.unreadable.append(.init(file: path, reason: "\(error)"))
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
            throw ValidationError("--layout takes KIND=ID with KIND one of \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")); got '\(choice)'")
        }
        requested[kind] = parts[1]
    }
    return requested
}
