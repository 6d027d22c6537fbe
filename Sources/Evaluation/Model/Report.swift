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
    /// Whether the report is sealed (加盖印章): GB/T 9704 then places the
    /// date four characters from the right and centres the 署名 on it.
    public var sealed: Bool
    /// 附件, listed after the body (附件说明) and, when they name one of the
    /// unit's forms, printed after the report with continuing page numbers.
    public var attachments: [ReportAttachment]

    public init(title: String, sections: [ReportSection], signature: String = "", date: String = "", sealed: Bool = false,
                attachments: [ReportAttachment] = []) {
        self.title = title
        self.sections = sections
        self.signature = signature
        self.date = date
        self.sealed = sealed
        self.attachments = attachments
    }
}

/// One 附件 of the report.
public struct ReportAttachment: Sendable, Equatable {
    /// The name listed in the 附件说明, e.g. 部门整体支出绩效自评表.
    public var name: String
    /// The unit's form printed as this attachment; nil lists the name only
    /// (an attachment filed separately).
    public var form: AttachedForm?

    public init(name: String, form: AttachedForm? = nil) {
        self.name = name
        self.form = form
    }
}

public enum AttachedForm: Sendable, Equatable {
    case department
    /// A project's form, by index into `UnitEvaluation.projects`.
    case project(Int)
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
