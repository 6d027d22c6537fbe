import Evaluation
import Foundation

/// Binds a unit onto a form layout: the resolve phase. Every cell of the
/// printed table is decided here — its text, span and style — before any
/// text is measured.
public enum TableBinder {
    public static func bind(_ unit: UnitEvaluation, _ instance: DocumentInstance, onto layout: LayoutSpec, table: TableSpec) -> ResolvedTable {
        let values = DocumentValues(unit: unit, instance: instance)
        var builder = Builder(values: values, layoutFile: layout.file, continuedMark: table.continuedMark)
        for block in table.blocks { builder.add(block) }
        return ResolvedTable(
            title: table.title.map(builder.line), continuedTitle: table.continuedTitle.map(builder.line),
            footer: table.footer.map(builder.footerLine), pageNumber: table.pageNumber,
            columns: table.columns, padding: table.cellPadding,
            ruleWidth: table.ruleWidth, minimumRowHeight: table.minimumRowHeight, rowCount: builder.rowCount,
            cells: builder.cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }, blocks: builder.blocks,
            fixedRowHeights: builder.fixedRowHeights)
    }

    private struct Builder {
        let values: DocumentValues
        let layoutFile: String
        let continuedMark: String
        var rowCount = 0
        var cells: [ResolvedCell] = []
        var blocks: [ResolvedBlock] = []
        var fixedRowHeights: [Int: Length] = [:]

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
                let text = text(of: side.content, format: side.format, record: nil, path: side.path)
                cells.append(cell(row: first, column: 0, rowSpan: rowCount - first, columnSpan: side.span, text: text,
                                  style: side.style, repeats: true))
            }
            if let height = block.rowHeight {
                for row in first..<rowCount { fixedRowHeights[row] = height }
            }
            blocks.append(ResolvedBlock(rows: first..<rowCount, header: first..<headerEnd, keepTogether: block.keepTogether))
        }

        func cell(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int, text: (text: String, origin: TextOrigin),
                  style: TextStyle, repeats: Bool) -> ResolvedCell {
            ResolvedCell(row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan, text: text.text, style: style,
                         origin: text.origin, repeatsOnContinuation: repeats,
                         continuedText: repeats && !text.text.isEmpty ? text.text + continuedMark : text.text)
        }

        mutating func addRow(_ row: RowSpec, at firstColumn: Int) {
            var column = firstColumn
            for spec in row.cells {
                let text = text(of: spec.content, format: spec.format, record: nil, path: spec.path)
                cells.append(cell(row: rowCount, column: column, columnSpan: spec.span, text: text, style: spec.style, repeats: false))
                column += spec.span
            }
            rowCount += 1
        }

        /// One row per record; a `merge` cell whose group continues from the
        /// row above extends that cell downwards instead.
        mutating func addRepeated(_ repeated: RepeatSpec, at firstColumn: Int) {
            var previous: CollectionRecord?
            var openMerged: [Int: Int] = [:]  // column → index in `cells` of the merged cell above
            for record in ordered(values.records(repeated.collection), repeated.order) {
                let row = record.isTotal ? repeated.totalRow ?? repeated.row : repeated.row
                var column = firstColumn
                for spec in row.cells {
                    defer { column += spec.span }
                    if spec.merge, case .column(let field) = spec.content,
                       let group = record.groups[field], let previous, previous.groups[field] == group,
                       let above = openMerged[column] {
                        cells[above].rowSpan += 1
                        continue
                    }
                    let text = text(of: spec.content, format: spec.format, record: record, path: spec.path)
                    cells.append(cell(row: rowCount, column: column, columnSpan: spec.span, text: text, style: spec.style,
                                      repeats: spec.merge))
                    if spec.merge { openMerged[column] = cells.count - 1 }
                }
                previous = record
                rowCount += 1
            }
        }

        /// The funds rows with the total moved where the form prints it; the
        /// others keep the unit's order.
        func ordered(_ records: [CollectionRecord], _ order: RowOrder) -> [CollectionRecord] {
            switch order {
            case .asWritten: records
            case .totalFirst: records.filter(\.isTotal) + records.filter { !$0.isTotal }
            case .totalLast: records.filter { !$0.isTotal } + records.filter(\.isTotal)
            }
        }

        /// The cell's text and where it comes from: the unit field it shows,
        /// or (for fixed text) the cell's place in the layout file.
        func text(of content: CellContent, format: CellFormat, record: CollectionRecord?, path: FieldPath) -> (text: String, origin: TextOrigin) {
            let resolved: (text: String, origin: TextOrigin)
            switch content {
            case .text(let template):
                resolved = resolve(template, path: path)
            case .column(let field):
                // A record without the field (an empty group's row) prints empty.
                let value = record?.values[field]
                resolved = (value?.text ?? "", .unit(value?.path ?? FieldPath()))
            }
            return (format.apply(to: resolved.text), resolved.origin)
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

        func line(_ spec: TextLineSpec) -> ResolvedLine {
            let text = resolve(spec.text, path: spec.path)
            return ResolvedLine(text: text.text, style: spec.style, spaceBefore: spec.spaceBefore, spaceAfter: spec.spaceAfter,
                                origin: text.origin)
        }

        func footerLine(_ spec: FooterLineSpec) -> ResolvedFooterLine {
            switch spec {
            case .text(let line):
                return .text(self.line(line))
            case .signatures(let signatures):
                let fields = signatures.fields.map { field in
                    let label = resolve(field.label, path: field.path.appending("label"))
                    let value = resolve(field.value, path: field.path.appending("value"))
                    return ResolvedSignatureLine.Field(label: label.text, value: value.text, lineWidth: field.lineWidth,
                                                       origin: value.text.isEmpty ? label.origin : value.origin)
                }
                return .signatures(ResolvedSignatureLine(fields: fields, style: signatures.style, spaceBefore: signatures.spaceBefore,
                                                         spaceAfter: signatures.spaceAfter))
            }
        }
    }
}

extension CellFormat {
    /// The text as the cell prints it. Only plain numbers are reformatted,
    /// so a value the unit wrote as "约212万" is never mangled.
    func apply(to text: String) -> String {
        switch self {
        case .asWritten:
            return text
        case .money:
            // Exact on the written digits: an amount of any length neither
            // traps nor changes in its last digits (issue 14).
            return MoneyDigits.twoDecimals(text) ?? text
        }
    }
}

/// Two-decimal amounts without Foundation's locale-dependent formatting:
/// 212.4 → "212.40", -0.004 → "0.00". For generated figures (the bench);
/// written amounts go through `MoneyDigits`, which is exact.
public enum MoneyText {
    public static func twoDecimals(_ value: Double) -> String {
        // Through its decimal digits, so no conversion to a fixed-width
        // integer can trap on a huge value.
        guard value.isFinite else { return "\(value)" }
        let written = value.magnitude < 1e15 ? String(format: "%.6f", value) : "\(value)"
        return MoneyDigits.twoDecimals(written) ?? written
    }
}
