import Evaluation

/// Cuts a stream of rows into form tables at their title rows. A table
/// without a title starts at a row whose first cell is 项目名称 or 部门名称.
/// Rows outside every table are kept as `loose` so they can be reported.
struct TableSplitter {
    private(set) var tables: [FormTable] = []
    private(set) var loose: [GridRow] = []
    private var current: FormTable?

    mutating func feed(_ row: GridRow) {
        guard !row.isBlank else { return }
        if let title = row.soleText, let kind = FormTitle.kind(of: title), kind != .report {
            finishTable()
            current = FormTable(kind: kind, title: row.cells[0], rows: [])
            return
        }
        if current == nil, let first = row.cells.first {
            let label = Label.normalise(first.text)
            if label.hasPrefix("项目名称") { current = FormTable(kind: .project, title: nil, rows: []) }
            if label.hasPrefix("部门名称") { current = FormTable(kind: .department, title: nil, rows: []) }
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
