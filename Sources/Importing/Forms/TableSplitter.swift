import Evaluation

/// The first labels of the layouts' forms (项目名称, 部门名称, 部门（单位）名称
/// …): a form copied without its title line starts at a row whose first
/// cell is one of them.
struct FormStarts: Sendable {
    private var labels: [String: DocumentKind] = [:]
    /// The titles the layouts print (a province's own "…绩效目标表" from
    /// `layouts learn` among them), beside the titles every form is known by.
    private var titles: [String: DocumentKind] = [:]

    init(_ templates: [FormTemplate]) {
        for template in templates where template.layout.document != .report {
            for label in template.startLabels where labels[label] == nil { labels[label] = template.layout.document }
            if let first = template.title.first, first.parts.allSatisfy({ if case .literal = $0 { true } else { false } }) {
                let text = first.parts.map { if case .literal(let literal) = $0 { literal } else { "" } }.joined()
                if !Label.folded(text).isEmpty { titles[Label.folded(text)] = titles[Label.folded(text)] ?? template.layout.document }
            }
        }
        // The labels the forms have always been found by, whatever layouts are loaded.
        labels["项目名称", default: .project] = .project
        labels["部门名称", default: .department] = .department
    }

    /// The kind of form a title line names: the titles every form is known
    /// by (FormTitle), or a layout's own title.
    func kind(ofTitle text: String) -> DocumentKind? {
        FormTitle.kind(of: text) ?? titles[Label.folded(text)]
    }

    /// The kind of form a row without a title starts, if it starts one.
    func kind(of row: GridRow) -> DocumentKind? {
        guard let first = row.cells.first else { return nil }
        let text = Label.folded(first.text)
        // Only the label itself: "部门（单位）名称：某局" alone on a line is a
        // report cover's line, not a form (CommonRows reads it as the name).
        return labels[text]
    }
}

/// Cuts a stream of rows into form tables at their title rows. A table
/// without a title starts at a row whose first cell is the first label of
/// a form (`FormStarts`). Rows outside every table are kept as `loose` so
/// they can be reported.
struct TableSplitter {
    let starts: FormStarts
    private(set) var tables: [FormTable] = []
    private(set) var loose: [GridRow] = []
    private var current: FormTable?

    init(starts: FormStarts) { self.starts = starts }

    mutating func feed(_ row: GridRow) {
        guard !row.isBlank else { return }
        if let title = row.soleText, let kind = starts.kind(ofTitle: title), kind != .report {
            finishTable()
            current = FormTable(kind: kind, title: row.cells[0], rows: [])
            return
        }
        if let kind = starts.kind(of: row), current == nil || current!.rows.contains(where: { starts.kind(of: $0) != nil }) {
            // A form without a title; a second one right after a first.
            if current != nil { finishTable() }
            current = FormTable(kind: kind, title: nil, rows: [])
        }
        if current != nil {
            current!.rows.append(row)
        } else {
            loose.append(row)
        }
    }

    /// The tables found, and the rows outside every table.
    mutating func finish() -> (tables: [FormTable], loose: [GridRow]) {
        finishTable()
        return (tables, loose)
    }

    private mutating func finishTable() {
        if let table = current { tables.append(table) }
        current = nil
    }
}
