/// The columns of each block of the forms, recognised from their labels in
/// every variant seen (吉林 6-column, national 9-column, "（A）/（B）" labels).

enum FundsField: FormField, CaseIterable {
    case source, initialBudget, annualBudget, executed, executionRate, weight, score

    var label: String {
        switch self {
        case .source: "项目资金"
        case .initialBudget: "年初预算数"
        case .annualBudget: "全年预算数"
        case .executed: "全年执行数"
        case .executionRate: "执行率"
        case .weight: "分值"
        case .score: "得分"
        }
    }

    static let required: [FundsField] = [.initialBudget, .annualBudget, .executed, .executionRate]

    static func classify(_ label: String) -> FundsField? {
        if label.contains("年初预算") { return .initialBudget }
        if label.contains("全年预算") || label.contains("调整后预算") { return .annualBudget }
        if label.contains("执行率") { return .executionRate }
        if label.contains("执行数") { return .executed }
        if label.contains("分值") || label.contains("权重") { return .weight }
        if label.contains("得分") { return .score }
        if label.contains("资金") || label.contains("来源") { return .source }
        return nil
    }
}

enum GoalField: FormField, CaseIterable {
    case expected, actual

    var label: String {
        switch self {
        case .expected: "预期目标"
        case .actual: "实际完成情况"
        }
    }

    static func classify(_ label: String) -> GoalField? {
        if label.contains("预期") { return .expected }
        if label.contains("完成") || label.contains("实际") { return .actual }
        return nil
    }
}

enum IndicatorField: FormField, CaseIterable {
    case level1, level2, level3, target, actual, weight, score, deviation

    var label: String {
        switch self {
        case .level1: "一级指标"
        case .level2: "二级指标"
        case .level3: "三级指标"
        case .target: "年度指标值"
        case .actual: "实际完成值"
        case .weight: "分值"
        case .score: "得分"
        case .deviation: "偏差原因分析及改进措施"
        }
    }

    static let required: [IndicatorField] = [.level1, .level2, .level3, .target, .actual]

    static func classify(_ label: String) -> IndicatorField? {
        if label.contains("一级") { return .level1 }
        if label.contains("二级") { return .level2 }
        if label.contains("三级") { return .level3 }
        if label.contains("偏差") || label.contains("原因") || label.contains("改进") { return .deviation }
        if label.contains("完成值") || label.contains("实际值") { return .actual }
        if label.contains("指标值") || label.contains("目标值") { return .target }
        if label.contains("分值") || label.contains("权重") { return .weight }
        if label.contains("得分") { return .score }
        return nil
    }
}

enum TaskField: FormField, CaseIterable {
    case number, name, content, completion

    var label: String {
        switch self {
        case .number: "序号"
        case .name: "任务名称"
        case .content: "主要内容"
        case .completion: "实际完成情况"
        }
    }

    static let required: [TaskField] = [.name, .content, .completion]

    static func classify(_ label: String) -> TaskField? {
        if label.contains("序号") { return .number }
        if label.contains("任务") { return .name }
        if label.contains("内容") { return .content }
        if label.contains("完成") { return .completion }
        return nil
    }
}
