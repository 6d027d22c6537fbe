import FormPrint
import Foundation
import Support

/// The bureau's findings report of a batch: `findings.xlsx` (a sheet of
/// findings, one row each, and a sheet of units with their status, 总分
/// and 等级) and `findings.html` (units by status, findings grouped, links
/// to each unit's PDFs). Written beside summary.json, atomically.
package struct FindingsReport: Sendable {
    package var summary: BatchSummary
    package var roster: Roster?

    package init(summary: BatchSummary, roster: Roster? = nil) {
        self.summary = summary
        self.roster = roster
    }

    /// One line of the units table: a roster unit (with the files that name
    /// it, perhaps none) or a unit that is not on the roster.
    struct UnitLine {
        var name: String
        var onRoster: Bool
        var status: ReviewStatus
        var units: [UnitSummary]
        var year: String { units.compactMap(\.year).first.map(String.init) ?? "" }
        var records: [FindingRecord] { units.flatMap(\.allRecords) }
        var errors: Int { records.filter { $0.severity == "error" }.count }
        var warnings: Int { records.filter { $0.severity == "warning" }.count }
        var notes: Int { records.filter { $0.severity == "note" }.count }
        /// 总分 and 等级 of each project form, "项目名：74.82 中".
        var scores: [String] {
            units.flatMap(\.documents).compactMap { document in
                guard document.totalScore != nil || document.grade != nil else { return nil }
                return [document.project, document.totalScore, document.grade].compactMap { $0 }.joined(separator: " ")
            }
        }
    }

    /// The batch against the roster: each unit once.
    var match: RosterMatch { RosterMatch(summary: summary, roster: roster) }

    /// One line per roster unit and per unit not on it, worst first, then by name.
    var lines: [UnitLine] { lines(of: match) }

    func lines(of match: RosterMatch) -> [UnitLine] {
        match.lines.map { UnitLine(name: $0.name, onRoster: $0.onRoster, status: $0.status, units: $0.units) }
            .sorted { a, b in a.status != b.status ? a.status < b.status : a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
    }

    /// A finding's place in the unit's own file by the file's name alone
    /// (自评.yaml:47:24, 自评表.xlsx 项目支出绩效自评表!F16): the whole path of
    /// the input is in 单位状态 and above each unit's findings.
    static func filePlace(_ place: String, of unit: UnitSummary) -> String {
        guard !unit.input.isEmpty, place.hasPrefix(unit.input) else { return place }
        return fileName(unit.input) + place.dropFirst(unit.input.count)
    }

    /// The last component of a file's path, as `URL.lastPathComponent`
    /// gives it, cut from the text: `URL(fileURLWithPath:)` asks the file
    /// system whether the path is a folder, and this runs for every finding
    /// of every unit, twice (0.6 M instructions a unit, issue 25).
    static func fileName(_ path: String) -> String {
        if path.hasSuffix("/") { return URL(fileURLWithPath: path).lastPathComponent }
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Writes `findings.xlsx` and `findings.html` into `folder`.
    @discardableResult
    package func write(into folder: URL) throws -> [URL] {
        let workbook = folder.appendingPathComponent("findings.xlsx"), page = folder.appendingPathComponent("findings.html")
        try AtomicFile.write(try workbookData(), to: workbook)
        try AtomicFile.write(Data(html().utf8), to: page)
        return [workbook, page]
    }

    func workbookData() throws -> Data {
        let lines = self.lines
        var findings: [[SpreadsheetWriter.Cell]] = []
        for line in lines {
            for unit in line.units {
                for error in unit.status == .failed ? unit.errors : [] {
                    findings.append([.text(line.name), .text(""), .text("错误"), .text(""), .text(error), .text(""), .text(unit.input), .text("")])
                }
                // The unit's own findings, then each document's, as the forms are read.
                let own = (unit.records ?? []).map { ("", $0) }
                let documents = unit.documents.flatMap { document in
                    (document.records ?? []).map { ([document.document, document.project].compactMap { $0 }.joined(separator: " "), $0) }
                }
                for (document, record) in own + documents {
                    findings.append([.text(line.name), .text(document), .text(record.severityName), .text(record.code), .text(record.message),
                                     .text(record.subject ?? ""), .text(Self.filePlace(record.place, of: unit)), .text(record.fix ?? "")])
                }
            }
        }
        let rostered = roster != nil
        let units: [[SpreadsheetWriter.Cell]] = lines.map { line in
            [.text(line.name), .text(line.year), .text(line.status.chineseName), .number(String(line.errors)), .number(String(line.warnings)),
             .number(String(line.notes)), .text(line.scores.joined(separator: "；")),
             .text(line.units.flatMap(\.documents).map { String($0.pages) }.joined(separator: "+")),
             .text(line.units.map(\.input).joined(separator: "；"))]
                + (rostered ? [.text(line.onRoster ? "名单内" : "名单外")] : [])
        }
        return try SpreadsheetWriter.data([
            // The field path is for developers (--format json, --verbose), not the bureau.
            // The widest the columns may be adds up to about 110 units: LibreOffice,
            // fitting the sheet to a landscape A4 page, then prints it at about 10 pt
            // (measured; 300 units printed at under 4 pt). Longer text wraps.
            SpreadsheetWriter.Sheet(name: "问题清单", header: ["单位", "文档", "级别", "代码", "问题", "表中位置", "文件位置", "怎么改"], rows: findings,
                                    widths: [12, 14, 5, 7, 28, 20, 12, 14]),
            SpreadsheetWriter.Sheet(name: "单位状态", header: ["单位", "年度", "状态", "错误", "警告", "提示", "总分 等级", "页数", "文件"] + (rostered ? ["名单"] : []),
                                    rows: units, widths: [16, 6, 8, 6, 6, 6, 20, 8, 24] + (rostered ? [8] : [])),
        ])
    }

    func html() -> String {
        func link(_ path: String) -> String {
            let href = path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }.joined(separator: "/")
            return "<a href=\"\(href)\">\(MarkupEscaping.html((path as NSString).lastPathComponent))</a>"
        }
        let match = self.match
        let lines = self.lines(of: match)
        var counts = ""
        for status in ReviewStatus.allCases {
            let count = lines.filter { $0.status == status }.count
            if count > 0 { counts += "<li class=\"\(status.className)\">\(status.chineseName)：<b>\(count)</b></li>" }
        }
        var rows = ""
        var details = ""
        for (index, line) in lines.enumerated() {
            let id = "u\(index + 1)"
            rows += "<tr class=\"\(line.status.className)\"><td><a href=\"#\(id)\">\(MarkupEscaping.html(line.name))</a></td><td>\(line.year)</td>"
                + "<td class=\"status\">\(line.status.chineseName)</td><td>\(line.errors)</td><td>\(line.warnings)</td><td>\(line.notes)</td>"
                + "<td>\(MarkupEscaping.html(line.scores.joined(separator: "；")))</td></tr>\n"
            guard !line.units.isEmpty else { continue }
            // One section per unit; each file that names it, one after another.
            details += "<section id=\"\(id)\" class=\"\(line.status.className)\"><h2>\(MarkupEscaping.html(line.name)) <span class=\"status\">\(line.status.chineseName)</span></h2>"
            for unit in line.units {
                details += "<p class=\"input\">输入文件：\(MarkupEscaping.html(unit.input))</p>"
                if unit.status == .failed {
                    details += "<ul class=\"failure\">" + unit.errors.map { "<li>\(MarkupEscaping.html($0))</li>" }.joined() + "</ul>"
                }
                for group in [(title: "单位", files: [String](), records: unit.records ?? [])]
                    + unit.documents.map({ (title: [$0.document, $0.project].compactMap { $0 }.joined(separator: "："), files: $0.files, records: $0.records ?? []) }) {
                    guard !group.records.isEmpty || !group.files.isEmpty else { continue }
                    details += "<h3>\(MarkupEscaping.html(group.title))</h3>"
                    if !group.files.isEmpty { details += "<p class=\"files\">" + group.files.filter { $0.hasSuffix(".pdf") }.map(link).joined(separator: " ") + "</p>" }
                    if !group.records.isEmpty {
                        details += "<table class=\"findings\"><thead><tr><th>级别</th><th>代码</th><th>问题</th><th>位置</th><th>怎么改</th></tr></thead><tbody>"
                        for record in group.records {
                            details += "<tr class=\"\(record.severity)\"><td>\(record.severityName)</td><td>\(record.code)</td>"
                                + "<td>\(MarkupEscaping.html(record.message))</td><td class=\"place\">\(MarkupEscaping.html(record.subject ?? ""))<br><small>\(MarkupEscaping.html(Self.filePlace(record.place, of: unit)))</small></td>"
                                + "<td>\(MarkupEscaping.html(record.fix ?? ""))</td></tr>"
                        }
                        details += "</tbody></table>"
                    }
                }
                if let combined = unit.combined { details += "<p class=\"files\">全部文档：\(link(combined))</p>" }
            }
            details += "</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>预算绩效自评 问题清单</title>
            <style>
            body { font-family: "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "FormPrint Song", serif; margin: 2em; color: #111; }
            td:first-child, th { white-space: nowrap; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #999; }
            table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
            th { background: #ddebf7; } .failed .status, .errors .status, tr.error td:first-child { color: #b00000; font-weight: bold; }
            .notSubmitted .status { color: #7a5a00; font-weight: bold; } .warnings .status, tr.warning td:first-child { color: #8a4b00; }
            .clean .status { color: #1d6b1d; } ul.counts { list-style: none; padding: 0; } ul.counts li { display: inline; margin-right: 2em; }
            td.place { font-size: 0.9em; } td.place small { font-family: monospace; white-space: nowrap; } @media print { a { color: inherit; text-decoration: none; } section { break-inside: avoid; } }
            </style></head><body>
            <h1>预算绩效自评 问题清单</h1>
            <p>\(match.totals.chinese)按状态排列：\(ReviewStatus.allCases.map(\.word.chinese).joined(separator: "、"))。</p>
            <ul class="counts">\(counts)</ul>
            <table class="units"><thead><tr><th>单位</th><th>年度</th><th>状态</th><th>错误</th><th>警告</th><th>提示</th><th>总分 等级</th></tr></thead><tbody>
            \(rows)</tbody></table>
            \(details)</body></html>

            """
    }
}

extension FindingsReport {
    /// `findings.xlsx` as bytes, for a download.
    package func workbook() throws -> Data { try workbookData() }
}
