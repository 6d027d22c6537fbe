import Evaluation
import Foundation
@testable import Importing
import TestSupport
import Testing

/// Old binary .xls workbooks (BIFF8), read through libfreexl plus the BIFF
/// scan of number formats and merges, from a fixture xlwt wrote
/// (Scripts/fixtures/make_xls.py).
@Suite("An .xls workbook (libfreexl)")
struct LegacyWorkbookTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlwt-jilin-2024.xls")

    // Its forms import like the openpyxl workbook's: ThirdPartyWorkbookTests reads both.

    @Test("the same file under another name is read by its bytes")
    func readByItsBytes() throws {
        let data = try Data(contentsOf: Self.fixture)
        let imported = try UnitImporter.importData(data, file: "自评表.xlsx")
        let example = try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit
        #expect(imported.unit.projects == example.projects)
        #expect(imported.documents.count == 2)
    }

    @Test("numbers print as the shortest decimal that reads back, as Excel's General does")
    func shortestDecimal() {
        #expect(XLSReader.shortest(212.4) == "212.4")
        #expect(XLSReader.shortest(0.8106) == "0.8106")
        #expect(XLSReader.shortest(172.18) == "172.18")
        #expect(XLSReader.shortest(56) == "56")
        #expect(XLSReader.shortest(-0.1) == "-0.1")
        #expect(ExcelNumberFormat(code: "0.00").display(XLSReader.shortest(212.4), date1904: false) == "212.40")
        #expect(ExcelNumberFormat(code: "0.00%").display(XLSReader.shortest(0.8106), date1904: false) == "81.06%")
    }

    @Test("RK numbers decode as BIFF stores them")
    func rkNumbers() {
        #expect(BIFFScan.rk(56 << 2 | 2) == 56)
        #expect(BIFFScan.rk(21240 << 2 | 3) == 212.4)
        #expect(BIFFScan.rk(Int(UInt32(bitPattern: Int32(-5) << 2)) | 2) == -5)
    }

    @Test("a truncated or scrambled .xls is a clear bilingual error, never a crash")
    func damaged() throws {
        let data = try Data(contentsOf: Self.fixture)
        for (name, bytes) in [("cut.xls", data.prefix(data.count / 2)), ("head.xls", data.prefix(600)),
                              ("scrambled.xls", Data(data.prefix(512)) + Data(repeating: 0xFF, count: data.count - 512))] {
            do {
                _ = try UnitImporter.importData(Data(bytes), file: name)
                Issue.record("\(name) imported")
            } catch let error as ImportError {
                #expect(error.message.english.hasPrefix("\(name): error: the old Excel workbook (.xls) is damaged"), "\(error.message.english)")
                #expect(error.message.chinese.contains("旧版Excel工作簿（.xls）已损坏"))
            }
        }
    }

    @Test("every prefix of the fixture fails cleanly or imports")
    func everyPrefix() throws {
        let data = try Data(contentsOf: Self.fixture)
        for length in stride(from: 0, to: data.count, by: 97) {
            do { _ = try UnitImporter.importData(data.prefix(length), file: "p.xls") } catch is ImportError {}
        }
    }
}
