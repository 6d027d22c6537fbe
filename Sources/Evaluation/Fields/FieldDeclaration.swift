/// Where in a unit file a field lives. Funds rows and indicators have the
/// same fields in a project form and in a department form.
public enum FieldLevel: String, Sendable, Hashable, CaseIterable {
    /// A project's own values (项目名称, 实施单位, 评价结论 …).
    case project
    /// One row of a money block (项目资金 / 部门预算执行情况).
    case funds
    /// One 三级指标 row.
    case indicator
    /// The department form's own values (部门名称, 年度目标 …).
    case department
    /// One row of 年度主要任务.
    case task
    /// The signature lines under a form.
    case signatures

    /// The key of the level in a layout's `fields:` section and in messages.
    public var chineseName: String {
        switch self {
        case .project: "项目"
        case .funds: "资金行"
        case .indicator: "绩效指标"
        case .department: "部门"
        case .task: "年度主要任务"
        case .signatures: "签字栏"
        }
    }
}

/// What a field holds, which decides how a layout may format it and how a
/// check reads it. Every value is still kept exactly as written.
public enum FieldKind: String, Sendable, Hashable, CaseIterable {
    /// Free text (名称, 说明, 原因).
    case text
    /// An amount in the form's unit (万元), e.g. 212.40.
    case money
    /// A rate, e.g. 81.06%.
    case percent
    /// A written indicator value: comparator, number and unit (">=148.万元").
    case value
    /// A plain number (序号, 权重).
    case number
    /// A date as written (2025年3月1日).
    case date
    /// A 分值, 得分, 总分 or 等级 that a scoring profile may compute when the
    /// unit leaves it empty.
    case score
}

/// One field a unit file may carry and a layout may print: its key in the
/// unit file, its label on the printed form, the other labels forms use for
/// it (for import and for "did you mean"), and its kind.
public struct FieldDeclaration: Sendable, Hashable {
    public var level: FieldLevel
    public var key: String
    /// The label on the official form, e.g. 实施单位.
    public var label: String
    /// Other labels of the same field on other variants (实施单位（盖章）).
    public var aliases: [String]
    public var kind: FieldKind
    /// Where the field was declared, for messages: `Layouts/fields.yaml:12`.
    public var origin: String

    public init(level: FieldLevel, key: String, label: String, aliases: [String] = [], kind: FieldKind = .text, origin: String = "") {
        self.level = level
        self.key = key
        self.label = label
        self.aliases = aliases
        self.kind = kind
        self.origin = origin
    }

    /// Every label the field goes by.
    public var labels: [String] { [label] + aliases }
}
