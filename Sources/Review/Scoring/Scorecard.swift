import Evaluation
import Foundation

/// The result of scoring a unit: the values for its empty 分值/得分/总分/等级
/// cells, the findings scoring made, and the numbers behind each project's
/// scores. A scorecard of its own, bound beside the unit's data when a form
/// prints; the unit itself is never changed.
public struct ScoredUnit: Sendable, Equatable {
    /// The profile's value for each empty score cell, by the field it fills.
    public var computed: [FieldPath: String]
    /// FP503–FP505 and FP6xx, with field paths (no file positions: locate
    /// them with `Finding.located(in:)` when the source map is at hand).
    public var findings: [Finding]
    public var projects: [ProjectScorecard]
}

/// How one project's 总分 came about.
public struct ProjectScorecard: Sendable, Equatable {
    public var projectIndex: Int
    public var name: String
    /// 全年执行数 ÷ 全年预算数 of the total row, unrounded; nil when it
    /// cannot be worked out.
    public var executionRate: Decimal?
    public var execution: ScoreLine
    /// One per 三级 indicator, in printed order.
    public var indicators: [ScoreLine]
    /// Σ of the 得分 as printed; nil when any is missing.
    public var total: Decimal?
    public var grade: String?
}

/// One 分值/得分 pair.
public struct ScoreLine: Sendable, Equatable {
    /// The indicator's name, or 预算执行率.
    public var label: String
    /// The field that holds this line's 得分.
    public var path: FieldPath
    /// The 分值 used: entered, or from the profile's defaults.
    public var weight: Decimal?
    /// FormPrint's 得分, rounded as printed; nil when only the evaluator can
    /// give it (a qualitative judgement) or it cannot be worked out.
    public var computed: Decimal?
    /// The 得分 the unit entered, when it is a number.
    public var entered: Decimal?
    /// The 得分 cell as the unit wrote it ("" when left empty).
    public var enteredText = ""

    /// What the form prints: the unit's own 得分 if it gave one.
    public var score: Decimal? { entered ?? computed }
}
