import Evaluation

/// The report's branch of the pipeline: its body bound, measured into lines,
/// paginated on the fixed pitch and composed; then each attached 自评表
/// through the form branch on its own layout; then `ReportAssembler` puts
/// them into one numbered document.
extension DocumentPipeline {
    static func reportPages(_ unit: UnitEvaluation, _ report: Report, onto layout: LayoutSpec, flow: FlowSpec,
                            attachedLayouts: [DocumentKind: LayoutSpec], computed: ComputedValues,
                            measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        let content = layout.page.contentRect
        let resolved = ReportBinder.bind(report, flow: flow)
        let lines = try ReportMeasurer.lines(resolved, flow: flow, content: content, measurer: measurer)
        let decided = FlowPaginator.paginate(lines.map(\.paginated), regions: .uniform(content.size.height), pitch: flow.lineHeight)
        let body = ReportComposer.compose(lines, pages: decided, flow: flow, page: layout.page)
        let attachments = try attachmentPages(unit, report, flow: flow, attachedLayouts: attachedLayouts, computed: computed,
                                              measurer: measurer)
        return try ReportAssembler.assemble(body: body, attachments: attachments, page: layout.page, numbering: flow.pageNumber,
                                            measurer: measurer)
    }

    /// Each attachment that is one of the unit's forms, laid out on its
    /// kind's layout with the report's attachment label above its title.
    static func attachmentPages(_ unit: UnitEvaluation, _ report: Report, flow: FlowSpec, attachedLayouts: [DocumentKind: LayoutSpec],
                                computed: ComputedValues, measurer: some TextMeasurer) throws(LayoutFailure) -> [AttachmentPages] {
        let printed = report.attachments.filter { $0.form != nil }.count
        var attachments: [AttachmentPages] = []
        for (index, attachment) in report.attachments.enumerated() {
            guard let form = attachment.form else { continue }
            let instance: DocumentInstance = switch form {
            case .department: .department
            case .project(let project): .project(index: project)
            }
            guard let formLayout = attachedLayouts[instance.kind] else {
                preconditionFailure("no layout for the attached \(instance.kind.chineseName): the caller resolves one for every form the report attaches")
            }
            // A form layout that is not a table cannot be attached; the
            // loader gives forms tables, so this is a caller's odd layout.
            guard case .table(let table) = formLayout.body else { continue }
            let label = ReportAssembler.label(index: index, printed: printed, total: report.attachments.count)
            let attachmentTable = ReportAssembler.attachmentTable(table, label: label, style: flow.headings[0].style, index: index)
            // Bound without the run's optional lines (`--line`): an attached
            // form has always printed without them, and the report's pages
            // are pinned by the golden digests.
            let pages = try formPages(unit, instance, onto: formLayout, table: attachmentTable, computed: computed, lines: [],
                                      measurer: measurer)
            attachments.append(AttachmentPages(label: label, name: attachment.name, pages: pages, content: formLayout.page.contentRect))
        }
        return attachments
    }
}
