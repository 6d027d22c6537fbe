import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// The seed's report as the lines of the pasted text after its title.
func seedReportLines() throws -> [String] {
    let lines = try String(contentsOf: RepositoryPaths.seed, encoding: .utf8).components(separatedBy: "\n")
    let title = try #require(lines.firstIndex(of: "部门整体支出绩效自评报告"))
    return lines[(title + 1)...].filter { !$0.isEmpty }
}

/// The example unit filled into the official 吉林 templates, one sheet per
/// form (the project form shifted to start at C4), plus the report sheet.
func seedWorkbook() throws -> XLSXWorkbook {
    let example = try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit
    return XLSXWorkbook(sheets: [
        OfficialFormSheets.jilinProject(example.projects[0], origin: (4, 3)),
        OfficialFormSheets.jilinDepartment(try #require(example.department)),
        OfficialFormSheets.report(title: "部门整体支出绩效自评报告", lines: try seedReportLines()),
    ])
}

@Suite("Importing workbooks")
struct WorkbookImportTests {
    @Test("a workbook in the official layout imports to the example's unit")
    func seedWorkbookEqualsExample() throws {
        let imported = try WorkbookImporter.importWorkbook(try seedWorkbook().data(), file: "liuhe.xlsx")
        let example = try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit
        #expect(imported.unit.projects == example.projects)
        #expect(imported.unit.department == example.department)
        #expect(imported.unit == example)
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced)")
        #expect(imported.documents.map(\.kind) == [.project, .department, .report])
        // Places name the sheet, row and column.
        #expect(imported.documents[0].place == .cell(file: "liuhe.xlsx", sheet: "项目支出绩效自评表", row: 4, column: 3))
        #expect(imported.repairs.contains { $0.place == .cell(file: "liuhe.xlsx", sheet: "自评报告", row: 3, column: 1) && $0.text.english.contains("(一)") })
    }

    @Test("percentages, two-decimal amounts and whole numbers show as Excel shows them")
    func numberFormats() throws {
        let imported = try WorkbookImporter.importWorkbook(try seedWorkbook().data(), file: "liuhe.xlsx")
        let funds = imported.unit.projects[0].funds
        #expect(funds[0].initialBudget == "212.40")
        #expect(funds[0].executionRate == "81.06%")
        #expect(funds[1].executionRate == "0.00%")
        #expect(funds[1].executed == "0.00")
        #expect(imported.unit.department?.tasks.first?.number == "1")
    }

    @Test("every number format the templates use", arguments: [
        ("0.81059999999999999", "0.00%", "81.06%"),
        ("0.8106", "0%", "81%"),
        ("212.4", "0.00", "212.40"),
        ("212.4", "General", "212.4"),
        ("0.30000000000000004", "General", "0.3"),
        ("1234567.891", "#,##0.00", "1,234,567.89"),
        // A negative section that hides the sign (red, or brackets) prints
        // with the minus sign: the printed form has no colour.
        ("-5.5", "0.0;(0.0)", "-5.5"),
        ("-5", "0.00;[Red]0.00", "-5.00"),
        ("-5", "#,##0.00;[红色]#,##0.00", "-5.00"),
        ("-5", "0.00;[Red]-0.00", "-5.00"),
        ("5", "0.00;[Red]0.00", "5.00"),
        ("-5.5", "0.00", "-5.50"),
        ("0", "#,##0.00;-#,##0.00;\"-\"", "-"),
        ("2.5", "0", "3"),
        ("0.125", "0.00", "0.13"),
        ("148", "0.00\"万元\"", "148.00万元"),
        ("45352", "yyyy\"年\"m\"月\"d\"日\"", "2024年3月1日"),
        ("45352", "yyyy/m/d", "2024/3/1"),
        ("45352.5", "yyyy-mm-dd hh:mm", "2024-03-01 12:00"),
        ("45717", "[$-804]yyyy\"年\"m\"月\"", "2025年3月"),
        ("1", "@", "1"),
        ("12345", "0.00E+00", "1.23E+04"),
    ])
    func numberFormat(raw: String, format: String, shown: String) throws {
        #expect(try NumberFormatProbe.display(raw, format) == shown)
    }

    @Test("a negative number whose format hides its sign prints with it, and the note says so")
    func hiddenMinusSign() throws {
        var sheet = XLSXWorkbook.Sheet(name: "p")
        sheet.text("A1", "项目名称")
        sheet.set("B1", .number("-5"), format: "0.00;[Red]0.00")
        let imported = try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [sheet]).data(), file: "p.xlsx",
                                                           options: ImportOptions(year: 2024, unitName: "u"))
        #expect(imported.unit.projects.first?.name == "-5.00")
        let note = imported.inferences.first { $0.place == .cell(file: "p.xlsx", sheet: "p", row: 1, column: 2) }
        #expect(note?.text.chinese.contains("红色") == true && note?.text.chinese.contains("-5.00") == true, "\(imported.notes.map(\.message.chinese))")
    }

    @Test("dates in the 1904 date system")
    func date1904() throws {
        #expect(try NumberFormatProbe.display("43890", "yyyy/m/d", date1904: true) == "2024/3/1")
    }

    @Test("inline strings, booleans and formulas with their computed values")
    func cellKinds() throws {
        var sheet = XLSXWorkbook.Sheet(name: "项目")
        sheet.text("A1", "项目支出绩效自评表")
        sheet.set("A2", .inlineText("项目名称"))
        sheet.set("B2", .inlineText("内联项目"))
        sheet.text("A3", "实施单位")
        sheet.set("B3", .formula("\"某\"&\"单位\"", cached: nil))
        sheet.text("A4", "资金情况（万元）")
        for (column, label) in ["B", "C", "D", "E", "F"].enumerated() {
            sheet.text("\(label)4", ["项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率"][column])
        }
        sheet.text("B5", "年度资金总和")
        sheet.set("C5", .formula("SUM(C6:C7)", cached: "100"), format: "0.00")
        sheet.set("D5", .number("100"), format: "0.00")
        sheet.set("E5", .number("95.5"), format: "0.00")
        sheet.set("F5", .formula("E5/D5", cached: "0.955"), format: "0.00%")
        sheet.text("A6", "备注")
        sheet.set("B6", .bool(true))
        let imported = try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [sheet]).data(), file: "kinds.xlsx",
                                                           options: ImportOptions(year: 2024, unitName: "某单位"))
        let project = try #require(imported.unit.projects.first)
        #expect(project.name == "内联项目")
        #expect(project.funds == [FundsRow(source: "年度资金总和", initialBudget: "100.00", annualBudget: "100.00", executed: "95.50", executionRate: "95.50%")])
        // A formula Excel never computed has no value to import: said, not guessed.
        #expect(imported.unplaced.contains { $0.place == .cell(file: "kinds.xlsx", sheet: "项目", row: 3, column: 2) && $0.text.english.contains("formula") })
        // An unknown row label and its cells are reported with sheet, row and column.
        let unknown = imported.unplaced.map { $0.description(in: .english) }
        #expect(unknown.contains { $0.contains("项目!A6") && $0.contains("备注") })
        #expect(unknown.contains { $0.contains("项目!B6") && $0.contains("TRUE") })
    }
}

