import Foundation
import Testing

@testable import FormPrint

/// A table in the report longer than the rest of its page goes on over the
/// break with its header rows printed again at the top of the next page
/// (issue 16: the flow paginator decides it), a row never split.
@Suite("Report tables over a page break")
struct ReportTableContinuationTests {
    static func unit(rows: Int) -> String {
        let body = (1...rows).map { "[资金来源\($0), \($0).00, \(50 + $0 % 50)%]" }.joined(separator: ", ")
        return reportUnitFile(sections: """
                - heading: 收支情况
                  paragraphs: [正文。]
                  tables:
                    - {title: 表1 资金执行情况, header: [[资金来源, 全年预算数, 执行率]], rows: [\(body)]}
            """)
    }

    /// The text of each page of the report, in reading order.
    static func pages(rows: Int) throws -> [String] {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("table.yaml")
        try unit(rows: rows).write(to: url, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(url, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        let text = try run("pdftotext", ["-layout", files[0].path, "-"]).output
        return text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    @Test("60 rows: every page the table is on starts with its header; each row printed once")
    func headerRepeated() throws {
        let pages = try Self.pages(rows: 60)
        #expect(pages.count >= 3)
        for (number, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if number > 0 {
                // The header is the first line of the page, above the first row.
                #expect(lines.first?.contains("全年预算数") == true && lines.first?.contains("执行率") == true, "page \(number + 1)")
            }
            #expect(lines.contains { $0.contains("全年预算数") }, "page \(number + 1)")
        }
        let all = pages.joined()
        for row in 1...60 {
            let occurrences = all.components(separatedBy: "资金来源\(row) ").count - 1
            #expect(occurrences == 1, "资金来源\(row) printed \(occurrences) times")
        }
        // The table's title is printed once, where the table starts.
        #expect(all.components(separatedBy: "表1 资金执行情况").count - 1 == 1)
    }

    @Test("a table that fits on its page is printed with its header once")
    func shortTable() throws {
        let pages = try Self.pages(rows: 3)
        #expect(pages.count == 1)
        #expect(pages[0].components(separatedBy: "全年预算数").count - 1 == 1)
    }
}
