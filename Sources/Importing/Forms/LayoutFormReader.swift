import Evaluation
import Layout

/// Reads a form table cell by cell as a layout lays it out: each label the
/// layout prints is looked for at its column, each `{field}` cell and each
/// column of a repeated row is read into its field. This is how forms of
/// every provincial variant import — by the layout file, with no reader of
/// their own.
struct LayoutFormReader {
    let layout: LayoutSpec
    let rows: LayoutRows

    init?(_ layout: LayoutSpec) {
        guard case .table(let table) = layout.body else { return nil }
        self.layout = layout
        self.rows = LayoutRows(table)
    }

    /// What reading one table as this layout found.
    struct Reading {
        var layoutID: String
        /// Labels of the layout found at their place, and labels expected.
        var matched = 0
        var expected = 0
        var used: [GridCell] = []
        var project = Project(name: "")
        var department = DepartmentEvaluation(name: "")
        var signatures = Signatures()
        var year: (Int, GridCell)?

        /// How well the table fits the layout, 0…1.
        var score: Double { expected == 0 ? 0 : Double(matched) / Double(expected) }
    }

    static let placeholders: Set<String> = ["—", "/", "-", "－", "–", "——"]

    func read(_ table: FormTable) -> Reading {
        var reading = Reading(layoutID: layout.id)
        let grid = table.rows.filter { row in
            guard let first = row.cells.first else { return false }
            return !(row.cells.count == 1 && (FormTitle.isYearLine(first.text) || FormTitle.kind(of: first.text) != nil))
        }
        // Workbooks may start the form in a later column: align the first
        // label of the layout with the first cell of the table.
        let offset = (grid.first?.cells.first?.column ?? 1) - 1
        func cell(_ row: GridRow, _ column: Int) -> GridCell? { row.cells.first { $0.column == column + 1 + offset } }
        func labels(_ cells: [LayoutRows.Cell]) -> [(LayoutRows.Cell, String)] { cells.compactMap { c in c.label.map { (c, $0) } } }
        func matches(_ row: GridRow, _ cells: [LayoutRows.Cell]) -> Int {
            labels(cells).filter { c, label in cell(row, c.column).map { Label.normalise($0.text) == label } ?? false }.count
        }

        // The lines above the grid: the title, "（{year}年度）", a form number.
        for row in table.rows where row.cells.count == 1 {
            let found = row.cells[0]
            for template in rows.title {
                if template.parts.allSatisfy({ if case .literal = $0 { true } else { false } }) {
                    if Label.normalise(found.text) == Label.normalise(template.parts.map { if case .literal(let t) = $0 { t } else { "" } }.joined()) {
                        reading.used.append(found)
                    }
                } else if readTemplate(template, matching: found, &reading) {
                    reading.used.append(found)
                }
            }
        }
        /// The next fixed row of the layout that has labels to recognise it by.
        func nextLabelled(after index: Int) -> [LayoutRows.Cell]? {
            rows.rows[(index + 1)...].lazy.compactMap { row -> [LayoutRows.Cell]? in
                if case .fixed(let cells) = row, !labels(cells).isEmpty { return cells } else { return nil }
            }.first
        }
        var g = 0
        for (index, layoutRow) in rows.rows.enumerated() {
            switch layoutRow {
            case .fixed(let cells):
                let wanted = labels(cells).count
                reading.expected += wanted
                guard g < grid.count else { continue }
                if wanted > 0 {
                    // The row, or one of the next two (a row the layout does not
                    // have in between), with at least half its labels in place.
                    guard let j = (g..<min(grid.count, g + 3)).first(where: { matches(grid[$0], cells) * 2 >= wanted }) else { continue }
                    g = j
                } else if let next = nextLabelled(after: index), matches(grid[g], next) * 2 >= max(1, labels(next).count) {
                    // A row of values only that was left empty is not in the
                    // table at all (blank rows are dropped): the grid row is
                    // already the next labelled row.
                    continue
                }
                readFixed(grid[g], cells, cell, &reading)
                g += 1
            case .repeated(let spec, let cells, let total):
                let next = nextLabelled(after: index)
                reading.expected += labels(cells.filter(\.isSide)).count
                var records: [GridRow] = []
                while g < grid.count {
                    let row = grid[g]
                    if let next, matches(row, next) * 2 >= max(1, labels(next).count) { break }
                    if SignatureLine.isSignatureRow(row) { break }
                    records.append(row)
                    g += 1
                }
                readRecords(records, spec, cells, total: total, cell, &reading)
            }
        }
        return reading
    }

    /// A header or fixed row: labels are checked and used, `{field}` cells read.
    private func readFixed(_ row: GridRow, _ cells: [LayoutRows.Cell], _ cell: (GridRow, Int) -> GridCell?, _ reading: inout Reading) {
        for layoutCell in cells {
            guard let found = cell(row, layoutCell.column) else { continue }
            if let label = layoutCell.label {
                if Label.normalise(found.text) == label {
                    reading.matched += 1
                    reading.used.append(found)
                }
                continue
            }
            guard case .text(let template) = layoutCell.content else { continue }
            if readTemplate(template, from: found, &reading) { reading.used.append(found) }
        }
    }

    /// A title line such as "（{year}年度）": read only when the cell has
    /// the template's literal text around the value.
    private func readTemplate(_ template: TextTemplate, matching cell: GridCell, _ reading: inout Reading) -> Bool {
        let text = Label.normalise(cell.text)
        if case .literal(let prefix)? = template.parts.first, !text.hasPrefix(Label.normalise(prefix)) { return false }
        if case .literal(let suffix)? = template.parts.last, !text.hasSuffix(Label.normalise(suffix)) { return false }
        return readTemplate(template, from: cell, &reading)
    }

