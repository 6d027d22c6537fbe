import Evaluation
import Foundation
import Importing
import TestSupport
import Testing
import ZIPFoundation

/// Issue 14, item 7: what office suites show and FormPrint read otherwise —
/// hidden sheets, two ZIP entries of one name, DTDs.
@Suite("Workbooks read as office suites show them")
struct WorkbookHardeningTests {
    /// The text of `part` in the workbook as the writer makes it.
    func part(_ path: String, of workbook: XLSXWorkbook) throws -> String {
        let archive = try Archive(data: try workbook.data(), accessMode: .read)
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("hidden and veryHidden sheets are skipped with a note naming them", arguments: ["hidden", "veryHidden"])
    func hiddenSheet(state: String) throws {
        var workbook = try seedWorkbook()
        var extra = OfficialFormSheets.jilinProject(try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit.projects[0],
                                                    name: "旧版本")
        extra.text("B3", "隐藏的项目")
        workbook.sheets.append(extra)
        let xml = try part("xl/workbook.xml", of: workbook)
        workbook.partOverrides["xl/workbook.xml"] = xml.replacingOccurrences(of: "<sheet name=\"旧版本\"", with: "<sheet name=\"旧版本\" state=\"\(state)\"")
        let imported = try WorkbookImporter.importWorkbook(try workbook.data(), file: "hidden.xlsx")
        #expect(imported.unit.projects.count == 1, "the hidden sheet's form is not read")
        #expect(imported.unplaced.contains { $0.text.english.contains("'旧版本' is hidden") }, "\(imported.notes)")
    }

    @Test("a DTD in any part is refused, naming the part", arguments: [
        "<!DOCTYPE sst [<!ENTITY x \"内部实体\">]>",
        "<!DOCTYPE sst SYSTEM \"file:///etc/passwd\">",
    ])
    func dtdRefused(declaration: String) throws {
        var workbook = try seedWorkbook()
        let xml = try part("xl/sharedStrings.xml", of: workbook)
        workbook.partOverrides["xl/sharedStrings.xml"] = xml.replacingOccurrences(of: "?>", with: "?>" + declaration)
        #expect {
            _ = try WorkbookImporter.importWorkbook(try workbook.data(), file: "dtd.xlsx")
        } throws: { error in
            english(error).contains("xl/sharedStrings.xml") && english(error).contains("DOCTYPE")
        }
    }

    @Test("two ZIP entries of one name are refused")
    func duplicateEntries() throws {
        let archive = try Archive(data: try seedWorkbook().data(), accessMode: .update)
        let bytes = Data("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".utf8)
        try archive.addEntry(with: "xl/sharedStrings.xml", type: .file, uncompressedSize: Int64(bytes.count),
                             modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
        let data = try #require(archive.data)
        #expect {
            _ = try WorkbookImporter.importWorkbook(data, file: "twice.xlsx")
        } throws: { error in
            english(error).contains("two parts named xl/sharedStrings.xml")
        }
    }

    @Test("a row numbered Int.max followed by a row without a number neither traps nor loses the form")
    func hugeRowNumber() throws {
        var workbook = try seedWorkbook()
        let xml = try part("xl/worksheets/sheet2.xml", of: workbook)
        workbook.partOverrides["xl/worksheets/sheet2.xml"] = xml.replacingOccurrences(
            of: "</sheetData>", with: "<row r=\"9223372036854775807\"><c t=\"inlineStr\"><is><t>末行</t></is></c></row><row><c t=\"inlineStr\"><is><t>再下一行</t></is></c></row></sheetData>")
        let imported = try WorkbookImporter.importWorkbook(try workbook.data(), file: "rows.xlsx")
        #expect(imported.unit.department != nil)
    }

    @Test("more merged ranges than the limit are refused, not dropped")
    func tooManyMerges() throws {
        var workbook = try seedWorkbook()
        for index in 0..<20_001 { workbook.sheets[2].merge("A\(1_000 + index * 2):B\(1_000 + index * 2)") }
        #expect {
            _ = try WorkbookImporter.importWorkbook(try workbook.data(), file: "merges.xlsx")
        } throws: { error in
            english(error).contains("more than 20000 merged ranges")
        }
    }
}
