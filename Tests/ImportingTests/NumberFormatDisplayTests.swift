import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// Issue 14, item 6: formats that scale or split digits imported as the
/// raw value with no note, and [DBNum1], aaaa, conditions, fractions and
/// NaN% from huge numbers were wrong. Each now shows what Excel and WPS
/// show, or keeps the stored value with a note at the cell.
@Suite("Number formats: shown as Excel shows them, or kept with a note")
struct NumberFormatDisplayTests {
    /// The text the import gives cell B1 with `format`, and its notes.
    static func imported(_ raw: String, _ format: String) throws -> (text: String, notes: [ImportNote]) {
        var sheet = XLSXWorkbook.Sheet(name: "p")
        sheet.text("A1", "项目名称")
        sheet.set("B1", .number(raw), format: format)
        let imported = try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [sheet]).data(), file: "p.xlsx",
                                                           options: ImportOptions(year: 2024, unitName: "u"))
        return (try #require(imported.unit.projects.first).name, imported.notes.filter { $0.text.english.contains("number format") })
    }

    @Test("scaling commas and the 万元 display tricks", arguments: [
        ("2124000", "#,##0.00,", "2,124.00"), ("2124000000", "0.00,,", "2124.00"), ("2124000", "0\".\"0000", "212.4000"),
        ("2124000", "0\\.0000", "212.4000"), ("2124000", "0!.0000\"万元\"", "212.4000万元"), ("5", "0\".\"0000", "0.0005"),
        ("2124000", "0\".\"0000\"万元\"", "212.4000万元"), ("21240000", "0\".\"0000", "2124.0000"),
    ])
    func shown(raw: String, format: String, text: String) throws {
        let result = try Self.imported(raw, format)
        #expect(result.text == text)
        #expect(result.notes.isEmpty)
    }

    @Test("aaa and aaaa are the Chinese weekday", arguments: [("45352", "aaaa", "星期五"), ("45352", "yyyy/m/d aaa", "2024/3/1 五")])
    func weekday(raw: String, format: String, text: String) throws {
        #expect(try Self.imported(raw, format).text == text)
    }

    @Test("formats FormPrint cannot show exactly keep the stored value, with a note at the cell", arguments: [
        ("123", "[DBNum1]General"), ("123", "[DBNum2][$-804]General"), ("150", "[>=100]0.00;0"), ("50", "[<100]\"少\"0;0.00"),
        ("1.5", "# ?/?"), ("0.25", "# ??/??"),
    ])
    func kept(raw: String, format: String) throws {
        let result = try Self.imported(raw, format)
        #expect(result.text == raw)
        let note = try #require(result.notes.first)
        #expect(note.place == .cell(file: "p.xlsx", sheet: "p", row: 1, column: 2))
        #expect(note.text.english.contains("the stored value \(raw) is kept"))
    }

    @Test("a number too large for its format is never NaN", arguments: [("1E+160", "0.00%"), ("9.9E+150", "#,##0.00")])
    func huge(raw: String, format: String) throws {
        let result = try Self.imported(raw, format)
        #expect(!result.text.contains("NaN"), "\(result.text)")
    }

    @Test("a quoted slash or bracket is not a fraction or condition")
    func quotedLiterals() throws {
        let result = try Self.imported("3", "0\"/月\"")
        #expect(result.text == "3/月")
        #expect(result.notes.isEmpty)
    }
}
