/// The 部门整体支出绩效自评报告 as a tree of sections. Headings are stored
/// without their numbers ("部门概况", not "一、部门概况"): FormPrint numbers
/// them from their depth, so the printed numbering is always consistent.
public struct Report: Sendable, Equatable {
    public var title: String
    public var sections: [ReportSection]
    /// 署名 — the signing unit; empty means none is printed.
    public var signature: String
    /// 成文日期 as printed, e.g. "2025年3月1日".
    public var date: String

    public init(title: String, sections: [ReportSection], signature: String = "", date: String = "") {
        self.title = title
        self.sections = sections
        self.signature = signature
        self.date = date
    }
}

public struct ReportSection: Sendable, Equatable {
    public var heading: String
    public var paragraphs: [String]
    public var sections: [ReportSection]

    public init(heading: String, paragraphs: [String] = [], sections: [ReportSection] = []) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.sections = sections
    }
}
