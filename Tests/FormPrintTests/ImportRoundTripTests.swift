import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

@testable import FormPrint

/// End to end: import → unit file → render → pdftotext holds every value of
/// the source; the workbook twin of the example renders to the same bytes.
@Suite(.serialized)
struct ImportRoundTripTests {
    /// The seed imported through `formprint import`'s facade and rendered
    /// from the unit file it wrote.
    static let seedRendered: Result<(unitFile: URL, pdfs: [URL]), Error> = Result {
        let folder = try temporaryFolder()
        let outcome = try UnitFileConversion.importFile(seedText, into: folder)
        let pdfs = try UnitFiles.render(outcome.output, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        return (outcome.output, pdfs)
    }

    func text(of document: String) throws -> String {
        let pdf = try #require(try Self.seedRendered.get().pdfs.first { $0.lastPathComponent.contains(document) })
        let raw = try run("pdftotext", ["-raw", pdf.path, "-"]).output
        // Without the report's page numbers ("— 3 —"), which interrupt paragraphs.
        return squeezed(raw.split(separator: "\n").filter { !($0.hasPrefix("—") && $0.hasSuffix("—")) }.joined())
    }

    @Test func everyTableCellOfTheSeedIsInThePDFs() throws {
        let lines = try String(contentsOf: seedText, encoding: .utf8).components(separatedBy: "\n")
        let project = try text(of: "项目支出"), department = try text(of: "部门整体支出绩效自评表")
        for (index, line) in lines.enumerated() where index < 33 {
            let pdfText = index < 20 ? project : department
            for cell in line.split(separator: "\t") where !cell.trimmingCharacters(in: .whitespaces).isEmpty {
                let found = pdfText.contains(squeezed(String(cell)))
                #expect(found, "line \(index + 1): \(cell.prefix(20)) is missing from the PDF")
            }
        }
    }

    @Test func everyLineOfTheSeedReportIsInThePDF() throws {
        let report = try text(of: "自评报告")
        let lines = try String(contentsOf: seedText, encoding: .utf8).components(separatedBy: "\n")
        for (index, line) in lines.enumerated() where index >= 34 && !line.isEmpty {
            // The PDF prints headings with standard numbers ("（二）人员情况") and
            // without what the import repaired, so compare a line without its
            // number, list marker, stray mark or the punctuation ending a heading.
            var content = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
            let headingLines = [37, 39, 127, 129, 133, 135, 137, 141, 145]
            if headingLines.contains(index + 1),
               let number = content.range(of: #"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]、?)"#, options: .regularExpression) {
                content = String(content[number.upperBound...])
                content = content.replacingOccurrences(of: " x", with: "").replacingOccurrences(of: "人员情况、", with: "人员情况")
                    .replacingOccurrences(of: "进行评价。", with: "进行评价")
            }
            let found = report.contains(squeezed(content))
            #expect(found, "line \(index + 1): \(content.prefix(20)) is missing from the report PDF")
        }
    }

    @Test func reimportingTheWrittenUnitFileGivesTheSameModel() throws {
        let unitFile = try Self.seedRendered.get().unitFile
        let written = try UnitFiles.read(unitFile).unit
        let reimported = try UnitImporter.importFile(at: unitFile).unit
        let example = try UnitFiles.read(exampleUnit).unit
        #expect(written == example)
        #expect(reimported == written)
        // Re-importing the unit file writes the same bytes again.
        let folder = try temporaryFolder()
        let again = try UnitFileConversion.importFile(unitFile, into: folder)
        let first = try String(contentsOf: unitFile, encoding: .utf8), second = try String(contentsOf: again.output, encoding: .utf8)
        #expect(first.split(separator: "\n").filter { !$0.hasPrefix("#") } == second.split(separator: "\n").filter { !$0.hasPrefix("#") })
    }

    @Test func theWorkbookTwinRendersTheSamePDFsAsTheExample() throws {
        let folder = try temporaryFolder()
        let workbook = folder.appendingPathComponent("liuhe-2024.xlsx")
        try seedWorkbookForRendering().data().write(to: workbook)
        let outcome = try UnitFileConversion.importFile(workbook, into: folder)
        let renderer = try UnitRenderer()
        let fromWorkbook = try renderer.render(try UnitFiles.read(outcome.output))
        let fromExample = try renderer.render(try UnitFiles.read(exampleUnit))
        #expect(fromWorkbook.map(\.relativePath) == fromExample.map(\.relativePath))
        for (a, b) in zip(fromWorkbook, fromExample) {
            #expect(a.pdf == b.pdf, "\(a.relativePath) differs")
        }
    }

    @Test func strictImportWithUnplacedCellsWritesNothing() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("extra.txt")
        let seed = try String(contentsOf: seedText, encoding: .utf8)
        // A seventh cell on line 9, under no header of the funds block.
        try seed.replacingOccurrences(of: "\t其他资金\t0.00\t0.00\t0.00\t0.00%", with: "\t其他资金\t0.00\t0.00\t0.00\t0.00%\t备注：无")
            .write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        #expect {
            _ = try UnitFileConversion.importFile(input, into: output, strict: true)
        } throws: { error in
            let message = english(error)
            return message.contains("extra.txt: error: 1 cell fit no field") && message.contains("extra.txt:9:")
                && message.contains("备注：无")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing may be written")
        // Without --strict the same input imports, and the cell is reported.
        let outcome = try UnitFileConversion.importFile(input, into: output)
        #expect(outcome.imported.unplaced.count == 1)
        #expect(UnitFileConversion.report(outcome, in: .english).contains("1 unplaced"))
        #expect(UnitFileConversion.report(outcome, in: .chinese).contains("未导入1处"))
    }

    @Test func aFailedImportLeavesNoFileBehind() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("broken.xlsx")
        try Data("PK\u{3}\u{4} truncated".utf8).write(to: input)
        #expect(throws: ImportError.self) { _ = try UnitFileConversion.importFile(input, into: folder) }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["broken.xlsx"], "\(files)")
    }
}

/// The example's forms and the seed's report in a workbook.
func seedWorkbookForRendering() throws -> XLSXWorkbook {
    let example = try UnitFileReader.read(contentsOf: exampleUnit).unit
    let lines = try String(contentsOf: seedText, encoding: .utf8).components(separatedBy: "\n")
    let title = try #require(lines.firstIndex(of: "部门整体支出绩效自评报告"))
    return XLSXWorkbook(sheets: [
        OfficialFormSheets.jilinProject(example.projects[0], origin: (2, 2)),
        OfficialFormSheets.jilinDepartment(try #require(example.department)),
        OfficialFormSheets.report(title: "部门整体支出绩效自评报告", lines: lines[(title + 1)...].filter { !$0.isEmpty }),
    ])
}
