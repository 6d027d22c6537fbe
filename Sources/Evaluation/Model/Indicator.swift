/// 一级指标 (e.g. 产出指标) with its 二级 categories.
public struct IndicatorCategory: Sendable, Equatable {
    public var name: String
    public var subcategories: [IndicatorSubcategory]

    public init(name: String, subcategories: [IndicatorSubcategory]) {
        self.name = name
        self.subcategories = subcategories
    }
}

/// 二级指标 (e.g. 数量指标) with its 三级 indicators.
public struct IndicatorSubcategory: Sendable, Equatable {
    public var name: String
    public var indicators: [Indicator]

    public init(name: String, indicators: [Indicator]) {
        self.name = name
        self.indicators = indicators
    }
}

/// 三级指标: one measurable indicator with its target and actual value,
/// both exactly as written (">=148.万元", "=2025年", "14.4万元").
public struct Indicator: Sendable, Equatable {
    /// 三级指标 name.
    public var name: String
    /// 年度指标值 / 目标值.
    public var target: String
    /// 实际完成值 / 完成值.
    public var actual: String
    /// 分值 (national form).
    public var weight: String
    /// 得分 (national form).
    public var score: String
    /// 偏差原因分析及改进措施 (national form).
    public var deviation: String
    /// Values of declared fields without a property of their own (指标解释,
    /// 调整后预算数 …), by key: see `FieldRegistry`.
    public var extra: [String: String] = [:]

    public init(
        name: String, target: String = "", actual: String = "", weight: String = "", score: String = "",
        deviation: String = ""
    ) {
        self.name = name
        self.target = target
        self.actual = actual
        self.weight = weight
        self.score = score
        self.deviation = deviation
    }
}
