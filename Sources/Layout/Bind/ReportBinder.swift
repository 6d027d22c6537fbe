import Evaluation

/// The report resolved against its layout: every heading numbered and
/// styled, every paragraph styled, in reading order. No geometry yet.
package struct ResolvedReport: Sendable, Equatable {
    package var title: String
    package var blocks: [ReportBlock]
    package var signature: String
    package var date: String
    package var sealed: Bool
    /// The names listed in the 附件说明.
    package var attachments: [String]
}

package struct ReportBlock: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        /// A table; `text` is its title.
        case table(ReportTable)
    }
    package var kind: Kind
    /// The text as printed, heading number included ("一、部门概况").
    package var text: String
    package var style: TextStyle
    package var origin: TextOrigin
}

package enum ReportBinder {
    /// Numbers headings from their depth (一、 → （一） → 1. → （1）), so the
    /// printed numbering is consistent whatever the input looked like.
    package static func bind(_ report: Report, flow: FlowSpec) -> ResolvedReport {
        var blocks: [ReportBlock] = []
        func add(_ sections: [ReportSection], depth: Int, path: FieldPath) {
            let heading = flow.headings[min(depth, flow.headings.count - 1)]
            for (index, section) in sections.enumerated() {
                let sectionPath = path.appending(index)
                blocks.append(ReportBlock(kind: .heading(level: depth + 1), text: heading.numbering.label(index + 1) + section.heading,
                                          style: heading.style, origin: .unit(sectionPath.appending("heading"))))
                func tables(after paragraph: Int) {
                    for (t, table) in section.tables.enumerated() where (table.afterParagraph ?? section.paragraphs.count) == paragraph {
                        blocks.append(ReportBlock(kind: .table(table), text: table.title, style: flow.tables.title,
                                                  origin: .unit(sectionPath.appending("tables").appending(t))))
                    }
                }
                tables(after: 0)
                for (p, paragraph) in section.paragraphs.enumerated() {
                    blocks.append(ReportBlock(kind: .paragraph, text: paragraph, style: flow.body,
                                              origin: .unit(sectionPath.appending("paragraphs").appending(p))))
                    tables(after: p + 1)
                }
                add(section.sections, depth: depth + 1, path: sectionPath.appending("sections"))
            }
        }
        add(report.sections, depth: 0, path: "report.sections")
        return ResolvedReport(title: report.title, blocks: blocks, signature: report.signature, date: report.date,
                              sealed: report.sealed, attachments: report.attachments.map(\.name))
    }
}
