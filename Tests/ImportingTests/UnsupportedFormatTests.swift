import Evaluation
import Foundation
@testable import Importing
import TestSupport
import Testing

/// Office formats FormPrint does not read are refused before any parsing,
/// saying what the file is and how to save it.
@Suite("Formats refused before parsing")
struct UnsupportedFormatTests {
    func english(_ data: Data, _ file: String) -> String {
        do {
            _ = try UnitImporter.importData(data, file: file)
            return "no error"
        } catch let error as ImportError {
            #expect(!error.message.chinese.isEmpty)
            return error.message.english
        } catch {
            return "\(error)"
        }
    }

    @Test("by suffix: .et, .wps, .doc, .ods, .odt, .xlsb, .pdf", arguments: [
        ("a.et", "a WPS 表格 file (.et)", "save it as .xlsx"),
        ("a.wps", "a WPS 文字 file (.wps)", "save it as .docx"),
        ("a.doc", "an old Word document (.doc)", "save it as .docx"),
        ("a.ods", "an OpenDocument spreadsheet (.ods)", "save it as .xlsx"),
        ("a.odt", "an OpenDocument text (.odt)", "save it as .docx"),
        ("a.xlsb", "an Excel binary workbook (.xlsb)", "save it as .xlsx"),
        ("a.pdf", "a PDF file", "copy the table out"),
    ])
    func bySuffix(file: String, what: String, fix: String) {
        // Bytes that would be parsed as an .xls if the suffix were not looked at first.
        let text = english(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 600), file)
        #expect(text.hasPrefix("\(file): error: this is \(what), a format FormPrint does not read"), "\(text)")
        #expect(text.contains(fix), "\(text)")
    }

    @Test("a PDF under another name is told by its bytes")
    func pdfByBytes() {
        let text = english(Data("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), "自评表.txt")
        #expect(text.hasPrefix("自评表.txt: error: this is a PDF file"), "\(text)")
    }

    @Test("a .doc renamed .xls is told by its OLE streams (WordDocument, not Workbook)")
    func wordDocumentStream() throws {
        var bytes = [UInt8](try Data(contentsOf: LegacyWorkbookTests.fixture))
        let workbook = Array("Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let start = try #require((0...(bytes.count - workbook.count)).first { Array(bytes[$0..<($0 + workbook.count)]) == workbook })
        let word: [UInt8] = "WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0]
        for (offset, byte) in word.enumerated() { bytes[start + offset] = byte }
        bytes[start + 0x40] = UInt8(word.count)
        let text = english(Data(bytes), "renamed.xls")
        #expect(text.hasPrefix("renamed.xls: error: this is an old Word document (.doc)"), "\(text)")
    }

    @Test("a .docx named .xlsx is read as the Word document it is")
    func zipKinds() throws {
        var document = DOCXDocument()
        document.paragraph("x")
        let text = english(try document.data(), "misnamed.xlsx")
        #expect(text.contains("no recognisable form"), "\(text)")
    }
}
