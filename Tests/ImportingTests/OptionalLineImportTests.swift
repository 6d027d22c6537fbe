import Evaluation
import Foundation
import TestSupport
import Testing

@testable import Importing

/// Issue 27, item 5: the officer's own （2024年度） line is kept. The 吉林
/// layouts mark it `optional: year` (the official template has no such
/// line); a form imported with it turns the line on for that unit, and the
/// unit file records it as `lines: [year]`.
@Suite("Optional lines follow the officer's file")
struct OptionalLineImportTests {
    static let seed = try! String(contentsOf: RepositoryPaths.seed, encoding: .utf8)

    /// The seed paste with （2024年度） under the project form's title.
    static var seedWithYearLine: String {
        seed.replacingOccurrences(of: "项目支出绩效自评表\t", with: "项目支出绩效自评表\n（2024年度）\t", options: [], range: seed.range(of: "项目支出绩效自评表\t"))
    }

    /// A paste as a workbook sheet, cell for cell.
    static func workbook(_ text: String) throws -> Data {
        var sheet = XLSXWorkbook.Sheet(name: "项目支出绩效自评表")
        for (row, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (column, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() where !cell.trimmingCharacters(in: .whitespaces).isEmpty {
                sheet.text("\(ImportPlace.columnName(column + 1))\(row + 1)", String(cell))
            }
        }
        return try XLSXWorkbook(sheets: [sheet]).data()
    }

    @Test("a pasted form with its （2024年度） line turns the line on, with a note; without it the line stays off")
    func paste() throws {
        #expect(Self.seedWithYearLine.contains("项目支出绩效自评表\n（2024年度）\n") || Self.seedWithYearLine.contains("项目支出绩效自评表\n（2024年度）\t"))
        let with = try PastedTextImporter.importText(Self.seedWithYearLine, file: "seed.txt")
        #expect(with.unit.lines == ["year"])
        #expect(with.inferences.contains { $0.text.chinese.contains("原表有“（2024年度）”一行") }, "\(with.inferences.map { $0.description(in: .chinese) })")
        #expect(with.unplaced.isEmpty)
        let without = try PastedTextImporter.importText(Self.seed, file: "seed.txt")
        #expect(without.unit.lines.isEmpty)
    }

    @Test("a workbook with the line turns it on too; the unit file records it and reads it back")
    func workbook() throws {
        let imported = try WorkbookImporter.importWorkbook(try Self.workbook(Self.seedWithYearLine), file: "自评表.xlsx")
        #expect(imported.unit.lines == ["year"])
        let yaml = UnitFileWriter.yaml(imported.unit)
        #expect(yaml.contains("\nlines: [year]"), "\(yaml.prefix(400))")
        #expect(try UnitFileReader.read(text: yaml, file: "u.yaml").unit == imported.unit)
        #expect(try WorkbookImporter.importWorkbook(try Self.workbook(Self.seed), file: "自评表.xlsx").unit.lines.isEmpty)
    }
}
