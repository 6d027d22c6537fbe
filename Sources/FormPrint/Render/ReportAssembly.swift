import Evaluation
import Layout

/// The report's pages: its body, then each attached 自评表 laid out on its
/// own layout and placed by `ReportAssembler`.
extension DocumentLayouter {
    func reportPages(_ unit: UnitEvaluation, _ computed: ComputedValues, _ report: Report, _ layout: LayoutSpec, _ flow: FlowSpec,
                     plan: UnitPlan) throws -> [Page] {
        let resolved = ReportBinder.bind(report, flow: flow)
        let body = try ReportComposer.composeBody(resolved, flow: flow, page: layout.page, measurer: typesetter)
        let printed = report.attachments.filter { $0.form != nil }.count
        var attachments: [AttachmentPages] = []
        for (index, attachment) in report.attachments.enumerated() {
            guard let form = attachment.form else { continue }
            let instance: DocumentInstance = switch form {
            case .department: .department
            case .project(let project): .project(index: project)
            }
            let formLayout = plan.layout(for: instance.kind)
            guard case .table(let table) = formLayout.body else { continue }
            let label = ReportAssembler.label(index: index, printed: printed, total: report.attachments.count)
            let attachmentTable = ReportAssembler.attachmentTable(table, label: label, style: flow.headings[0].style, index: index)
            attachments.append(AttachmentPages(label: label, name: attachment.name,
                                                pages: try formPages(unit, computed, instance, formLayout, attachmentTable),
                                                content: formLayout.page.contentRect))
        }
        return try ReportAssembler.assemble(body: body, attachments: attachments, page: layout.page, numbering: flow.pageNumber,
                                            measurer: typesetter)
    }
}
