import Evaluation
import FormPrint
import Foundation
import Layout
import Review

/// The 总分 and 等级 a batch summary lists for a project form: as the unit
/// wrote them, else as the form prints them computed, and the 等级 of a
/// numeric 总分 by the bands of the unit's scoring profile (national: 90
/// 优, 80 良, 60 中).
enum ScoreGrade {
    static func grade(forTotal text: String, profile: ScoringProfile) -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("分") { trimmed.removeLast() }
        guard let score = Formula.number(in: trimmed), score >= 0, score <= profile.total else { return nil }
        return profile.grade(for: score)
    }

    /// The project's 总分 and 等级 for the summary.
    static func scores(of project: Int, in unit: UnitEvaluation, computed: ComputedValues, profile: ScoringProfile) -> (total: String?, grade: String?) {
        let base = FieldPath("projects").appending(project)
        let total = nonEmpty(unit.projects[project].totalScore) ?? computed.values[base.appending("totalScore")]
        let written = nonEmpty(unit.projects[project].grade) ?? computed.values[base.appending("grade")]
        return (total, written ?? total.flatMap { Self.grade(forTotal: $0, profile: profile) })
    }

    private static func nonEmpty(_ text: String) -> String? { text.allSatisfy(\.isWhitespace) ? nil : text }
}
