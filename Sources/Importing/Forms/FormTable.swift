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
        // "单位：万元" on a line of its own or beside 填报单位 (what it says
        // decides the amounts' unit: `AmountUnitHeadings`).
        for cell in row.cells where AmountUnitHeadings.isUnitLine(cell.text) { context.use(cell) }
        if row.cells.allSatisfy({ AmountUnitHeadings.isUnitLine($0.text) }) { return true }
        // "报表编号：510000_0013zp" (四川): the form's number in the reporting
        // system, printed by the layout's title or not at all.
        if label.hasPrefix("报表编号") || label.hasPrefix("表号") {
            for cell in row.cells { context.use(cell) }
            return true
        }
        // "填报单位：…", "单位名称 | …"; and a report cover's "部门（单位）名称：某局"
        // — with its colon, since without one it is a form's first label.
        let prefixes = ["填报单位", "单位名称"] + (label.contains("：") ? ["部门（单位）名称", "部门名称"] : [])
        for prefix in prefixes where label.hasPrefix(prefix) {
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
