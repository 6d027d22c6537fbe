import Evaluation
import Foundation

/// The result of scoring a unit: the values for its empty 分值/得分/总分/等级
/// cells, the findings scoring made, and the numbers behind each project's
/// scores. A scorecard of its own, bound beside the unit's data when a form
/// prints; the unit itself is never changed.
package struct ScoredUnit: Sendable, Equatable {
    /// The profile's value for each empty score cell, by the field it fills.
    package var computed: [FieldPath: String]
    /// FP503–FP505 and FP6xx, with field paths (no file positions: locate
    /// them with `Finding.located(in:)` when the source map is at hand).
    package var findings: [Finding]
    package var projects: [ProjectScorecard]
}

/// How one project's 总分 came about.
package struct ProjectScorecard: Sendable, Equatable {
    package var projectIndex: Int
    package var name: String
    /// 全年执行数 ÷ 全年预算数 of the total row, unrounded; nil when it
    /// cannot be worked out.
    package var executionRate: Decimal?
    package var execution: ScoreLine
    /// One per 三级 indicator, in printed order.
    package var indicators: [ScoreLine]
    /// Σ of the 得分 as printed; nil when any is missing.
    package var total: Decimal?
    package var grade: String?
}

/// One 分值/得分 pair.
package struct ScoreLine: Sendable, Equatable {
    /// The indicator's name, or 预算执行率.
    package var label: String
    /// The field that holds this line's 得分.
    package var path: FieldPath
    /// The 分值 used: entered, or from the profile's defaults.
    package var weight: Decimal?
    /// FormPrint's 得分, rounded as printed; nil when only the evaluator can
    /// give it (a qualitative judgement) or it cannot be worked out.
    package var computed: Decimal?
    /// The 得分 the unit entered, when it is a number.
    package var entered: Decimal?
    /// The 得分 cell as the unit wrote it ("" when left empty).
    package var enteredText = ""

    /// What the form prints: the unit's own 得分 if it gave one.
    package var score: Decimal? { entered ?? computed }
}
