import Evaluation
import Layout

/// The report as one bound document (GB/T 9704): the body, then each
/// attached 自评表 on pages of its own, numbered in one sequence.
extension DocumentLayouter {
    func reportPages(_ unit: UnitEvaluation, _ computed: ComputedValues, _ report: Report, _ layout: LayoutSpec, _ flow: FlowSpec,
                     layouts requested: [DocumentKind: String]) throws -> [Page] {
        let resolved = ReportBinder.bind(report, flow: flow)
        var pages = try ReportComposer.composeBody(resolved, flow: flow, page: layout.page, measurer: typesetter)
        let printed = report.attachments.filter { $0.form != nil }.count
        for (index, attachment) in report.attachments.enumerated() {
            guard let form = attachment.form else { continue }
            let instance: DocumentInstance = switch form {
            case .department: .department
            case .project(let project): .project(index: project)
            }
            let formLayout = try catalog.layout(for: instance.kind, requested: requested[instance.kind] ?? unit.layouts[instance.kind])
            guard case .table(var table) = formLayout.body else { continue }
            // §7.3.7: "附件" and its number in 3号黑体, flush left on the first
            // line; the form's own title follows as the attachment's title.
            // The form's own page numbers give way to the report's.
            let attachmentLabel = printed == 1 && report.attachments.count == 1 ? "附件" : "附件\(index + 1)"
            var label = flow.headings[0].style
            label.align = .left
            table.title.insert(TextLineSpec(text: .literal(attachmentLabel),
                                            style: label, spaceAfter: .mm(4), path: FieldPath("report.attachments").appending(index)),
                               at: 0)
            table.pageNumber = nil
            for var page in try formPages(unit, computed, instance, formLayout, table) {
                // In the report's outline the form is an attachment, named
                // as the 附件说明 names it; its 一级指标 groups nest below.
                page.bookmarks = page.bookmarks.map { mark in
                    mark.level == 1 ? Bookmark(title: "\(attachmentLabel) \(attachment.name)", level: 1) : mark
                }
                // The form is fitted into the report's text block, so that
                // its page number sits where every other page has it (§7.5);
                // a landscape form in a portrait report is turned so that its
                // top faces the binding on odd pages and the outer edge on
                // even pages (§8).
                let sheet = pages.count + 1
                let turn: PageTransform.QuarterTurn = page.size.width > page.size.height && layout.page.size.height > layout.page.size.width
                    ? (sheet % 2 == 1 ? .counterclockwise : .clockwise) : .none
                page.transform = .fit(from: formLayout.page.contentRect, to: layout.page.contentRect, turn: turn)
                page.size = layout.page.size
                pages.append(page)
            }
        }
        guard let numbering = flow.pageNumber else { return pages }
        return try PageNumbering.number(pages, numbering, content: layout.page.contentRect, measurer: typesetter)
    }
}
