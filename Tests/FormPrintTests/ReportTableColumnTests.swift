import Foundation
import Importing
import Testing

@testable import FormPrint

/// Issue 14, item 11: report table columns of `inf`, `1e309` or narrower
/// than one character were accepted; text piled up at x=0 or ran across
/// the rule. Report tables now get the checks forms get.
@Suite("Report table columns")
struct ReportTableColumnTests {
    static func unit(columns: String) -> String {
        reportUnitFile(sections: """
                - heading: 收支情况
                  paragraphs: [正文。]
                  tables:
                    - {title: 表1, header: [[项目, 全年预算数, 执行率]], rows: [[财政拨款收入, 376.36, 81.06%]], columns: \(columns)}
            """)
    }

    @Test("infinite, huge and zero widths are refused at their line", arguments: ["[inf, 1, 1]", "[1e309, 1, 1]", "[1, 0, 1]", "[1, 1, 1e6]", "[nan, 1, 1]"])
    func refused(columns: String) {
        #expect {
            _ = try UnitFileReader.read(text: Self.unit(columns: columns), file: "table.yaml")
        } throws: { error in
            english(error).hasPrefix("table.yaml:12:") && english(error).contains("not a positive number up to 1000")
        }
    }

    @Test("a column narrower than one character fails with columnTooNarrow instead of running over the rule")
    func tooNarrow() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("narrow.yaml")
        try Self.unit(columns: "[1000, 1000, 1]").write(to: url, atomically: true, encoding: .utf8)
        #expect {
            _ = try UnitFiles.render(url, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        } throws: { error in
            english(error).contains("less than the") && english(error).contains("widen the column")
        }
    }

    @Test("ordinary relative widths still render")
    func ordinary() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("table.yaml")
        try Self.unit(columns: "[3, 2, 2]").write(to: url, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(url, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        #expect(try run("pdftotext", [files[0].path, "-"]).output.contains("376.36"))
    }
}
