import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// Bad input gets a message naming the file and the place, and never a crash.
@Suite("Bad import input")
struct BadImportInputTests {
    func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "no error"
        } catch {
            return english(error)
        }
    }

    @Test("random bytes named .xlsx are a damaged workbook")
    func corruptWorkbook() {
        let text = message { try UnitImporter.importData(Data("not a zip at all".utf8), file: "forms.xlsx") }
        #expect(text.hasPrefix("forms.xlsx: error: the workbook is damaged or not an .xlsx file"))
    }

    @Test("a workbook cut short is a damaged workbook")
    func truncatedWorkbook() throws {
        let data = try seedWorkbook().data()
        let text = message { try UnitImporter.importData(data.prefix(data.count / 2), file: "cut.xlsx") }
        #expect(text.hasPrefix("cut.xlsx: error: the workbook is damaged"), "\(text)")
    }

    @Test("a ZIP file without a workbook is not a workbook")
    func zipWithoutWorkbook() throws {
        var sheet = XLSXWorkbook.Sheet(name: "x")
        sheet.text("A1", "x")
        let data = try XLSXWorkbook(sheets: [sheet]).data()
        // Rename the workbook part in the archive's (uncompressed) file names.
        let renamed = data.replacingBytes("xl/workbook.xml", with: "xl/workbooc.xml")
        let text = message { try UnitImporter.importData(renamed, file: "odd.xlsx") }
        #expect(text.contains("odd.xlsx: error:") && text.contains("xl/workbook.xml"), "\(text)")
    }

    @Test("a password-protected workbook (an encrypted OLE container) says how to remove the password")
    func passwordProtected() {
        var data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        data += Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + Data(count: 64)
        let text = message { try UnitImporter.importData(data, file: "locked.xlsx") }
        #expect(text.hasPrefix("locked.xlsx: error: the workbook is password-protected"))
    }

    @Test("an .xls that is only an OLE header is a damaged .xls, and says to save as .xlsx")
    func legacyExcel() {
        let data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 1024)
        let text = message { try UnitImporter.importData(data, file: "old.xls") }
        #expect(text.hasPrefix("old.xls: error: the old Excel workbook (.xls) is damaged"), "\(text)")
        #expect(text.contains("save it as .xlsx"))
    }

    @Test("GB18030 text is detected, decoded, and imports like the UTF-8 seed")
    func gb18030Text() throws {
        let seed = try String(contentsOf: RepositoryPaths.seed, encoding: .utf8)
        let encoded = try iconv(Data(seed.utf8), to: "GB18030")
        #expect(String(data: encoded, encoding: .utf8) == nil, "the fixture must not be valid UTF-8")
        let imported = try UnitImporter.importData(encoded, file: "seed-gb.txt")
        let example = try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit
        #expect(imported.unit == example)
        #expect(imported.inferences.first?.text.english == "the text was decoded as GB18030")
    }

    @Test("invisible characters pasted into cells are removed, each removal noted with its line")
    func invisibleCharactersRemoved() throws {
        let seed = try String(contentsOf: RepositoryPaths.seed, encoding: .utf8)
        let dirty = seed.replacingOccurrences(of: "2024年政数局综合类项目", with: "2024年政数局\u{200B}综合类项目\u{200E}")
            .replacingOccurrences(of: "其他资金", with: "其他\u{FEFF}资金")
        #expect(dirty != seed)
        let imported = try PastedTextImporter.importText(dirty, file: "dirty.txt")
        let example = try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit
        #expect(imported.unit == example)
        let removals = imported.repairs.filter { $0.text.english.contains("invisible character") }
        #expect(removals.map(\.place.description) == ["dirty.txt:4:1", "dirty.txt:9:1"])
        #expect(removals.contains { $0.text.english.contains("U+200B") && $0.text.english.contains("U+200E") })
        #expect(removals.contains { $0.text.english.contains("U+FEFF") })
        #expect(removals.allSatisfy { $0.description.hasPrefix("dirty.txt:") })
    }

    @Test("UTF-16 text with a byte-order mark (Excel's \"Unicode text\") is decoded")
    func utf16Text() throws {
        let seed = try String(contentsOf: RepositoryPaths.seed, encoding: .utf8)
        let data = Data([0xFF, 0xFE]) + seed.data(using: .utf16LittleEndian)!
        #expect(try UnitImporter.importData(data, file: "seed16.txt").unit.projects.count == 1)
    }

    @Test("text in no known encoding is an error naming the file")
    func unknownEncoding() {
        let text = message { try UnitImporter.importData(Data([0x41, 0xFF, 0xFF, 0xFF, 0x81]), file: "garbled.txt") }
        #expect(text == "garbled.txt: error: the text is neither UTF-8, UTF-16 (with a byte-order mark) nor GB18030; save it as UTF-8 text.")
    }

    @Test("a header missing a label is still read, and the note names the form, its place and the label")
    func missingColumn() throws {
        let seed = try String(contentsOf: RepositoryPaths.seed, encoding: .utf8)
        let damaged = seed.replacingOccurrences(of: "全年执行数\t执行率", with: "全年执行数")
        let imported = try PastedTextImporter.importText(damaged, file: "seed.txt")
        let note = imported.inferences.first { $0.text.chinese.contains("“执行率”") }
        #expect(note?.description(in: .english) == "seed.txt:3:1: inferred: the form lacks 执行率 of layout project-jilin; those cells are left empty")
        // The rates under the missing label are still read: nothing is thrown away.
        #expect(imported.unit.projects.first?.funds.first?.executionRate == "81.06%")
        #expect(imported.unplaced.isEmpty)
    }

    @Test("a workbook whose indicator header lacks 实际完成值 is read, and the note names the missing label")
    func missingColumnInWorkbook() throws {
        var sheet = nationalSheet()
        sheet.cells["F12"] = nil
        let imported = try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [sheet]).data(), file: "n.xlsx")
        // The fixture's labels carry the (A)/(B) marks: the form is the (A)/(B/A) variant.
        #expect(imported.unit.layouts[.project] == "project-national-ab")
        #expect(imported.inferences.contains { $0.text.english.contains("lacks 实际完成值（B） of layout project-national-ab") },
                "\(imported.inferences.map { $0.description(in: .english) })")
        #expect(imported.unit.projects.first?.indicators.first?.subcategories.first?.indicators.first?.actual == "118公里")
    }

    @Test("a workbook with no recognisable form names each sheet")
    func noRecognisableForm() throws {
        var notes = XLSXWorkbook.Sheet(name: "说明")
        notes.text("A1", "本表由财务科填写")
        notes.text("B2", "联系人：赵六")
        let text = message { try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [notes]).data(), file: "notes.xlsx") }
        #expect(text.hasPrefix("notes.xlsx: error: no recognisable form"))
        #expect(text.contains("sheet '说明': 2 cells"))
    }

    @Test("a sheet without a form beside one with a form: its cells are reported with sheet, row and column")
    func extraSheetIsReported() throws {
        var notes = XLSXWorkbook.Sheet(name: "说明")
        notes.text("C7", "本表由财务科填写")
        let imported = try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [nationalSheet(), notes]).data(), file: "two.xlsx")
        let descriptions = imported.unplaced.map { $0.description(in: .english) }
        #expect(descriptions.contains("two.xlsx 说明!C7: unplaced: \"本表由财务科填写\" in sheet '说明', which holds no recognisable form, fits no field; it is not in the unit file"), "\(descriptions)")
    }

    @Test("an empty text file is no form")
    func emptyText() {
        let text = message { try UnitImporter.importData(Data(), file: "empty.txt") }
        #expect(text == "empty.txt: error: no recognisable form: expected a title such as 项目支出绩效自评表, 部门整体支出绩效自评表 or 部门整体支出绩效自评报告, or a first row labelled 项目名称 or 部门名称 (the file is empty).")
    }

    @Test("no year anywhere asks for --year")
    func unknownYear() {
        let text = message { try PastedTextImporter.importText("部门名称\t某单位\n", file: "d.txt") }
        #expect(text.hasPrefix("d.txt: error: cannot tell the evaluated year"))
        #expect(text.contains("--year"))
    }

    @Test("a sheet that is not well-formed XML is a damaged workbook, not a crash")
    func garbageXML() throws {
        var workbook = XLSXWorkbook(sheets: [XLSXWorkbook.Sheet(name: "x")])
        workbook.partOverrides["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData<row>" + String(repeating: "<c>", count: 10_000)
        let text = message { try UnitImporter.importData(try workbook.data(), file: "bad.xlsx") }
        #expect(text.hasPrefix("bad.xlsx: error: the workbook is damaged or not an .xlsx file (the part xl/worksheets/sheet1.xml is not well-formed XML"), "\(text)")
    }
}

extension Data {
    /// The bytes with every occurrence of `old` replaced by `new`.
    func replacingBytes(_ old: String, with new: String) -> Data {
        var result = self
        let (from, to) = (Data(old.utf8), Data(new.utf8))
        var start = result.startIndex
        while let range = result.range(of: from, in: start..<result.endIndex) {
            result.replaceSubrange(range, with: to)
            start = range.lowerBound + to.count
        }
        return result
    }
}

/// Converts with the iconv command, as a second opinion on the decoder.
func iconv(_ data: Data, to encoding: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["iconv", "-f", "UTF-8", "-t", encoding]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
}
