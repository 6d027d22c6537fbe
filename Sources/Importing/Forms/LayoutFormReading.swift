import Evaluation
import Layout

/// One form table read as one layout: the rows of the table found for the
/// rows of the layout in order, each row's cells put on the layout's cells
/// by `RowAlignment`, the values collected into the unit's model. Every
/// layout of the form's kind reads the table this way; the reading that
/// fits best is taken (`UnitAssembler`). One reader for every variant.
struct LayoutFormReading {
    let template: FormTemplate
    var layoutID: String { template.layout.id }

    /// Labels of the layout found, and expected.
    private(set) var matched = 0
    var expected: Int { template.expectedLabels }
    /// The sum of the rows' alignment scores: how well the whole table fits.
    private(set) var score: Double = 0
    private(set) var used: [GridCell] = []
    private(set) var usedIDs: Set<Int> = []
    /// Labels of the layout the table lacks (a column or row the unit's
    /// copy does not have), as the layout prints them.
    private(set) var missing: [String] = []
    private(set) var notes: [ImportNote] = []
    var project = Project(name: "")
    var department = DepartmentEvaluation(name: "")
    var signatures = Signatures()
    var year: (Int, GridCell)?
    /// The cell each value of the form's own fields was read from ("project.name").
    private(set) var places: [String: GridCell] = [:]
    /// The labels in place that name a money unit (资金情况（元）).
    private(set) var amountHeadings = AmountUnitHeadings()

    /// The share of the layout's labels the table shows.
    var fraction: Double { expected == 0 ? 0 : Double(matched) / Double(expected) }

    init(_ template: FormTemplate, table: FormTable) {
        self.template = template
        let grid = table.rows.filter { row in
            guard let first = row.cells.first else { return false }
            return !(row.cells.count == 1 && (FormTitle.isYearLine(first.text) || FormTitle.kind(of: first.text) != nil))
        }
        readTitleLines(table)
        // Copies that kept empty cells (a workbook, a paste from Excel or
        // Word) place a cell under its header; a PDF copy keeps only order.
        let firstColumn = grid.flatMap(\.cells).map(\.column).min() ?? 1
        let positional = grid.contains { row in
            row.merges != nil || (row.cells.first.map { $0.column > firstColumn } ?? false)
                || zip(row.cells, row.cells.dropFirst()).contains { $1.column > $0.column + 1 }
        }
        var g = 0
        var foundBlocks: Set<Int> = []
        var map: RowAlignment.ColumnMap?
        var block = -1
        for (index, layoutRow) in template.rows.enumerated() {
            switch layoutRow {
            case .fixed(let slots, let rowBlock):
                if rowBlock != block { (block, map) = (rowBlock, nil) }
                let wanted = layoutRow.labelCount
                guard g < grid.count else {
                    missing += slots.filter { $0.isLabel && !$0.isRepeatedSide }.compactMap(\.labelText)
                    continue
                }
                if wanted > 0 {
                    // The row, or one of the next two (rows the layout does not
                    // have in between), with at least half its labels.
                    var found: (Int, RowAlignment)?
                    for j in g..<min(grid.count, g + 3) {
                        let alignment = align(grid[j], slots, map: positional ? map : nil)
                        if alignment.labelsMatched * 2 >= wanted {
                            found = (j, alignment)
                            break
                        }
                    }
                    guard let (j, alignment) = found else {
                        missing += slots.filter { $0.isLabel && !$0.isRepeatedSide }.compactMap(\.labelText)
                        continue
                    }
                    g = j
                    foundBlocks.insert(rowBlock)
                    _ = take(alignment, grid[g], slots)
                    map = Self.anchors(alignment, grid[g], slots, adding: map)
                } else {
                    // A row of values only: read under its labels (a row of
                    // values whose labels are missing is some other table's),
                    // absent when the grid row is already the next labelled
                    // row or a signature line.
                    if blockHasLabels(rowBlock) && !foundBlocks.contains(rowBlock) { continue }
                    if let next = nextLabelled(after: index), align(grid[g], next.slots, map: nil).labelsMatched * 2 >= max(1, next.labelCount) { continue }
                    if SignatureLine.isSignatureRow(grid[g]) { continue }
                    _ = take(align(grid[g], slots, map: positional ? map : nil), grid[g], slots)
                }
                g += 1
            case .repeated(let spec, let slots, let total, let rowBlock):
                if rowBlock != block { (block, map) = (rowBlock, nil) }
                let next = nextLabelled(after: index)
                // A list is read under its header: rows where the layout's
                // header is missing are some other table's.
                if blockHasLabels(rowBlock) && !foundBlocks.contains(rowBlock) { continue }
                var records = RecordCollector(spec: spec, slots: slots, template: template)
                if positional, let full = fullRow(in: grid, from: g, slots, until: next, header: map) { map = full }
                while g < grid.count {
                    let row = grid[g]
                    if let next, align(row, next.slots, map: nil).labelsMatched * 2 >= max(1, next.labelCount) { break }
                    if SignatureLine.isSignatureRow(row) { break }
                    // A cell in the side column that is not the block's side
                    // label is a row label the layout does not have: the list ended.
                    if positional, let map, let first = row.cells.first, case .columns(let columns)? = map.place(of: first.column),
                       let listStart = slots.filter({ !$0.isRepeatedSide }).map(\.column).min(), columns.upperBound <= listStart,
                       !slots.contains(where: { $0.isRepeatedSide && $0.labelText == Label.exact(first.text) }) { break }
                    var rowSlots = slots
                    if spec.collection.level == .funds, Self.isTotalRow(row, slots) { rowSlots = total }
                    let alignment = align(row, rowSlots, map: positional ? map : nil)
                    let values = take(alignment, row, rowSlots)
                    records.add(values, row: row, map: positional ? map : nil, &notes)
                    g += 1
                }
                records.finish(into: &self)
            }
        }
    }