/// Runs a single number format through a one-cell workbook with that
/// format, so the test exercises the same path as a real cell.
enum NumberFormatProbe {
    static func display(_ raw: String, _ format: String, date1904: Bool = false) throws -> String {
        var sheet = XLSXWorkbook.Sheet(name: "p")
        sheet.text("A1", "项目名称")
        sheet.set("B1", .number(raw), format: format)
        var workbook = XLSXWorkbook(sheets: [sheet])
        workbook.date1904 = date1904
        let imported = try WorkbookImporter.importWorkbook(try workbook.data(), file: "p.xlsx",
                                                           options: ImportOptions(year: 2024, unitName: "u"))
        return try #require(imported.unit.projects.first).name
    }
}

/// Workbooks written by other producers — openpyxl (.xlsx,
/// Scripts/fixtures/make_workbooks.py) and xlwt (.xls, make_xls.py), the
/// same forms in both — so the readers are checked against files that
/// FormPrint's own test writer did not shape.
@Suite("A workbook from another producer (openpyxl, xlwt)")
struct ThirdPartyWorkbookTests {
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    @Test("its forms import to the example's project and department, numbers in their formats; its notes sheet is reported",
          arguments: ["openpyxl-jilin-2024.xlsx", "xlwt-jilin-2024.xls"])
    func importsLikeTheExample(fixture: String) throws {
        let imported = try UnitImporter.importFile(at: Self.fixture(fixture))
        let example = try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit
        #expect(imported.unit.name == example.name)
        #expect(imported.unit.year == 2024)
        #expect(imported.unit.projects == example.projects)
        #expect(imported.unit.department == example.department)
        #expect(imported.unit.signatures.date == "2025年3月1日")
        let unplaced = imported.unplaced.map { $0.description(in: .english) }
        #expect(unplaced.contains { $0.contains("填表说明!B4") && $0.contains("本表由财务科填写") }, "\(unplaced)")
        #expect(imported.documents.map { $0.place.short.english } == ["项目表!B3", "部门整体表!A1"])
    }
}
