import Evaluation
import Foundation
import Importing
import TestSupport
import Review
import Testing

@testable import FormPrint

/// The officer's own file, end to end: `validate`, `render` and `batch`
/// take a workbook or a pasted table directly, and every finding names the
/// cell or line the officer edits.
@Suite(.serialized)
struct OfficerFileTests {
    /// The seed's 项目支出绩效自评表 and 部门整体支出绩效自评表 as the
    /// official templates laid out in a workbook.
    func seedWorkbook() throws -> URL {
        let unit = try UnitFiles.read(exampleUnit).unit
        let sheets = [OfficialFormSheets.jilinProject(unit.projects[0]), OfficialFormSheets.jilinDepartment(try #require(unit.department))]
        var workbook = XLSXWorkbook(sheets: sheets)
        workbook.sheets[0].text("A20", "")   // nothing outside the forms
        let url = try temporaryFolder().appendingPathComponent("自评表.xlsx")
        try workbook.data().write(to: url)
        return url
    }

    @Test("validate on a pasted table names the row and column of the paste: 粘贴.txt 第18行第6列")
    func pastedFindings() throws {
        let checker = try UnitChecker()
        let document = try UnitFiles.read(path: seedText.path, catalog: checker.catalog)
        let findings = try checker.check(document).findings
        let unmet = try #require(findings.first { $0.rule == .targetNotMet })
        #expect(unmet.location?.description == "\(seedText.path) 第18行第6列")
        #expect(FindingText.lines(unmet, in: .english).hasPrefix("\(seedText.path) 第18行第6列: warning[FP301]: 优化政府部门"))
        // The same findings as for the unit file, only placed in the paste.
        let fromUnitFile = try checker.check(try UnitFiles.read(path: exampleUnit.path, catalog: checker.catalog)).findings
        #expect(findings.map(\.rule) .sorted() == fromUnitFile.map(\.rule).sorted())
    }

    @Test("validate on a workbook names the sheet and cell: 自评表.xlsx 项目支出绩效自评表!F12")
    func workbookFindings() throws {
        let url = try seedWorkbook()
        let checker = try UnitChecker()
        let document = try UnitFiles.read(path: url.path, catalog: checker.catalog)
        let unmet = try #require(try checker.check(document).findings.first { $0.rule == .targetNotMet && $0.message.chinese.contains("优化政府部门") })
        #expect(unmet.location?.description == "\(url.path) 项目支出绩效自评表!F16")
    }

    @Test("render takes the workbook and writes the same PDFs as from the unit file")
    func renderWorkbook() throws {
        let url = try seedWorkbook()
        let renderer = try UnitRenderer()
        let fromWorkbook = try renderer.render(try UnitFiles.read(path: url.path, catalog: renderer.catalog))
        let fromUnitFile = try renderer.render(try UnitFiles.read(exampleUnit))
        #expect(fromWorkbook.count == 2)
        for document in fromWorkbook {
            let same = try #require(fromUnitFile.first { $0.relativePath == document.relativePath })
            #expect(document.pdf == same.pdf, "\(document.relativePath)")
        }
    }

    @Test("a pasted cell holding data that fits no field is an error naming it, not a silent drop")
    func unplacedIsAnError() throws {
        var text = try String(contentsOf: seedText, encoding: .utf8)
        // A note typed under the project form, before the department form's
        // title. (A row starting with an empty cell would continue the
        // indicator block; that is issue 14's stray-cell case.)
        let title = try #require(text.range(of: "\n部门整体支出绩效自评表"))
        text.replaceSubrange(title, with: "\n备注\t请于月底前报送\n部门整体支出绩效自评表")
        let url = try temporaryFolder().appendingPathComponent("粘贴.txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let checker = try UnitChecker()
        let imported = try UnitImporter.importFile(at: url, options: ImportOptions(layouts: try checker.catalog.all()))
        #expect(imported.unplaced.count == 2)
        #expect {
            try UnitFiles.read(path: url.path, catalog: checker.catalog)
        } throws: { error in
            english(error).contains("请于月底前报送") && english(error).contains("fit no field")
        }
        #expect(throws: Never.self) { try UnitFiles.read(path: url.path, catalog: checker.catalog, lenient: true) }
        // On the command line: an error (unusable input, 2) unless --lenient.
        #expect(try runFormPrint(["validate", url.path]).status == 2)
        #expect(try runFormPrint(["validate", "--lenient", url.path]).status == 0)
    }

    @Test("batch over a folder that mixes unit files, workbooks and pastes renders every unit")
    func batchMixedFolder() throws {
        let folder = try temporaryFolder().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try seedWorkbook(), to: folder.appendingPathComponent("a-自评表.xlsx"))
        try FileManager.default.copyItem(at: seedText, to: folder.appendingPathComponent("b-粘贴.txt"))
        let fujian = repositoryRoot.appendingPathComponent("Examples/fujian-2024.yaml")
        try FileManager.default.copyItem(at: fujian, to: folder.appendingPathComponent("c-fujian.yaml"))
        let output = try temporaryFolder()
        let summary = try BatchFixture.run([folder], output: output)
        #expect(summary.units.count == 3)
        #expect(summary.units.allSatisfy { $0.status != .failed }, "\(summary.units.map { "\($0.input): \($0.status) \($0.errors)" })")
    }

    @Test("the same failure gives the same exit status in every command: a missing file is unusable input (2)")
    func exitStatuses() throws {
        let missing = try temporaryFolder().appendingPathComponent("不存在.xlsx").path
        let output = try temporaryFolder().path
        for command in [["validate", missing], ["render", missing, "-o", output], ["import", missing, "-o", output], ["batch", missing, "-o", output]] {
            let result = try runFormPrint(command)
            #expect(result.status == 2, "\(command[0]): \(result.status) \(result.errors)")
            #expect(result.errors.contains(missing), "\(command[0]) names the file: \(result.errors)")
        }
        // Findings alone are not a failure; errors with --strict are 1.
        #expect(try runFormPrint(["validate", exampleUnit.path]).status == 0)
        #expect(try runFormPrint(["validate", "--strict", exampleUnit.path]).status == 1)
    }

    @Test("in a workbook an empty 二级 cell that no merge covers is asked about at its cell, not silently regrouped; a merged one is not")
    func emptyUnmergedSubcategory() throws {
        var project = try UnitFiles.read(exampleUnit).unit.projects[0]
        // Two indicators under 数量指标: the sheet merges its 二级 cell over both rows.
        project.indicators[1].subcategories[0].indicators.append(Indicator(name: "新增指标", target: "=1个", actual: "1个"))
        var sheet = OfficialFormSheets.jilinProject(project)
        let merged = try #require(sheet.merges.first { $0.hasPrefix("C") && !$0.hasPrefix("C1:") && $0.split(separator: ":").count == 2
            && Int($0.split(separator: ":")[1].dropFirst()) == Int($0.split(separator: ":")[0].dropFirst())! + 1 })
        func importedNotes(_ sheet: XLSXWorkbook.Sheet) throws -> [ImportNote] {
            let data = try XLSXWorkbook(sheets: [sheet]).data()
            return try WorkbookImporter.importWorkbook(data, file: "自评表.xlsx", options: ImportOptions(year: 2024, unitName: "单位")).unplaced
        }
        #expect(try importedNotes(sheet).isEmpty)
        sheet.merges.removeAll { $0 == merged }
        let notes = try importedNotes(sheet)
        #expect(notes.count == 1)
        #expect(notes.first?.place.short.english == "项目支出绩效自评表!" + String(merged.split(separator: ":")[1]))
        #expect(notes.first?.text.chinese.contains("二级指标为空且未与上一行合并") == true)
        #expect(notes.first?.text.english.contains("not merged with the one above") == true)
    }
}
