/// One government unit's performance self-evaluation for one budget year:
/// the project forms (项目支出绩效自评表, one per project), the department
/// form (部门整体支出绩效自评表) and the narrative report
/// (部门整体支出绩效自评报告).
///
/// Every text value is kept exactly as the unit wrote it — "212.40" stays
/// "212.40" and ">=148.万元" stays ">=148.万元" — because the printed form is
/// an official record of what the unit submitted. Interpretation (numbers,
/// comparators, scores) happens in later phases and never changes the text.
public struct UnitEvaluation: Sendable, Equatable {
    /// 单位名称, e.g. 柳河县政务服务和数字化建设管理局.
    public var name: String
    /// The evaluated budget year (e.g. 2024), not the year of filing.
    public var year: Int
    public var projects: [Project]
    public var department: DepartmentEvaluation?
    public var report: Report?
    /// Names, phone and date for the forms' signature lines.
    public var signatures: Signatures
    /// Which layout to use per document kind; absent kinds use the default.
    public var layouts: [DocumentKind: String]
    /// The layouts' optional lines this unit's forms print (`lines: [year]`
    /// in the unit file): an import turns on those the officer's own form
    /// has (its （2024年度） line); `--line` adds more for one run.
    public var lines: Set<String>

    public init(
        name: String, year: Int, projects: [Project] = [], department: DepartmentEvaluation? = nil,
        report: Report? = nil, signatures: Signatures = Signatures(), layouts: [DocumentKind: String] = [:],
        lines: Set<String> = []
    ) {
        self.name = name
        self.year = year
        self.projects = projects
        self.department = department
        self.report = report
        self.signatures = signatures
        self.layouts = layouts
        self.lines = lines
    }
}

/// The three documents of a self-evaluation.
public enum DocumentKind: String, Sendable, CaseIterable, Hashable, Comparable {
    /// 项目支出绩效自评表 — one per project.
    case project
    /// 部门整体支出绩效自评表 — one per unit.
    case department
    /// 部门整体支出绩效自评报告 — one per unit.
    case report

    public var chineseName: String {
        switch self {
        case .project: "项目支出绩效自评表"
        case .department: "部门整体支出绩效自评表"
        case .report: "部门整体支出绩效自评报告"
        }
    }

    public static func < (lhs: DocumentKind, rhs: DocumentKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