    private func align(_ row: GridRow, _ slots: [FormTemplate.Slot], map: RowAlignment.ColumnMap?) -> RowAlignment {
        RowAlignment(cells: row.cells, slots: slots, map: map, labels: template.allLabels)
    }

    /// Whether block `block` has a row of labels to find it by.
    private func blockHasLabels(_ block: Int) -> Bool {
        template.rows.contains { if case .fixed(_, let b) = $0 { b == block && $0.labelCount > 0 } else { false } }
    }

    private func nextLabelled(after index: Int) -> FormTemplate.Row? {
        template.rows[(index + 1)...].first { if case .fixed = $0 { $0.labelCount > 0 } else { false } }
    }

    /// The 年度资金总额/总和 row, told by its label as the binder tells it.
    private static func isTotalRow(_ row: GridRow, _ slots: [FormTemplate.Slot]) -> Bool {
        let side = slots.first { $0.isRepeatedSide || ($0.isLabel && $0.column == 0) }?.labelText
        let first = row.cells.first { side == nil || Label.exact($0.text) != side }
        return first.map { FundsRow(source: $0.text).isTotal } ?? false
    }

    /// The layout columns the cells of an aligned row stand in: what the
    /// next rows of the same block are placed by. A header of two rows
    /// (福建's 资金结构) names some columns in each: the later row's places
    /// win, the earlier row's fill the columns right of them.
    private static func anchors(_ alignment: RowAlignment, _ row: GridRow, _ slots: [FormTemplate.Slot],
                                adding earlier: RowAlignment.ColumnMap?) -> RowAlignment.ColumnMap {
        let placed = Set(alignment.pairs.map(\.cell))
        let anchors = alignment.pairs.map { (grid: row.cells[$0.cell].column, layout: Optional(slots[$0.slot].column)) }
            + row.cells.indices.filter { !placed.contains($0) }.map { (grid: row.cells[$0].column, layout: Int?.none) }
        let right = (anchors.map(\.grid).max() ?? 0, anchors.compactMap(\.layout).max() ?? 0)
        let kept = (earlier?.anchors ?? []).filter { $0.grid > right.0 && ($0.layout ?? 0) > right.1 }
        return RowAlignment.ColumnMap(anchors: (anchors + kept).sorted { $0.grid < $1.grid })
    }

    /// The places of the first row of a list that fills every cell of the
    /// layout's row: in a copy that kept empty cells, the rows with gaps
    /// are placed by it (a header of two rows copied from Word places its
    /// columns less surely).
    private func fullRow(in grid: [GridRow], from start: Int, _ slots: [FormTemplate.Slot], until next: FormTemplate.Row?,
                         header: RowAlignment.ColumnMap?) -> RowAlignment.ColumnMap? {
        let wanted = slots.filter { !$0.isRepeatedSide && !$0.spansAllRows }.count
        var g = start
        while g < grid.count {
            let row = grid[g]
            if let next, align(row, next.slots, map: nil).labelsMatched * 2 >= max(1, next.labelCount) { return nil }
            let alignment = align(row, slots, map: nil)
            let filled = alignment.pairs.filter { !slots[$0.slot].isRepeatedSide && !slots[$0.slot].spansAllRows }.count
            // …and that the header places the same way, if it places at all:
            // a row with a cell the unit added is not full, only shifted.
            if filled == wanted, row.cells.count == alignment.pairs.count,
               header.map({ align(row, slots, map: $0).pairs.map(\.slot) == alignment.pairs.map(\.slot) }) ?? true {
                return Self.anchors(alignment, row, slots, adding: nil)
            }
            g += 1
        }
        return nil
    }

