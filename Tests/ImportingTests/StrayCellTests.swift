import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// Issue 14, item 7: a cell typed below a form, after empty rows, became a
/// new 绩效指标 row with "0 unplaced". The form ends where its grid ends;
/// the stray cell is reported.
@Suite("Stray cells below a form")
struct StrayCellTests {
    @Test("a workbook cell below the form, after empty rows, is unplaced, not an indicator")
    func workbook() throws {
        let clean = try WorkbookImporter.importWorkbook(try seedWorkbook().data(), file: "liuhe.xlsx")
        var workbook = try seedWorkbook()
        workbook.sheets[0].text("D60", "随手记的备注")
        workbook.sheets[0].text("E60", "200人")
        let imported = try WorkbookImporter.importWorkbook(try workbook.data(), file: "stray.xlsx")
        #expect(imported.unit.projects == clean.unit.projects, "no indicator row was added")
        #expect(imported.unplaced.contains { $0.text.english.contains("随手记的备注") && $0.text.english.contains("below a form") },
                "\(imported.unplaced)")
        #expect(imported.unplaced.contains { $0.place == .cell(file: "stray.xlsx", sheet: "项目支出绩效自评表", row: 60, column: 4) })
    }

    @Test("a pasted line after the form's empty line is unplaced; a line of tabs only does not end the form")
    func pasted() throws {
        let seed = try String(contentsOf: RepositoryPaths.seed, encoding: .utf8)
        let clean = try PastedTextImporter.importText(seed, file: "seed.txt")
        // After the first form's last row (满意度指标…) and its empty line.
        let marker = "\n\n部门整体支出绩效自评表"
        #expect(seed.contains(marker))
        let stray = seed.replacingOccurrences(of: marker, with: "\n\n\t\t随手记的备注\t200人\n" + marker.dropFirst(), options: [], range: seed.range(of: marker))
        let imported = try PastedTextImporter.importText(stray, file: "stray.txt")
        #expect(imported.unit.projects == clean.unit.projects)
        #expect(imported.unplaced.contains { $0.text.english.contains("随手记的备注") && $0.text.english.contains("below a form") }, "\(imported.unplaced)")
    }
}
