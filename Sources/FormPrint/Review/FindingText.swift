import Evaluation
import Foundation
import Review

/// Findings and scores as people read them in a terminal: a compiler-style
/// first line (`file:line:column: 警告[FP301]：…`, which editors jump to),
/// then the field in the officer's words (位置：项目支出绩效自评表「…」第2条
/// 指标「…」的实际完成值) and what to do (怎么改：…); the field path only for
/// developers (`--verbose`), in the language chosen (`Language.current`
/// unless given).
package enum FindingText {
    package static func lines(_ finding: Finding, verbose: Bool = false, in language: Language = .current) -> String {
        var lines = [finding.line(in: language)]
        if let subject = finding.subject, !subject.chinese.isEmpty {
            lines.append("    " + Message(chinese: "位置：", english: "where: ").text(in: language) + subject.text(in: language))
        }
        lines.append("    " + Message(chinese: "怎么改：", english: "to fix: ").text(in: language) + finding.rule.fix.text(in: language))
        if verbose {
            lines.append("    " + Message(chinese: "字段 \(finding.path)", english: "at \(finding.path)").text(in: language))
        }
        return lines.joined(separator: "\n")
    }

    /// "Examples/liuhe-2024.yaml: 0 errors, 7 warnings, 1 note (scoring profile jilin)".
    package static func summary(_ check: CheckedUnit, in language: Language = .current) -> String {
        let errors = check.count(.error), warnings = check.count(.warning), notes = check.count(.note)
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return Message(
            chinese: "\(check.document.source.file): \(errors)个错误，\(warnings)个警告，\(notes)个提示（评分规则 \(check.profile.id)）",
            english: "\(check.document.source.file): \(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note")) (scoring profile \(check.profile.id))"
        ).text(in: language)
    }

    /// Each project's 分值 and 得分, 总分 and 等级, as a small table.
    package static func scores(_ check: CheckedUnit, in language: Language = .current) -> String {
        let places = check.profile.decimals
        func cell(_ value: Decimal?, fixed: Bool) -> String {
            guard let value else { return "—" }
            return fixed ? value.fixed(places: places) : value.trimmed(places: places)
        }
        var lines: [String] = []
        for card in check.scored.projects {
            lines.append(Message(chinese: "\(card.name) — 评分规则 \(check.profile.id)",
                                 english: "\(card.name) — scoring profile \(check.profile.id)").text(in: language))
            let rate = card.executionRate.map { "执行率 " + ($0 * 100).fixed(places: 2) + "%" } ?? "执行率 —"
            lines.append("  \(card.execution.label)\t分值 \(cell(card.execution.weight, fixed: false))\t得分 \(cell(card.execution.score, fixed: true))\t(\(rate))")
            for line in card.indicators {
                lines.append("  \(line.label)\t分值 \(cell(line.weight, fixed: false))\t得分 \(cell(line.score, fixed: true))")
            }
            lines.append("  总分 \(cell(card.total, fixed: true))\t等级 \(card.grade ?? "—")")
        }
        return lines.joined(separator: "\n")
    }
}