    /// Uses the cells of an aligned row: labels are counted, fixed-row
    /// values set on the form; the values of a list's row are returned.
    private mutating func take(_ alignment: RowAlignment, _ row: GridRow, _ slots: [FormTemplate.Slot]) -> [RecordCollector.Value] {
        var values: [RecordCollector.Value] = []
        score += alignment.score
        matched += alignment.labelsMatched
        if alignment.isAmbiguous {
            // A copy that dropped empty cells (from a PDF) does not say which
            // cell of the row was the empty one: say how it was read.
            notes.append(ImportNote(.inferred, at: row.place, Message(
                chinese: "这一行复制时丢失了空单元格，无法确定哪一栏为空，已按从左到右的顺序填入各栏；请核对，或从Excel/WPS/Word原表复制",
                english: "this row lost its empty cells when it was copied, so which column was empty cannot be told; the values were put in the columns from the left — check them, or copy from the original Excel/WPS/Word table")))
        }
        let paired = Set(alignment.pairs.map(\.slot))
        for (index, slot) in slots.enumerated() where slot.isLabel && !slot.isRepeatedSide && !paired.contains(index) {
            missing.append(slot.labelText ?? "")
        }
        for (cellIndex, slotIndex) in alignment.pairs {
            let cell = row.cells[cellIndex], slot = slots[slotIndex]
            switch slot.content {
            case .label:
                use(cell)
                amountHeadings.consider(cell)
            case .placeholder, .printed:
                use(cell)
            case .text(let template, let field):
                if readTemplate(template, field: field, from: cell) { use(cell) }
            case .column(let binding):
                use(cell)
                values.append(RecordCollector.Value(binding: binding, text: cell.text.trimmedCell, cell: cell, slot: slot))
            }
        }
        return values
    }

    mutating func use(_ cell: GridCell) {
        if usedIDs.insert(cell.id).inserted { used.append(cell) }
    }

    /// The lines above the grid: the title, "（{year}年度）", a form number.
    private mutating func readTitleLines(_ table: FormTable) {
        for row in table.rows where row.cells.count == 1 {
            let found = row.cells[0]
            for template in template.title {
                let fields = template.parts.compactMap { if case .field(let field) = $0 { field } else { nil } }
                if fields.isEmpty {
                    let literal = template.parts.map { if case .literal(let text) = $0 { text } else { "" } }.joined()
                    if Label.normalise(found.text) == Label.normalise(literal) { use(found) }
                } else if fields.count == 1, let field = fields.first {
                    let text = Label.normalise(found.text)
                    if case .literal(let prefix)? = template.parts.first, !text.hasPrefix(Label.normalise(prefix)) { continue }
                    if case .literal(let suffix)? = template.parts.last, !text.hasSuffix(Label.normalise(suffix)) { continue }
                    if readTemplate(template, field: field, from: found) { use(found) }
                }
            }
        }
    }

    /// "{project.name}" takes the cell's text; "评价等级：{project.grade}"
    /// the text between the literal parts.
    private mutating func readTemplate(_ template: TextTemplate, field: ScalarField, from cell: GridCell) -> Bool {
        var text = cell.text.trimmedCell
        if case .literal(let prefix)? = template.parts.first {
            let wanted = Label.folded(prefix)
            // Drop as many characters as the prefix has once spaces are ignored.
            var taken = "", index = text.startIndex
            while index < text.endIndex, Label.folded(taken) != wanted, taken.count < text.count {
                taken.append(text[index])
                index = text.index(after: index)
            }
            if Label.folded(taken) == wanted { text = String(text[index...]) }
            while let first = text.first, first == "：" || first == ":" { text.removeFirst() }
        }
        if case .literal(let suffix)? = template.parts.last, template.parts.count > 1, text.hasSuffix(suffix.trimmedCell) {
            text = String(text.dropLast(suffix.trimmedCell.count))
        }
        text = text.trimmedCell
        places[field.description] = cell
        switch field.scope {
        case .project: project.setValue(text, field.key)
        case .department: department.setValue(text, field.key)
        case .signatures: signatures.setValue(text, field.key)
        case .year:
            guard let year = FormTitle.year(in: cell.text) ?? Int(text) else { return false }
            self.year = (year, cell)
        case .unit: break
        }
        return true
    }
}
