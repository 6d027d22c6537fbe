import Evaluation
import FormPrint
import Foundation

/// An officer's workbook shown as its sheets' grids, each finding marked
/// on the cell its place names ("自评表.xlsx 项目自评表!F16"). Read only:
/// a workbook is corrected in WPS/Excel (or copied and pasted to edit here).
struct WorkbookGrid {
    var sheets: [StoredSheet]
    var language: Language

    /// The largest grid drawn, so that a sheet with a stray far cell stays a page.
    static let maximumRows = 400, maximumColumns = 30

    func html(_ findings: [StoredFinding]) -> String {
        var marks: [String: [(number: Int, finding: StoredFinding)]] = [:]
        for (index, finding) in findings.enumerated() {
            guard let sheet = Self.sheet(of: finding.place) else { continue }
            marks["\(sheet)!\(finding.line),\(finding.column)", default: []].append((index + 1, finding))
        }
        var html = ""
        for sheet in sheets where !sheet.cells.isEmpty {
            let rows = min(Self.maximumRows, sheet.cells.map(\.row).max() ?? 0)
            let columns = min(Self.maximumColumns, sheet.cells.map(\.column).max() ?? 0)
            var text: [Int: [Int: String]] = [:]
            for cell in sheet.cells { text[cell.row, default: [:]][cell.column] = cell.text }
            html += "<h3>\(HTML.escape(sheet.name))</h3><table class=\"grid workbook\"><tr><td class=\"ln\"></td>"
            html += (1...max(1, columns)).map { "<td class=\"ln\">\(Self.columnName($0))</td>" }.joined() + "</tr>"
            for row in 1...max(1, rows) {
                html += "<tr><td class=\"ln\">\(row)</td>"
                for column in 1...max(1, columns) {
                    let here = marks["\(sheet.name)!\(row),\(column)"] ?? []
                    let worst = here.map(\.finding.severity).min { OfficerPages.rank($0) < OfficerPages.rank($1) }
                    let title = here.map { "[\($0.finding.code)] " + (language == .chinese ? $0.finding.message : $0.finding.english) }.joined(separator: "\n")
                    html += "<td id=\"w-\(HTML.escape(sheet.name))-\(Self.columnName(column))\(row)\"\(worst.map { " class=\"\($0)\"" } ?? "")\(title.isEmpty ? "" : " title=\"\(HTML.escape(title))\"")>"
                    html += here.map { "<a class=\"mark\" href=\"#f\($0.number)\">\($0.number)</a>" }.joined()
                    html += "<span class=\"cell\">\(HTML.escape(text[row]?[column] ?? ""))</span></td>"
                }
                html += "</tr>"
            }
            html += "</table>"
        }
        return html
    }

    /// "自评表.xlsx 项目自评表!F16" → "项目自评表".
    static func sheet(of place: String) -> String? {
        guard let bang = place.lastIndex(of: "!"), let space = place[..<bang].firstIndex(of: " ") else { return nil }
        return String(place[place.index(after: space)..<bang])
    }

    static func columnName(_ column: Int) -> String { ImportPlace.columnName(column) }
}