    /// "{project.name}" takes the cell's text; "评价等级：{project.grade}"
    /// the text between the literal parts.
    private func readTemplate(_ template: TextTemplate, from cell: GridCell, _ reading: inout Reading) -> Bool {
        let fields = template.parts.compactMap { if case .field(let field) = $0 { field } else { nil } }
        guard fields.count == 1, let field = fields.first else { return false }
        var text = cell.text.trimmedCell
        if case .literal(let prefix)? = template.parts.first, text.hasPrefix(prefix.trimmedCell) { text = String(text.dropFirst(prefix.trimmedCell.count)) }
        if case .literal(let suffix)? = template.parts.last, text.hasSuffix(suffix.trimmedCell) { text = String(text.dropLast(suffix.trimmedCell.count)) }
        text = text.trimmedCell
        switch field.scope {
        case .project: reading.project.setValue(text, field.key)
        case .department: reading.department.setValue(text, field.key)
        case .signatures: reading.signatures.setValue(text, field.key)
        case .year:
            guard let year = Int(text) else { return false }
            reading.year = (year, cell)
        case .unit: break
        }
        return true
    }

    /// The rows of a repeated list. An empty 一级/二级 cell continues the
    /// group above (it is merged in the form); the parts of a written value
    /// printed in columns of their own are joined back into one value.
    private func readRecords(_ records: [GridRow], _ spec: RepeatSpec, _ rowCells: [LayoutRows.Cell], total: [LayoutRows.Cell],
                             _ cell: (GridRow, Int) -> GridCell?, _ reading: inout Reading) {
        // A form that prints no 一级/二级 column (重庆) lists its indicators
        // under one unnamed group.
        let keys = Set(rowCells.compactMap { if case .column(let binding) = $0.content { binding.field.key } else { nil } })
        var category: String? = keys.contains("category") ? nil : "", subcategory: String? = keys.contains("subcategory") ? nil : ""
        var tree: [IndicatorCategory] = []
        var funds: [FundsRow] = [], tasks: [MainTask] = []
        let sourceColumn = rowCells.first { if case .column(let binding) = $0.content { binding.field.key == "source" } else { false } }?.column
        for (index, row) in records.enumerated() {
            // The 年度资金总额/总和 row, told by its label as the binder tells it.
            let isTotal = spec.collection.level == .funds && sourceColumn.flatMap { cell(row, $0) }.map { FundsRow(source: $0.text).isTotal } == true
            let cells = isTotal ? total : rowCells
            var values: [String: String] = [:]
            var parts: [String: WrittenValueParts] = [:]
            for layoutCell in cells {
                guard let found = cell(row, layoutCell.column) else { continue }
                if layoutCell.isSide {
                    if let label = layoutCell.label, Label.normalise(found.text) == label {
                        reading.matched += 1
                        reading.used.append(found)
                    }
                    continue
                }
                switch layoutCell.content {
                case .text(let template):
                    if layoutCell.rowSpan == .all {
                        if index == 0, readTemplate(template, from: found, &reading) { reading.used.append(found) }
                    } else if let label = layoutCell.label {
                        if Label.normalise(found.text) == label { reading.used.append(found) }
                    } else if Self.placeholders.contains(found.text.trimmedCell) {
                        // The layout prints "—" or "/" here; the form shows one too.
                        reading.used.append(found)
                    }
                case .column(let binding):
                    reading.used.append(found)
                    let text = found.text.trimmedCell
                    if let view = binding.view {
                        var value = parts[binding.field.key] ?? WrittenValueParts()
                        switch view {
                        case .comparator: value.comparator = text
                        case .number: value.number = text
                        case .unit: value.unit = text
                        }
                        parts[binding.field.key] = value
                    } else {
                        values[binding.field.key] = text
                    }
                }
            }
            for (key, value) in parts { values[key] = value.text }
            switch spec.collection.level {
            case .indicator:
                if let text = values["category"], text != category {
                    category = text
                    subcategory = nil
                    tree.append(IndicatorCategory(name: text, subcategories: []))
                }
                if tree.isEmpty, category == "" { tree.append(IndicatorCategory(name: "", subcategories: [])) }
                guard category != nil, !tree.isEmpty else { continue }
                let last = tree.count - 1
                if let text = values["subcategory"], text != subcategory {
                    subcategory = text
                    tree[last].subcategories.append(IndicatorSubcategory(name: text, indicators: []))
                }
                if values["name"] != nil && tree[last].subcategories.isEmpty {
                    // A 三级 row under a 一级 with no 二级 written: kept under an empty 二级.
                    subcategory = ""
                    tree[last].subcategories.append(IndicatorSubcategory(name: "", indicators: []))
                }
                guard let name = values["name"] else { continue }
                var indicator = Indicator(name: name)
                for (key, value) in values where key != "category" && key != "subcategory" { indicator.setValue(value, key) }
                tree[last].subcategories[tree[last].subcategories.count - 1].indicators.append(indicator)
            case .funds:
                var row = FundsRow(source: values["source"] ?? "")
                for (key, value) in values { row.setValue(value, key) }
                funds.append(row)
            case .task:
                var task = MainTask(number: values["number"] ?? "", name: values["name"] ?? "")
                for (key, value) in values { task.setValue(value, key) }
                tasks.append(task)
            default:
                break
            }
        }
        switch spec.collection {
        case .projectFunds: reading.project.funds += funds
        case .projectIndicators: reading.project.indicators += tree
        case .departmentFunds: reading.department.funds += funds
        case .departmentIndicators: reading.department.indicators += tree
        case .departmentTasks: reading.department.tasks += tasks
        }
    }
}
