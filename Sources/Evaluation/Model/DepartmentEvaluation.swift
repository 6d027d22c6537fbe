/// The unit's 部门整体支出绩效自评表.
public struct DepartmentEvaluation: Sendable, Equatable {
    /// 部门名称.
    public var name: String
    /// 年度目标.
    public var annualGoal: String
    /// 绩效目标实际完成情况.
    public var goalCompletion: String
    /// 年度主要任务.
    public var tasks: [MainTask]
    /// The money block (资金结构 / 部门预算执行情况), on the forms that have one.
    public var funds: [FundsRow] = []
    /// 年度绩效目标完成情况, as the 一级 → 二级 → 三级 tree.
    public var indicators: [IndicatorCategory]
    /// Values of declared fields without a property of their own (指标解释,
    /// 调整后预算数 …), by key: see `FieldRegistry`.
    public var extra: [String: String] = [:]

    public init(
        name: String, annualGoal: String = "", goalCompletion: String = "", tasks: [MainTask] = [],
        indicators: [IndicatorCategory] = []
    ) {
        self.name = name
        self.annualGoal = annualGoal
        self.goalCompletion = goalCompletion
        self.tasks = tasks
        self.indicators = indicators
    }
}

/// One row of 年度主要任务.
public struct MainTask: Sendable, Equatable {
    /// 序号 as printed.
    public var number: String
    /// 任务名称.
    public var name: String
    /// 主要内容.
    public var content: String
    /// 实际完成情况.
    public var completion: String
    /// Values of declared fields without a property of their own (指标解释,
    /// 调整后预算数 …), by key: see `FieldRegistry`.
    public var extra: [String: String] = [:]

    public init(number: String, name: String, content: String = "", completion: String = "") {
        self.number = number
        self.name = name
        self.content = content
        self.completion = completion
    }
}
