import Foundation
import Support

/// How one variant of the 项目支出绩效自评表 scores a project, and which of
/// its checks depend on the variant. Read from a data file in `Scoring/`
/// (`ScoringProfileReader`); the national profile follows 财预〔2020〕10号
/// (reference §3). Provinces differ, so every number here is data.
package struct ScoringProfile: Sendable, Equatable {
    /// What unit files and `--scoring` name it by.
    package var id: String
    package var name: String
    /// The project layouts this profile scores (a layout is matched to its
    /// profile by id).
    package var layouts: [String]
    package var executionRate: ExecutionRateRule
    package var indicators: IndicatorRules
    package var qualitative: QualitativeRules
    /// Grades by minimum 总分, highest first: 优 90, 良 80, 中 60, 差 0.
    package var grades: [GradeBand]
    /// The 总分 of a complete form.
    package var total: Decimal
    /// Decimals of printed 得分 and 总分 ("8.11").
    package var decimals: Int
    /// What the 分值 and 得分 cells of the funds sub-rows print when the
    /// unit left them empty ("—" on the national template).
    package var emptyCell: String
    /// Whether the form prints 分值/得分/总分. Without those columns the
    /// scores are still worked out (`formprint validate --scores`), but
    /// nothing about them is reported: there is no cell to fix.
    package var scoreColumns: Bool

    package init(id: String, name: String, layouts: [String], executionRate: ExecutionRateRule,
                indicators: IndicatorRules, qualitative: QualitativeRules, grades: [GradeBand],
                total: Decimal = 100, decimals: Int = 2, emptyCell: String = "", scoreColumns: Bool = true) {
        self.id = id
        self.name = name
        self.layouts = layouts
        self.executionRate = executionRate
        self.indicators = indicators
        self.qualitative = qualitative
        self.grades = grades
        self.total = total
        self.decimals = decimals
        self.emptyCell = emptyCell
        self.scoreColumns = scoreColumns
    }

    /// The grade of `total`: the first band whose minimum it reaches.
    package func grade(for total: Decimal) -> String? {
        grades.first { total >= $0.minimum }?.grade
    }
}

/// The 预算执行率 line: its 分值 and how the rate becomes a score.
package struct ExecutionRateRule: Sendable, Equatable {
    package var weight: Decimal
    package var method: Method

    package enum Method: Sendable, Equatable {
        /// 分值 × min(执行率, 100%) — the national default (reference §3.2).
        case proportional
        /// Bands by minimum rate, highest first; each gives a share of the
        /// 分值. Some provinces score this way.
        case bands([RateBand])
    }

    package struct RateBand: Sendable, Equatable {
        /// As a fraction: 0.9 for 90%.
        package var minimumRate: Decimal
        /// Share of the 分值: 1 for full marks.
        package var share: Decimal

        package init(minimumRate: Decimal, share: Decimal) {
            self.minimumRate = minimumRate
            self.share = share
        }
    }

    package init(weight: Decimal, method: Method = .proportional) {
        self.weight = weight
        self.method = method
    }
}

/// How indicators are weighted and scored, and the indicator checks that
/// depend on the variant.
package struct IndicatorRules: Sendable, Equatable {
    /// Default 分值 per group of 一级指标, used when the unit entered none.
    /// A group's 分值 is spread evenly over the 三级 indicators in it.
    package var weights: [CategoryWeight]
    /// The 反向 (≤, <) formula when the actual value is above the target.
    package var reverse: ReverseFormula
    /// 完成值 ≥ this × 指标值 is flagged for an explanation (FP309); nil: never.
    package var farAboveRatio: Decimal?
    /// The form has a 偏差原因分析及改进措施 column, so a target not met needs
    /// an entry in it (FP307).
    package var deviationRequired: Bool

    package init(weights: [CategoryWeight], reverse: ReverseFormula = .ratio, farAboveRatio: Decimal? = nil,
                deviationRequired: Bool = false) {
        self.weights = weights
        self.reverse = reverse
        self.farAboveRatio = farAboveRatio
        self.deviationRequired = deviationRequired
    }
}

/// A group of 一级指标 and the 分值 they share.
package struct CategoryWeight: Sendable, Equatable {
    package var categories: [String]
    package var weight: Decimal

    package init(categories: [String], weight: Decimal) {
        self.categories = categories
        self.weight = weight
    }
}

/// The two practices for a 反向 indicator whose actual value is above its
/// target (reference §3.2), with w = 分值, t = 指标值, a = 完成值.
package enum ReverseFormula: String, Sendable, Equatable, CaseIterable {
    /// w × t ÷ a: the mirror of the 正向 w × a ÷ t (a local 自评表 instruction).
    case ratio
    /// w × max(0, 1 − (a − t) ÷ t): 0 from twice the target (vendor code).
    case linear
}

/// How qualitative (定性) indicators are judged: the three grades of
/// 财预〔2020〕10号 with the share of the 分值 each allows, and the words
/// that say a target was reached.
package struct QualitativeRules: Sendable, Equatable {
    /// Highest first. The first band's upper end is included (100%).
    package var bands: [QualitativeBand]
    /// Actual values that mean "reached" ("达成年度指标", "完成", …): such an
    /// indicator scores its full 分值.
    package var achieved: [String]

    package init(bands: [QualitativeBand], achieved: [String]) {
        self.bands = bands
        self.achieved = achieved
    }

    /// The band of an actual value: a band's own verdict, or the first band
    /// for a word of `achieved` or an actual equal to the target; nil when
    /// the text says neither (the evaluator must judge).
    package func band(ofActual actual: String, target: String) -> Int? {
        let text = actual.trimmingSpaces()
        if let index = bands.firstIndex(where: { $0.verdict == text }) { return index }
        if achieved.contains(text) || text == target.trimmingSpaces() { return bands.isEmpty ? nil : 0 }
        return nil
    }

    /// Whether `share` (score ÷ 分值) lies in band `index`; the top band
    /// includes its upper end, the others do not ([80%, 100%], [60%, 80%), [0, 60%)).
    package func band(_ index: Int, contains share: Decimal) -> Bool {
        let band = bands[index]
        return share >= band.from && (share < band.to || index == 0 && share == band.to)
    }
}

package struct QualitativeBand: Sendable, Equatable {
    /// The grade as written in the 完成值 cell, e.g. 部分达成年度指标并具有一定效果.
    package var verdict: String
    /// Share of the 分值, as fractions (0.6 … 0.8).
    package var from: Decimal
    package var to: Decimal

    package init(verdict: String, from: Decimal, to: Decimal) {
        self.verdict = verdict
        self.from = from
        self.to = to
    }
}

package struct GradeBand: Sendable, Equatable {
    package var grade: String
    package var minimum: Decimal

    package init(grade: String, minimum: Decimal) {
        self.grade = grade
        self.minimum = minimum
    }
}
