/// One project's 项目支出绩效自评表.
public struct Project: Sendable, Equatable {
    /// 项目名称.
    public var name: String
    /// 实施单位.
    public var implementingUnit: String
    /// 主管部门 (the national form has it; the 吉林 variant does not).
    public var competentDepartment: String
    /// 资金情况 rows in the order the unit listed them (当年财政拨款 … 年度资金总和).
    public var funds: [FundsRow]
    /// 年度总体目标: 预期目标 and 实际完成情况.
    public var goal: Goal
    /// 绩效指标 as the 一级 → 二级 → 三级 tree.
    public var indicators: [IndicatorCategory]
    /// 总分 (national form) as written; empty when the unit left it to be computed.
    public var totalScore: String
    /// 等级 (优/良/中/差) of the 总分, as written; empty when the unit left it
    /// to be computed (`Scoring.scored` fills it).
    public var grade: String
    /// Values of declared fields without a property of their own (指标解释,
    /// 调整后预算数 …), by key: see `FieldRegistry`.
    public var extra: [String: String] = [:]

    public init(
        name: String, implementingUnit: String = "", competentDepartment: String = "",
        funds: [FundsRow] = [], goal: Goal = Goal(), indicators: [IndicatorCategory] = [], totalScore: String = "",
        grade: String = ""
    ) {
        self.name = name
        self.implementingUnit = implementingUnit
        self.competentDepartment = competentDepartment
        self.funds = funds
        self.goal = goal
        self.indicators = indicators
        self.totalScore = totalScore
        self.grade = grade
    }
}

/// One row of the 项目资金（万元） block. Amounts are kept as written.
public struct FundsRow: Sendable, Equatable {
    /// 资金来源: 当年财政拨款, 上年结转资金, 其他资金, 年度资金总和/总额.
    public var source: String
    /// 年初预算数.
    public var initialBudget: String
    /// 全年预算数.
    public var annualBudget: String
    /// 全年执行数.
    public var executed: String
    /// 执行率 as printed (e.g. "81.06%").
    public var executionRate: String
    /// 分值 (national form; the 年度资金总额 row carries 10).
    public var weight: String
    /// 得分 (national form).
    public var score: String
    /// Values of declared fields without a property of their own (指标解释,
    /// 调整后预算数 …), by key: see `FieldRegistry`.
    public var extra: [String: String] = [:]

    public init(
        source: String, initialBudget: String = "", annualBudget: String = "", executed: String = "",
        executionRate: String = "", weight: String = "", score: String = ""
    ) {
        self.source = source
        self.initialBudget = initialBudget
        self.annualBudget = annualBudget
        self.executed = executed
        self.executionRate = executionRate
        self.weight = weight
        self.score = score
    }
}

extension FundsRow {
    /// Whether this is the 年度资金总额/总和 row (the sum of the others),
    /// told by its label because units word it differently: 年度资金总和
    /// (吉林), 年度资金总额 (national), 合计, 总计.
    public var isTotal: Bool {
        let label = source.filter { !$0.isWhitespace }
        return ["总额", "总和", "合计", "总计"].contains { label.contains($0) }
    }
}

/// 年度总体目标 (project) — the expected goal and what was actually achieved.
public struct Goal: Sendable, Equatable {
    /// 预期目标.
    public var expected: String
    /// 实际完成情况.
    public var actual: String

    public init(expected: String = "", actual: String = "") {
        self.expected = expected
        self.actual = actual
    }
}
