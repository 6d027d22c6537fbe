import Evaluation
import Foundation

/// A block of rows of one shape under a header row that names its columns:
/// the indicators (一级指标/二级指标/三级指标/…), the money rows (年初预算数/
/// 全年执行数/…) or the tasks (序号/任务名称/…).
enum RepeatedBlock {
    enum Kind { case indicators, funds, tasks }

    /// Whether `row` is a header row, and of which list.
    static func kind(of row: Int, in grid: SheetGrid) -> Kind? {
        let labels = grid.starting(in: row).map { FieldMatcher.fold($0.text) }
        guard labels.count >= 3 else { return nil }
        if labels.contains(where: { $0.contains("一级指标") || $0.contains("三级指标") }) || labels.contains("指标名称") { return .indicators }
        if labels.contains(where: { $0.contains("序号") }) && labels.contains(where: { $0.contains("任务") }) { return .tasks }
        // "预算数", not "预算": 预算配置/预算执行 are 二级指标 of 湖南's tree.
        let money = labels.filter { label in ["预算数", "执行数", "预算安排", "年初预算", "拨付", "结余", "结转"].contains(where: label.contains) }
        return money.count >= 2 ? .funds : nil
    }
}

extension LayoutLearner {
    /// The block whose header starts at `header`, and its last grid row.
    mutating func repeatedBlock(_ kind: RepeatedBlock.Kind, header: Int) -> (LearnedLayout.Block, Int) {
        let starting = grid.starting(in: header)
        let sideCandidate = starting.first { $0.column == 0 && $0.rows > 1 }
        let headerEnd = starting.filter { $0 != sideCandidate }.map(\.lastRow).max() ?? header
        let side = sideCandidate.flatMap { $0.lastRow > headerEnd ? $0 : nil }
        let first = side?.columns ?? 0
        let columns = grid.partition(headerEnd, from: first)
        var data: [Int] = []
        var row = headerEnd + 1
        while row < grid.rowCount, grid.partition(row, from: first) == columns, side.map({ row <= $0.lastRow }) ?? true {
            data.append(row)
            row += 1
        }
        var block = LearnedLayout.Block()
        if let side { block.side = .text(side.text, span: side.columns) }
        block.header = (header...headerEnd).map { r in
            grid.starting(in: r).filter { $0 != side && $0.column >= first }.map { .text($0.text, span: $0.columns, rows: $0.rows) }
        }
        let (collection, level): (String, FieldLevel) = switch kind {
        case .indicators: (document == .project ? "project.indicators" : "department.indicators", .indicator)
        case .funds: (document == .project ? "project.funds" : "department.funds", .funds)
        case .tasks: ("department.tasks", .task)
        }
        block.each = collection
        note(grid.box(header, first).address, LearnNote.block(collection, rows: data.count))

        // Each column: its label (the lowest header cell over it) and the
        // values the rows hold (a cell merged from above holds none).
        let labels = columns.map { grid.box(headerEnd, $0.lowerBound).text }
        let addresses = columns.map { grid.box(headerEnd, $0.lowerBound).address }
        func value(_ r: Int, _ c: Int) -> String? {
            let box = grid.box(r, columns[c].lowerBound)
            return box.row == r ? box.text : nil
        }
        let totalIndex = kind == .funds ? data.firstIndex { r in value(r, 0).map { !$0.isEmpty && FundsRow(source: $0).isTotal } ?? false } : nil
        let ordinary = data.enumerated().filter { $0.offset != totalIndex }.map(\.element)

        var row1: [LearnedLayout.Cell] = []
        var total: [LearnedLayout.Cell] = []
        var keys: [String?] = []
        var kinds: [FieldKind] = []
        var viewTarget = false
        for (c, range) in columns.enumerated() {
            let span = range.count
            let label = labels[c], folded = FieldMatcher.fold(label)
            let values = ordinary.compactMap { value($0, c) }.filter { !$0.isEmpty }
            let totalValue = totalIndex.flatMap { value(data[$0], c) } ?? ""
            // A note beside every row (四川's 原因): one cell down all of them.
            if data.count >= 2, grid.box(data[0], range.lowerBound).rows == data.count,
               !(kind == .indicators && (folded.contains("一级") || folded.contains("二级"))) {
                let field = matcher.field(label, at: [documentLevel]) ?? declare(label, at: documentLevel, values: [], address: addresses[c])
                let cell = LearnedLayout.Cell(text: "{\(documentLevel.rawValue).\(field.key)}", span: span, rowsAll: true, style: "text")
                row1.append(cell); total.append(cell); keys.append(nil); kinds.append(.text)
                continue
            }
            // "—" or "/" on every row but the total: fixed text there.
            if let mark = values.first, WrittenValueParser.placeholders.contains(mark), values.count == ordinary.count,
               values.allSatisfy({ $0 == mark }) {
                note(addresses[c], LearnNote.placeholder(label, mark))
                row1.append(.text(mark, span: span))
                // The total row prints something else (its 分值, or nothing yet): a field there.
                if totalIndex != nil, totalValue != mark {
                    let field = matcher.field(label, at: [level]) ?? declare(label, at: level, values: [], address: addresses[c])
                    total.append(LearnedLayout.Cell(field: field.key, span: span, style: "value"))
                } else {
                    total.append(.text(mark, span: span))
                }
                keys.append(nil); kinds.append(.text)
                continue
            }
            var cell = LearnedLayout.Cell(span: span)
            var fieldKind = FieldKind.text
            if kind == .funds && c == 0 {
                cell.field = "source"; cell.style = "text"
            } else if kind == .indicators && folded.contains("一级") {
                cell.field = "category"; cell.merge = true
            } else if kind == .indicators && folded.contains("二级") {
                cell.field = "subcategory"; cell.merge = true
            } else if kind == .indicators, !values.isEmpty, values.allSatisfy({ !$0.isEmpty && $0.allSatisfy(WrittenValueParts.comparatorCharacters.contains) }) {
                // 四川: 指标性质 holds the comparator, the next columns the number and the unit.
                note(addresses[c], LearnNote.views(label))
                cell.field = "target"; cell.view = "comparator"; cell.style = "value"; viewTarget = true
            } else if viewTarget, kind == .indicators, matcher.field(label, at: [level])?.key == "target" {
                cell.field = "target"; cell.view = "number"; cell.style = "value"
            } else if viewTarget, kind == .indicators, FieldMatcher.bare(label).hasSuffix("单位"), keys.last == "target" {
                cell.field = "target"; cell.view = "unit"; cell.style = "value"
            } else {
                let field = matcher.field(label, at: [level]) ?? declare(label, at: level, values: values, address: addresses[c])
                if matcher.field(label, at: [level]) != nil { note(addresses[c], LearnNote.bound(label, to: field.key)) }
                cell.field = field.key
                fieldKind = field.kind
                switch field.kind {
                case .money:
                    cell.style = "number"
                    // Two decimals on every amount (or none filled in): the form prints them so.
                    if values.allSatisfy({ Decimal.places(in: $0) == 2 && FieldMatcher.isNumber($0) }) { cell.format = "money" }
                case .text: cell.style = "text"
                default: cell.style = "value"
                }
            }
            keys.append(cell.view == nil ? cell.field : "target")
            kinds.append(fieldKind)
            row1.append(cell)
            total.append(cell)
        }
        // Formulas named by the labels (小计④=①+②+③, 执行率（B/A）).
        func column(_ key: String) -> Int? { keys.firstIndex { $0 == key } }
        var rateLeftBlank = false
        if let rate = column("executionRate"), let executed = column("executed"),
           let budget = column("adjustedBudget") ?? column("annualBudget") {
            rateLeftBlank = ordinary.contains { r in
                // A zero budget leaves any computed rate blank too.
                !(value(r, executed) ?? "").isEmpty && (value(r, rate) ?? "").isEmpty
                    && (Decimal(string: (value(r, budget) ?? "").replacingOccurrences(of: ",", with: "")).map { $0 != 0 } ?? false)
            }
        }
        for (c, formula) in FormulaLabels.formulas(labels: labels, keys: keys, kinds: kinds, rateLeftBlank: rateLeftBlank) {
            note(addresses[c], formula.guessed ? LearnNote.guessedFormula(labels[c], formula.expression) : LearnNote.formula(labels[c], formula.expression))
            row1[c].formula = formula.expression
            if total[c].field == row1[c].field { total[c].formula = formula.expression }
        }
        block.row = row1
        if let totalIndex {
            if totalIndex == 0 && data.count > 1 { block.order = "total-first" } else if totalIndex == data.count - 1 && data.count > 1 { block.order = "total-last" }
            if zip(row1, total).contains(where: { $0.field != $1.field || $0.text != $1.text }) { block.totalRow = total }
        }
        return (block, max(data.last ?? headerEnd, side?.lastRow ?? headerEnd))
    }
}
