import Evaluation

/// Binds a unit onto a form layout: the resolve phase. Every cell of the
/// printed table is decided here — its text, span and style — before any
/// text is measured.
public enum TableBinder {
    public static func bind(_ unit: UnitEvaluation, _ instance: DocumentInstance, onto layout: LayoutSpec, table: TableSpec) -> ResolvedTable {
        let values = DocumentValues(unit: unit, instance: instance)
        var builder = Builder(values: values, layoutFile: layout.file)
        for block in table.blocks { builder.add(block) }
        let lines = { (specs: [TextLineSpec]) in
            specs.map { spec in
                let text = builder.resolve(spec.text, path: spec.path)
                return ResolvedLine(text: text.text, style: spec.style, spaceAfter: spec.spaceAfter, origin: text.origin)
            }
        }
        return ResolvedTable(
            title: lines(table.title), footer: lines(table.footer), columns: table.columns, padding: table.cellPadding,
            ruleWidth: table.ruleWidth, minimumRowHeight: table.minimumRowHeight, rowCount: builder.rowCount,
            cells: builder.cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }, blocks: builder.blocks)
    }

    private struct Builder {
        let values: DocumentValues
        let layoutFile: String
        var rowCount = 0
        var cells: [ResolvedCell] = []
        var blocks: [ResolvedBlock] = []

        mutating func add(_ block: BlockSpec) {
            let first = rowCount
            let firstColumn = block.side?.span ?? 0
            for row in block.header { addRow(row, at: firstColumn) }
            let headerEnd = rowCount
            for row in block.rows { addRow(row, at: firstColumn) }
            if let repeated = block.repeated {
                addRepeated(repeated, at: firstColumn)
            }
            guard rowCount > first else { return }
            if let side = block.side {
                let text = text(of: side.content, record: nil, path: side.path)
                cells.append(ResolvedCell(row: first, column: 0, rowSpan: rowCount - first, columnSpan: side.span,
                                          text: text.text, style: side.style, origin: text.origin, repeatsOnContinuation: true))
            }
            blocks.append(ResolvedBlock(rows: first..<rowCount, header: first..<headerEnd, keepTogether: block.keepTogether))
        }

        mutating func addRow(_ row: RowSpec, at firstColumn: Int) {
            var column = firstColumn
            for cell in row.cells {
                let text = text(of: cell.content, record: nil, path: cell.path)
                cells.append(ResolvedCell(row: rowCount, column: column, rowSpan: 1, columnSpan: cell.span,
                                          text: text.text, style: cell.style, origin: text.origin, repeatsOnContinuation: false))
                column += cell.span
            }
            rowCount += 1
        }

        /// One row per record; a `merge` cell whose group continues from the
        /// row above extends that cell downwards instead.
        mutating func addRepeated(_ repeated: RepeatSpec, at firstColumn: Int) {
            var previous: CollectionRecord?
            var openMerged: [Int: Int] = [:]  // column → index in `cells` of the merged cell above
            for record in values.records(repeated.collection) {
                var column = firstColumn
                for cell in repeated.row.cells {
                    defer { column += cell.span }
                    if cell.merge, case .column(let field) = cell.content,
                       let group = record.groups[field], let previous, previous.groups[field] == group,
                       let above = openMerged[column] {
                        cells[above].rowSpan += 1
                        continue
                    }
                    let text = text(of: cell.content, record: record, path: cell.path)
                    cells.append(ResolvedCell(row: rowCount, column: column, rowSpan: 1, columnSpan: cell.span,
                                              text: text.text, style: cell.style, origin: text.origin,
                                              repeatsOnContinuation: cell.merge))
                    if cell.merge { openMerged[column] = cells.count - 1 }
                }
                previous = record
                rowCount += 1
            }
        }

        /// The cell's text and where it comes from: the unit field it shows,
        /// or (for fixed text) the cell's place in the layout file.
        func text(of content: CellContent, record: CollectionRecord?, path: FieldPath) -> (text: String, origin: TextOrigin) {
            switch content {
            case .text(let template):
                return resolve(template, path: path)
            case .column(let field):
                // A record without the field (an empty group's row) prints empty.
                let value = record?.values[field]
                return (value?.text ?? "", .unit(value?.path ?? FieldPath()))
            }
        }

        func resolve(_ template: TextTemplate, path: FieldPath) -> (text: String, origin: TextOrigin) {
            if template.parts.count == 1, case .field(let field) = template.parts[0] {
                let value = values.value(field)
                return (value.text, .unit(value.path))
            }
            var text = ""
            for part in template.parts {
                switch part {
                case .literal(let literal): text += literal
                case .field(let field): text += values.value(field).text
                }
            }
            return (text, .layout(file: layoutFile, path: path))
        }
    }
}
