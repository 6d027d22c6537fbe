/// The values of the model read as data. Parsing is done on demand and never
/// stored back: the model keeps only what the unit wrote.
extension Indicator {
    /// 年度指标值 / 目标值 as data.
    public var targetValue: WrittenValue { WrittenValue(target) }
    /// 实际完成值 / 完成值 as data.
    public var actualValue: WrittenValue { WrittenValue(actual) }
}

extension FundsRow {
    public var initialBudgetValue: WrittenValue { WrittenValue(initialBudget) }
    public var annualBudgetValue: WrittenValue { WrittenValue(annualBudget) }
    public var executedValue: WrittenValue { WrittenValue(executed) }
    public var executionRateValue: WrittenValue { WrittenValue(executionRate) }
}
