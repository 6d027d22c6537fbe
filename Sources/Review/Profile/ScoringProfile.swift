import Foundation

/// How one variant of the 项目支出绩效自评表 scores a project, and which of
/// its checks depend on the variant. Read from a data file in `Scoring/`
/// (`ScoringProfileReader`); the national profile follows 财预〔2020〕10号
/// (reference §3). Provinces differ, so every number here is data.
public struct ScoringProfile: Sendable, Equatable {
    /// What unit files and `--scoring` name it by.
    public var id: String
    public var name: String
    /// The project layouts this profile scores (a layout is matched to its
    /// profile by id).
    public var layouts: [String]
    public var executionRate: ExecutionRateRule
    public var indicators: IndicatorRules
    public var qualitative: QualitativeRules
    /// Grades by minimum 总分, highest first: 优 90, 良 80, 中 60, 差 0.
    public var grades: [GradeBand]
    /// The 总分 of a complete form.
    public var total: Decimal
    /// Decimals of printed 得分 and 总分 ("8.11").
    public var decimals: Int
    /// What the 分值 and 得分 cells of the funds sub-rows print when the
    /// unit left them empty ("—" on the national template).
    public var emptyCell: String
    /// Whether the form prints 分值/得分/总分. Without those columns the
    /// scores are still worked out (`formprint validate --scores`), but
    /// nothing about them is reported: there is no cell to fix.
    public var scoreColumns: Bool

    public init(id: String, name: String, layouts: [String], executionRate: ExecutionRateRule,
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
    public func grade(for total: Decimal) -> String? {
        grades.first { total >= $0.minimum }?.grade
    }
}

/// The 预算执行率 line: its 分值 and how the rate becomes a score.
public struct ExecutionRateRule: Sendable, Equatable {
    public var weight: Decimal
    public var method: Method

    public enum Method: Sendable, Equatable {
        /// 分值 × min(执行率, 100%) — the national default (reference §3.2).
        case proportional
        /// Bands by minimum rate, highest first; each gives a share of the
        /// 分值. Some provinces score this way.
        case bands([RateBand])
    }

    public struct RateBand: Sendable, Equatable {
        /// As a fraction: 0.9 for 90%.
        public var minimumRate: Decimal
        /// Share of the 分值: 1 for full marks.
        public var share: Decimal

        public init(minimumRate: Decimal, share: Decimal) {
            self.minimumRate = minimumRate
            self.share = share
        }
    }

    public init(weight: Decimal, method: Method = .proportional) {
        self.weight = weight
        self.method = method
    }
}

/// How indicators are weighted and scored, and the indicator checks that
/// depend on the variant.
public struct IndicatorRules: Sendable, Equatable {
    /// Default 分值 per group of 一级指标, used when the unit entered none.
    /// A group's 分值 is spread evenly over the 三级 indicators in it.
    public var weights: [CategoryWeight]
    /// The 反向 (≤, <) formula when the actual value is above the target.
    public var reverse: ReverseFormula
    /// 完成值 ≥ this × 指标值 is flagged for an explanation (FP309); nil: never.
    public var farAboveRatio: Decimal?
    /// The form has a 偏差原因分析及改进措施 column, so a target not met needs
    /// an entry in it (FP307).
    public var deviationRequired: Bool

    public init(weights: [CategoryWeight], reverse: ReverseFormula = .ratio, farAboveRatio: Decimal? = nil,
                deviationRequired: Bool = false) {
        self.weights = weights
        self.reverse = reverse
        self.farAboveRatio = farAboveRatio
        self.deviationRequired = deviationRequired
    }
}

/// A group of 一级指标 and the 分值 they share.
public struct CategoryWeight: Sendable, Equatable {
    public var categories: [String]
    public var weight: Decimal

    public init(categories: [String], weight: Decimal) {
        self.categories = categories
        self.weight = weight
    }
}

/// The two practices for a 反向 indicator whose actual value is above its
/// target (reference §3.2), with w = 分值, t = 指标值, a = 完成值.
public enum ReverseFormula: String, Sendable, Equatable, CaseIterable {
    /// w × t ÷ a: the mirror of the 正向 w × a ÷ t (a local 自评表 instruction).
    case ratio
    /// w × max(0, 1 − (a − t) ÷ t): 0 from twice the target (vendor code).
    case linear
}

/// How qualitative (定性) indicators are judged: the three grades of
/// 财预〔2020〕10号 with the share of the 分值 each allows, and the words
/// that say a target was reached.
public struct QualitativeRules: Sendable, Equatable {
    /// Highest first. The first band's upper end is included (100%).
    public var bands: [QualitativeBand]
    /// Actual values that mean "reached" ("达成年度指标", "完成", …): such an
    /// indicator scores its full 分值.
    public var achieved: [String]

    public init(bands: [QualitativeBand], achieved: [String]) {
        self.bands = bands
        self.achieved = achieved
    }

    /// The band of an actual value: a band's own verdict, or the first band
    /// for a word of `achieved` or an actual equal to the target; nil when
    /// the text says neither (the evaluator must judge).
    public func band(ofActual actual: String, target: String) -> Int? {
        let text = actual.trimmingCharacters(in: .whitespaces)
        if let index = bands.firstIndex(where: { $0.verdict == text }) { return index }
        if achieved.contains(text) || text == target.trimmingCharacters(in: .whitespaces) { return bands.isEmpty ? nil : 0 }
        return nil
    }

    /// Whether `share` (score ÷ 分值) lies in band `index`; the top band
    /// includes its upper end, the others do not ([80%, 100%], [60%, 80%), [0, 60%)).
    public func band(_ index: Int, contains share: Decimal) -> Bool {
        let band = bands[index]
        return share >= band.from && (share < band.to || index == 0 && share == band.to)
    }
}

public struct QualitativeBand: Sendable, Equatable {
    /// The grade as written in the 完成值 cell, e.g. 部分达成年度指标并具有一定效果.
    public var verdict: String
    /// Share of the 分值, as fractions (0.6 … 0.8).
    public var from: Decimal
    public var to: Decimal

    public init(verdict: String, from: Decimal, to: Decimal) {
        self.verdict = verdict
        self.from = from
        self.to = to
    }
}

public struct GradeBand: Sendable, Equatable {
    public var grade: String
    public var minimum: Decimal

    public init(grade: String, minimum: Decimal) {
        self.grade = grade
        self.minimum = minimum
    }
}
