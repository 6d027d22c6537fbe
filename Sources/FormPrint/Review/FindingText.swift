import Evaluation
import Foundation
import Review

/// Findings and scores as people read them in a terminal: a compiler-style
/// first line (`file:line:column: warning[FP301]: …`, which editors jump
/// to), the Chinese message, and the field path.
public enum FindingText {
    public static func lines(_ finding: Finding) -> String {
        """
        \(finding)
            \(finding.message.chinese)
            at \(finding.path)
        """
    }

    /// "Examples/liuhe-2024.yaml: 0 errors, 7 warnings, 1 note (scoring profile jilin)".
    public static func summary(_ check: UnitCheck) -> String {
        let errors = check.count(.error), warnings = check.count(.warning), notes = check.count(.note)
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(check.document.source.file): \(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note")) (scoring profile \(check.profile.id))"
    }

    /// Each project's 分值 and 得分, 总分 and 等级, as a small table.
    public static func scores(_ check: UnitCheck) -> String {
        let places = check.profile.decimals
        func cell(_ value: Decimal?, fixed: Bool) -> String {
            guard let value else { return "—" }
            return fixed ? value.fixed(places: places) : value.trimmed(places: places)
        }
        var lines: [String] = []
        for card in check.scored.projects {
            lines.append("\(card.name) — scoring profile \(check.profile.id)")
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
