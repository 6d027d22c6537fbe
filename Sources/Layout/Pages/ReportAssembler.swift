import Evaluation

/// A 自评表 printed after the report body as one of its attachments: its
/// pages laid out on its own layout, before they are placed in the report.
package struct AttachmentPages: Sendable {
    /// 附件1, or 附件 when it is the only one.
    package var label: String
    /// As the 附件说明 names it.
    package var name: String
    package var pages: [Page]
    /// The text block of the form's own layout, which is fitted into the report's.
    package var content: Rect

    package init(label: String, name: String, pages: [Page], content: Rect) {
        self.label = label
        self.name = name
        self.pages = pages
        self.content = content
    }
}

/// The report as one bound document (GB/T 9704): the body, then each
/// attached 自评表 on pages of its own, numbered in one sequence. Every
/// placement decision is here, in Layout: the attachment's label, its
/// place in the outline, the fitting into the report's text block and the
/// turn of a landscape form; the facade only lays the forms out.
package enum ReportAssembler {
    /// §7.3.7: "附件" and its number, flush left on the first line.
    package static func label(index: Int, printed: Int, total: Int) -> String {
        printed == 1 && total == 1 ? "附件" : "附件\(index + 1)"
    }

    /// The form's table as an attachment prints it: the label in the
    /// report's first-level heading style (3号黑体) above the form's own
    /// title, and no page numbers of its own (the report's go on).
    package static func attachmentTable(_ table: TableSpec, label: String, style: TextStyle, index: Int) -> TableSpec {
        var table = table
        var labelStyle = style
        labelStyle.align = .left
        table.title.insert(TextLineSpec(text: .literal(label), style: labelStyle, spaceAfter: .mm(4),
                                        path: FieldPath("report.attachments").appending(index)), at: 0)
        table.pageNumber = nil
        return table
    }

    /// `body` followed by every attachment's pages, fitted into `page`'s
    /// text block so that their page numbers sit where every other page's
    /// do (§7.5), then numbered by `numbering`.
    package static func assemble(body: [Page], attachments: [AttachmentPages], page: PageSpec, numbering: PageNumberSpec?,
                                measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        var pages = body
        for attachment in attachments {
            for var form in attachment.pages {
                // In the report's outline the form is an attachment, named as
                // the 附件说明 names it; its 一级指标 groups nest below.
                form.bookmarks = form.bookmarks.map { mark in
                    mark.level == 1 ? Bookmark(title: "\(attachment.label) \(attachment.name)", level: 1) : mark
                }
                // A landscape form in a portrait report is turned so that its
                // top faces the binding on odd pages and the outer edge on
                // even pages (§8).
                let sheet = pages.count + 1
                let turn: PageTransform.QuarterTurn = form.size.width > form.size.height && page.size.height > page.size.width
                    ? (sheet % 2 == 1 ? .counterclockwise : .clockwise) : .none
                form.transform = .fit(from: attachment.content, to: page.contentRect, turn: turn)
                form.size = page.size
                pages.append(form)
            }
        }
        guard let numbering else { return pages }
        return try PageNumbering.number(pages, numbering, content: page.contentRect, measurer: measurer)
    }
}
