import Foundation
import Evaluation

/// One form table found in the input: its kind, its title cell (absent
/// when the table starts directly with 项目名称/部门名称), and its rows.
struct FormTable {
    var kind: DocumentKind
    var title: GridCell?
    var rows: [GridRow]

    var place: ImportPlace { title?.place ?? rows.first?.place ?? .file("") }
}

/// Rows every form may carry around its grid: a "（2024年度）" line, a
/// "填报单位：…" line, a "单位：万元" note. Returns true if `row` was one.
enum CommonRows {
    static func read(_ row: GridRow, _ context: inout ReadingContext) -> Bool {
        guard let first = row.cells.first else { return true }
        if row.cells.count == 1, FormTitle.isYearLine(first.text) {
            if let year = FormTitle.year(in: first.text) {
                context.evidence.year(year, rank: ClueRank.declared, source: Message(chinese: "“\(first.text.trimmedCell)”一行", english: "the line \(first.text.trimmedCell)"), at: first.place)
            }
            context.use(first)
            return true
        }
        let label = Label.normalise(first.text)
        if label.range(of: #"^(金额)?单位：(万元|元)$"#, options: .regularExpression) != nil {
            context.use(first)
            return true
        }
        for prefix in ["填报单位", "单位名称"] where label.hasPrefix(prefix) {
            context.use(first)
            var value = first.text.trimmedCell
            if let colon = value.firstIndex(where: { $0 == "：" || $0 == ":" }) {
                value = String(value[value.index(after: colon)...])
            } else if row.cells.count > 1 {
                value = row.cells[1].text
                context.use(row.cells[1])
            } else {
                value = ""
            }
            value = value.replacingOccurrences(of: "（盖章）", with: "").trimmedCell
            context.evidence.name(value, rank: ClueRank.declared, source: .label(prefix), at: first.place)
            return true
        }
        return false
    }
}

/// "项目名称 | value | 实施单位 | value" rows: each known label takes the
/// cell after it as its value (or the text after its colon: "项目名称：…").
enum LabelValuePairs {
    /// Only short cells (or "label：value" cells) are labels: a long value
    /// that happens to contain "年度目标" is still a value.
    private static func labelKey<Key>(_ text: String, _ classify: (String) -> Key?) -> Key? {
        let label = Label.normalise(text)
        guard label.count <= 20 || label.prefix(12).contains("：") else { return nil }
        return classify(label)
    }

    static func read<Key>(_ row: GridRow, classify: (String) -> Key?, _ context: inout ReadingContext)
        -> [(key: Key, value: String, cell: GridCell)] {
        var pairs: [(key: Key, value: String, cell: GridCell)] = []
        var index = 0
        let cells = row.cells
        while index < cells.count {
            let cell = cells[index]
            guard let key = labelKey(cell.text, classify) else {
                index += 1
                continue
            }
            context.use(cell)
            let text = cell.text.trimmedCell
            if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), text.index(after: colon) < text.endIndex {
                pairs.append((key, String(text[text.index(after: colon)...]).trimmedCell, cell))
                index += 1
            } else if index + 1 < cells.count, labelKey(cells[index + 1].text, classify) == nil {
                context.use(cells[index + 1])
                pairs.append((key, cells[index + 1].text.trimmedCell, cells[index + 1]))
                index += 2
            } else {
                pairs.append((key, "", cell))
                index += 1
            }
        }
        return pairs
    }
}

/// Reads a block's header (the cells after its side label, or the next
/// row when the side label stands alone) and checks the required columns.
enum BlockHeader {
    static func read<Field: FormField>(
        _ cells: [GridCell], table: String, required: [Field], classify: (String) -> Field?,
        at place: ImportPlace, _ context: inout ReadingContext
    ) throws -> HeaderColumns<Field> {
        let header = HeaderColumns(cells, classify: classify)
        let missing = header.missing(required)
        if !missing.isEmpty {
            throw ImportError(.missingColumns(table: .label(table), missing: missing.map(\.label),
                                              found: header.columns.map { $0.cell.text.trimmedCell }), at: place)
        }
        for column in header.columns where column.field != nil { context.use(column.cell) }
        return header
    }

    /// Places each cell of a data row under its header; cells left of the
    /// first header go to `leading`, cells under an unknown header or a
    /// second cell under one header stay unused (and are reported).
    static func place<Field>(_ cells: [GridCell], under header: HeaderColumns<Field>)
        -> (values: [Field: GridCell], leading: [GridCell]) {
        var values: [Field: GridCell] = [:]
        var leading: [GridCell] = []
        for cell in cells {
            guard let entry = header.entry(at: cell.column) else {
                leading.append(cell)
                continue
            }
            if let field = entry.field, values[field] == nil { values[field] = cell }
        }
        return (values, leading)
    }
}
