import Evaluation
import Layout

/// Turns the rows of one list of a form (money rows, indicators, tasks)
/// into the model. An empty 一级/二级 cell continues the group above (it is
/// merged in the form); a group repeated on every row (an unmerged sheet)
/// is one group; the parts of a written value printed in columns of their
/// own (四川's 指标性质 | 指标值 | 度量单位) are joined back into one value;
/// a template's placeholder row left in ("指标2：", "……", an empty 三级) is
/// dropped with a note.
struct RecordCollector {
    /// One value of a row, where it was read and what cell of the layout it stands on.
    struct Value {
        var binding: FieldBinding
        var text: String
        var cell: GridCell
        var slot: FormTemplate.Slot
    }

    let spec: RepeatSpec
    private let categoryPrinted: Bool
    private let subcategoryPrinted: Bool
    private var tree: [IndicatorCategory] = []
    private var funds: [FundsRow] = []
    private var tasks: [MainTask] = []
    /// The layout column of each field of the list's row.
    private let columnsByKey: [String: Int]

    init(spec: RepeatSpec, slots: [FormTemplate.Slot], template: FormTemplate) {
        self.spec = spec
        var columns: [String: Int] = [:]
        for slot in slots { if case .column(let binding) = slot.content, binding.view == nil { columns[binding.field.key] = slot.column } }
        columnsByKey = columns
        let keys = Set(template.rows.flatMap(\.slots).compactMap { if case .column(let binding) = $0.content { binding.field.key } else { nil } })
        categoryPrinted = keys.contains("category")
        subcategoryPrinted = keys.contains("subcategory")
    }

    mutating func add(_ row: [Value], row gridRow: GridRow, map: RowAlignment.ColumnMap?, _ notes: inout [ImportNote]) {
        var values: [String: String] = [:]
        var parts: [String: WrittenValueParts] = [:]
        var slots: [String: FormTemplate.Slot] = [:]
        for value in row {
            let key = value.binding.field.key
            slots[key] = value.slot
            if let view = value.binding.view {
                var written = parts[key] ?? WrittenValueParts()
                switch view {
                case .comparator: written.comparator = value.text
                case .number: written.number = value.text
                case .unit: written.unit = value.text
                }
                parts[key] = written
            } else {
                values[key] = value.text
            }
        }
        for (key, value) in parts { values[key] = value.text }
        switch spec.collection.level {
        case .indicator: addIndicator(values, gridRow, map: map, &notes)
        case .funds:
            var funds = FundsRow(source: values["source"] ?? "")
            for (key, value) in values { funds.setValue(value, key) }
            self.funds.append(funds)
        case .task:
            var task = MainTask(number: values["number"] ?? "", name: values["name"] ?? "")
            for (key, value) in values { task.setValue(value, key) }
            tasks.append(task)
        default:
            break
        }
    }

    private mutating func addIndicator(_ values: [String: String], _ row: GridRow, map: RowAlignment.ColumnMap?, _ notes: inout [ImportNote]) {
        // A form that prints no 一级/二级 column (重庆) lists its indicators
        // under one unnamed group.
        if let text = values["category"], text != tree.last?.name || tree.isEmpty {
            tree.append(IndicatorCategory(name: text, subcategories: []))
        }
        if tree.isEmpty {
            if categoryPrinted && values["subcategory"] == nil && values["name"] == nil { return }
            tree.append(IndicatorCategory(name: "", subcategories: []))
        }
        let last = tree.count - 1
        if let text = values["subcategory"], text != tree[last].subcategories.last?.name || values["category"] != nil && tree[last].subcategories.isEmpty {
            tree[last].subcategories.append(IndicatorSubcategory(name: text, indicators: []))
        } else if values["subcategory"] == nil, subcategoryPrinted, values["name"] != nil, let group = tree[last].subcategories.last?.name, !group.isEmpty,
                  row.merges != nil, let column = gridColumn(of: "subcategory", map: map), row.isMergedFromAbove(column) == false {
            // In a workbook an empty 二级 cell that no merge covers was left
            // empty: ask rather than silently put the row in the group above.
            notes.append(ImportNote(.unplaced, at: ImportPlace.at(row.place, column: column), Message(
                chinese: "二级指标为空且未与上一行合并，暂归入“\(group)”；请合并单元格或填写二级指标",
                english: "the 二级指标 cell is empty and not merged with the one above; the row is read under \"\(group)\" — merge the cells or write the 二级指标")))
        }
        if tree[last].subcategories.isEmpty {
            tree[last].subcategories.append(IndicatorSubcategory(name: "", indicators: []))
        }
        let others = values.filter { $0.key != "category" && $0.key != "subcategory" }
        guard !others.isEmpty else { return }
        let name = values["name"] ?? ""
        let filled = others.filter { $0.key != "name" && !$0.value.isEmpty && !WrittenValueParser.placeholders.contains($0.value) }
        if filled.isEmpty && (name.isEmpty || Self.isTemplatePlaceholder(name)) {
            // "指标1：", "……" or an empty 三级 of the blank template, with
            // nothing filled in: not an indicator of the unit's.
            notes.append(ImportNote(.repaired, at: row.place, Message(
                chinese: name.isEmpty ? "空的三级指标行未导入（模板留下的空行）" : "模板占位行“\(name)”未导入（没有填写指标值或完成值）",
                english: name.isEmpty ? "an empty 三级指标 row was left out (an empty row of the template)"
                    : "the template's placeholder row \"\(name)\" was left out (no target or actual written)")))
            return
        }
        var indicator = Indicator(name: name)
        for (key, value) in others { indicator.setValue(value, key) }
        tree[last].subcategories[tree[last].subcategories.count - 1].indicators.append(indicator)
    }

    /// "指标1：", "指标2", "……", "...": the rows a blank template prints.
    static func isTemplatePlaceholder(_ name: String) -> Bool {
        let text = Label.exact(name)
        return text.range(of: #"^(指标[0-9一二三四五六七八九十]*[：:]?|[…\.。·]+|\.\.\.)$"#, options: .regularExpression) != nil
    }

    /// The grid column of the list's `key` column, from the header's places.
    private func gridColumn(of key: String, map: RowAlignment.ColumnMap?) -> Int? {
        guard let map, let column = columnsByKey[key] else { return nil }
        return map.anchors.first { $0.layout == column }?.grid
    }

    func finish(into reading: inout LayoutFormReading) {
        switch spec.collection {
        case .projectFunds: reading.project.funds += funds
        case .projectIndicators: reading.project.indicators += tree
        case .departmentFunds: reading.department.funds += funds
        case .departmentIndicators: reading.department.indicators += tree
        case .departmentTasks: reading.department.tasks += tasks
        }
    }
}
