import Evaluation
import Foundation
import Support

/// Binds a unit onto a form layout: the resolve phase. Every cell of the
/// printed table is decided here — its text, span and style — before any
/// text is measured. Cells are placed as in any table: left to right, each
/// in the first column that no cell spanning down from above occupies.
package enum TableBinder {
    /// `lines` are the optional lines asked for (`--line year`); the
    /// layout's other optional lines are left out.
    package static func bind(_ unit: UnitEvaluation, _ instance: DocumentInstance, onto layout: LayoutSpec, table: TableSpec,
                            computed: ComputedValues = .none, lines: Set<String> = []) -> ResolvedTable {
        let values = DocumentValues(unit: unit, instance: instance)
        var builder = Builder(values: values, computed: computed, layoutFile: layout.file, continuedMark: table.continuedMark)
        for block in table.blocks { builder.add(block) }
        return ResolvedTable(
            title: table.title.filter { $0.isPrinted(with: lines) }.map(builder.line),
            continuedTitle: table.continuedTitle.filter { $0.isPrinted(with: lines) }.map(builder.line),
            footer: table.footer.map(builder.footerLine), pageNumber: table.pageNumber,
            columns: table.columns, padding: table.cellPadding,
            ruleWidth: table.ruleWidth, minimumRowHeight: table.minimumRowHeight, rowCount: builder.rowCount,
            cells: builder.cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }, blocks: builder.blocks,
            fixedRowHeights: builder.fixedRowHeights, formulaDiscrepancies: builder.discrepancies)
    }

    private struct Builder {
        let values: DocumentValues
        let computed: ComputedValues
        let layoutFile: String
        let continuedMark: String
        var rowCount = 0
        var cells: [ResolvedCell] = []
        var blocks: [ResolvedBlock] = []
        var fixedRowHeights: [Int: Length] = [:]
        var discrepancies: [FormulaDiscrepancy] = []
        /// Columns taken by cells spanning down, per row below the current one.
        var occupied: [Int: Set<Int>] = [:]
        /// The fixed text above each column of the current block (its
        /// header), for naming a column in findings.
        var columnLabels: [Int: String] = [:]

        mutating func add(_ block: BlockSpec) {
            let first = rowCount
            let firstColumn = block.side?.span ?? 0
            columnLabels = [:]
            for row in block.header { addRow(row, at: firstColumn, header: true) }
            let headerEnd = rowCount
            for row in block.rows { addRow(row, at: firstColumn, header: false) }
            if let repeated = block.repeated {
                addRepeated(repeated, at: firstColumn)
            }
            occupied = [:]
            guard rowCount > first else { return }
            if let side = block.side {
                let text = fixedText(side.content, path: side.path)
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

        /// The first free column at or after `column` in the current row.
        func free(_ column: Int) -> Int {
            var column = column
            while occupied[rowCount]?.contains(column) == true { column += 1 }
            return column
        }

        mutating func occupy(rows: Range<Int>, columns: Range<Int>) {
            for row in rows.dropFirst() { occupied[row, default: []].formUnion(columns) }
        }

        mutating func addRow(_ row: RowSpec, at firstColumn: Int, header: Bool) {
            var column = firstColumn
            for spec in row.cells {
                column = free(column)
                let text = fixedText(spec.content, path: spec.path)
                let span = spec.rowSpan.count ?? 1
                cells.append(cell(row: rowCount, column: column, rowSpan: span, columnSpan: spec.span, text: text, style: spec.style,
                                  repeats: span > 1))
                occupy(rows: rowCount..<(rowCount + span), columns: column..<(column + spec.span))
                if header, !text.text.isEmpty { columnLabels[column] = text.text }
                column += spec.span
            }
            rowCount += 1
        }

        /// One row per record; a `merge` cell whose group continues from the
        /// row above extends that cell downwards instead, and a `rows: all`
        /// cell is printed once beside all the records.
        mutating func addRepeated(_ repeated: RepeatSpec, at firstColumn: Int) {
            var previous: CollectionRecord?
            var openMerged: [Int: Int] = [:]  // column → index in `cells` of the merged cell above
            // The 一级 column: where the outline's entries point.
            let firstMergedColumn = repeated.row.cells.firstIndex(where: { cell in
                if cell.merge, case .column(let binding) = cell.content { binding.field.isGroup } else { false }
            }).map { index in
                firstColumn + repeated.row.cells[..<index].reduce(0) { $0 + $1.span }
            }
            let records = ordered(values.records(repeated.collection), repeated.order)
            for (index, record) in records.enumerated() {
                let row = record.isTotal ? repeated.totalRow ?? repeated.row : repeated.row
                let formulas = Self.formulas(of: row)
                var column = firstColumn
                // A merged cell continues only while the merged cells to its
                // left do: 二级 inside its 一级, a repeated 性质 inside its group.
                var leftContinues = true
                for spec in row.cells {
                    defer { column += spec.span }
                    if spec.rowSpan == .all {
                        if index == 0 {
                            cells.append(cell(row: rowCount, column: column, rowSpan: records.count, columnSpan: spec.span,
                                              text: text(of: spec, record: record, column: column, formulas: formulas), style: spec.style, repeats: false))
                        }
                        continue
                    }
                    if spec.merge, case .column(let binding) = spec.content {
                        if leftContinues, let previous, let above = openMerged[column],
                           Self.sameGroup(binding.field, record, previous) {
                            cells[above].rowSpan += 1
                            continue
                        }
                        leftContinues = false
                    }
                    let text = text(of: spec, record: record, column: column, formulas: formulas)
                    cells.append(cell(row: rowCount, column: column, columnSpan: spec.span, text: text, style: spec.style, repeats: spec.merge))
                    if spec.merge { openMerged[column] = cells.count - 1 }
                    // The first 一级 label of a group: where its outline entry points.
                    if spec.merge && column == firstMergedColumn && !text.text.isEmpty { cells[cells.count - 1].opensGroup = true }
                }
                previous = record
                rowCount += 1
            }
        }

        /// Whether `record` is in the same merged group of `field` as the
        /// row above: the same 一级/二级 group, or for any other field the same
        /// text that is not blank. A total row starts a group of its own.
        static func sameGroup(_ field: CollectionField, _ record: CollectionRecord, _ previous: CollectionRecord) -> Bool {
            if let group = record.groups[field] { return previous.groups[field] == group }
            let text = record.value(field.key).text
            return !record.isTotal && !previous.isTotal && !text.allSatisfy(\.isWhitespace) && previous.value(field.key).text == text
        }

        /// The rows with the total moved where the form prints it; the
        /// others keep the unit's order.
        func ordered(_ records: [CollectionRecord], _ order: RowOrder) -> [CollectionRecord] {
            switch order {
            case .asWritten: records
            case .totalFirst: records.filter(\.isTotal) + records.filter { !$0.isTotal }
            case .totalLast: records.filter { !$0.isTotal } + records.filter(\.isTotal)
            }
        }

        /// Fixed text (with `{field}` placeholders) of a cell outside a repeated row.
        func fixedText(_ content: CellContent, path: FieldPath) -> (text: String, origin: TextOrigin) {
            switch content {
            case .text(let template): resolve(template, path: path)
            // The loader accepts `field:` cells only in repeated rows.
            case .column: ("", .layout(file: layoutFile, path: path))
            }
        }

        /// A repeated row's cell: the field as written (or the part of it the
        /// cell shows); for a field the unit left empty, the formula's value
        /// or the scoring profile's, marked as computed.
        mutating func text(of spec: CellSpec, record: CollectionRecord, column: Int,
                           formulas: [String: Formula]) -> (text: String, origin: TextOrigin) {
            guard case .column(let binding) = spec.content else { return fixedText(spec.content, path: spec.path) }
            let value = record.value(binding.field.key)
            if let view = binding.view { return (view.part(of: value.text), .unit(value.path)) }
            let blank = value.text.allSatisfy(\.isWhitespace)
            let formulaValue = binding.formula.flatMap { formula in
                formula.evaluate(numbers: { Self.number($0, in: record, formulas: formulas, depth: 1) })
            }
            let format = spec.format == .asWritten ? CellFormat.natural(for: binding.kind) : spec.format
            if blank {
                if let formula = binding.formula {
                    return (formulaValue.map(format.computed) ?? "", formulaValue == nil ? .unit(value.path) : .computed(value.path, formula: formula.source))
                }
                if binding.kind == .score, let score = computed.values[value.path] {
                    return (score, .computed(value.path, formula: ""))
                }
                return (value.text, .unit(value.path))
            }
            if let formula = binding.formula, let formulaValue, let entered = Formula.number(in: value.text),
               !format.agrees(entered: value.text, number: entered, computed: formulaValue) {
                discrepancies.append(FormulaDiscrepancy(path: value.path, entered: value.text, computed: format.computed(formulaValue),
                                                        formula: formula.labelled, label: columnLabels[column] ?? binding.field.key))
            }
            return (spec.format.apply(to: value.text), .unit(value.path))
        }

        /// The formula cells of a row, by the field they compute.
        static func formulas(of row: RowSpec) -> [String: Formula] {
            var formulas: [String: Formula] = [:]
            for cell in row.cells {
                if case .column(let binding) = cell.content, let formula = binding.formula { formulas[binding.field.key] = formula }
            }
            return formulas
        }

        /// A field's number as the unit wrote it, or, when it left it empty
        /// and the row computes it (小计④ in 支出实现率⑥ = ⑤/④), as computed.
        /// The depth bound stops formulas that read each other.
        static func number(_ key: String, in record: CollectionRecord, formulas: [String: Formula], depth: Int) -> Decimal? {
            let text = record.value(key).text
            if !text.allSatisfy(\.isWhitespace) { return Formula.number(in: text) }
            guard depth < 8, let formula = formulas[key] else { return nil }
            return formula.evaluate(numbers: { number($0, in: record, formulas: formulas, depth: depth + 1) })
        }

        /// A scalar's text; a score the unit left empty is the profile's.
        func scalar(_ field: ScalarField) -> (text: String, computed: Bool, path: FieldPath) {
            let value = values.value(field)
            if value.text.allSatisfy(\.isWhitespace), let score = computed.values[value.path] { return (score, true, value.path) }
            return (value.text, false, value.path)
        }

        func resolve(_ template: TextTemplate, path: FieldPath) -> (text: String, origin: TextOrigin) {
            if template.parts.count == 1, case .field(let field) = template.parts[0] {
                let value = scalar(field)
                return (value.text, value.computed ? .computed(value.path, formula: "") : .unit(value.path))
            }
            var text = ""
            for part in template.parts {
                switch part {
                case .literal(let literal): text += literal
                case .field(let field): text += scalar(field).text
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
        case .asWritten, .percent:
            return text
        case .money:
            // Exact on the written digits: an amount of any length neither
            // traps nor changes in its last digits (issue 14).
            return MoneyDigits.twoDecimals(text) ?? text
        }
    }

    /// How a computed field prints when the layout gives no format.
    static func natural(for kind: FieldKind) -> CellFormat {
        switch kind {
        case .percent: .percent
        case .money: .money
        default: .asWritten
        }
    }

    /// A computed value as the cell prints it: money and other numbers to two
    /// decimals, rates as percentages with two decimals.
    func computed(_ value: Decimal) -> String {
        switch self {
        case .percent: (value * 100).fixed(places: 2) + "%"
        case .money, .asWritten: value.fixed(places: 2)
        }
    }

    /// Whether an entered value agrees with the computed one to the
    /// precision the unit wrote: 81.06% agrees with 0.810640…, 81.1% too.
    func agrees(entered text: String, number entered: Decimal, computed: Decimal) -> Bool {
        let isPercent = text.trimmingSpaces().hasSuffix("%")
        let digits = text.filter { $0.isNumber || $0 == "." }
        let places = Decimal.places(in: digits)
        if isPercent { return (computed * 100).rounded(places: places) == (entered * 100).rounded(places: places) }
        return computed.rounded(places: places) == entered.rounded(places: places)
    }
}

/// Two-decimal amounts, exact on the written decimal (never through a
/// binary floating-point number): 212.4 → "212.40", 1.005 → "1.01",
/// -0.004 → "0.00".
package enum MoneyText {
    package static func twoDecimals(_ value: Decimal) -> String {
        let rounded = value.rounded(places: 2)
        return (rounded.isZero ? Decimal(0) : rounded).fixed(places: 2)
    }
}
