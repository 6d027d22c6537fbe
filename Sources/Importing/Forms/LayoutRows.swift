import Evaluation
import Layout

/// A form layout as the importer reads it: its rows in order, each cell at
/// the column it starts in (cells spanning down from above placed as the
/// binder places them). The inverse of binding: where the binder writes a
/// field into a cell, the importer reads it back out.
struct LayoutRows {
    struct Cell {
        /// 0-based layout column of the cell's left edge.
        var column: Int
        var content: CellContent
        var rowSpan: RowSpan
        /// The block's side label, on the block's first row.
        var isSide: Bool
    }

    enum Row {
        /// A header or fixed row: labels and `{field}` values.
        case fixed([Cell])
        /// One grid row per record of a list, until the next fixed row; the
        /// money block's total row may have cells of its own.
        case repeated(RepeatSpec, [Cell], total: [Cell])
    }

    var rows: [Row] = []
    /// The lines above the grid (title, "（{year}年度）", a form number).
    var title: [TextTemplate]

    init(_ table: TableSpec) {
        title = table.title.map(\.text)
        for block in table.blocks {
            let first = block.side?.span ?? 0
            var occupied: [Int: Set<Int>] = [:]
            var index = 0
            var sideFree = true
            func sideCell() -> [Cell] {
                guard let side = block.side, sideFree else { return [] }
                sideFree = false
                return [Cell(column: 0, content: side.content, rowSpan: .rows(1), isSide: true)]
            }
            for row in block.header + block.rows {
                var cells = sideCell()
                var column = first
                for spec in row.cells {
                    while occupied[index]?.contains(column) == true { column += 1 }
                    cells.append(Cell(column: column, content: spec.content, rowSpan: spec.rowSpan, isSide: false))
                    for below in (index + 1)..<(index + (spec.rowSpan.count ?? 1)) {
                        occupied[below, default: []].formUnion(column..<(column + spec.span))
                    }
                    column += spec.span
                }
                rows.append(.fixed(cells))
                index += 1
            }
            if let repeated = block.repeated {
                let side = sideCell()
                func cells(_ row: RowSpec) -> [Cell] {
                    var column = first
                    return side + row.cells.map { spec in
                        defer { column += spec.span }
                        return Cell(column: column, content: spec.content, rowSpan: spec.rowSpan, isSide: false)
                    }
                }
                rows.append(.repeated(repeated, cells(repeated.row), total: cells(repeated.totalRow ?? repeated.row)))
            }
        }
    }
}

extension LayoutRows.Cell {
    /// The fixed text of a label cell (no field in it), normalised.
    var label: String? {
        guard case .text(let template) = content, !template.parts.isEmpty else { return nil }
        var text = ""
        for part in template.parts {
            guard case .literal(let literal) = part else { return nil }
            text += literal
        }
        let label = Label.normalise(text)
        return label.isEmpty || label == "—" || label == "/" ? nil : label
    }
}
