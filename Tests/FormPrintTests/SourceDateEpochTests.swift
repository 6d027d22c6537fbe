import Foundation
import Testing

@testable import FormPrint
@testable import Rendering

/// Issue 14, item 3: `SOURCE_DATE_EPOCH=nan|inf|1e300` trapped in PDFDate,
/// a millisecond epoch wrote an impossible date, `abc` was ignored.
@Suite("SOURCE_DATE_EPOCH")
struct SourceDateEpochTests {
    @Test("whole seconds from 1970 to 9999 are taken", arguments: [("0", 0), ("1735689600", 1_735_689_600), ("253402300799", 253_402_300_799)])
    func plausible(text: String, seconds: Int) throws {
        #expect(try SourceDateEpoch.parse(text) == Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test("anything else is refused, saying how to fix it", arguments: [
        "nan", "inf", "-inf", "1e300", "abc", "1735689600000", "-1", "+5", " 5", "5.5", "１２", "253402300800", "99999999999999999999",
    ])
    func refused(text: String) {
        #expect(throws: FormPrintError.self) { try SourceDateEpoch.parse(text) }
        #expect("\(FormPrintError.badSourceDateEpoch(text))".contains("SOURCE_DATE_EPOCH='\(text)'"))
    }

    @Test("PDFDate writes any date without trapping, clamped to years 0000–9999", arguments: [
        (Double.nan, "1970-01-01T00:00:00Z"), (.infinity, "9999-12-31T23:59:59Z"), (1e300, "9999-12-31T23:59:59Z"),
        (-.infinity, "0000-01-01T00:00:00Z"), (1_735_689_600, "2025-01-01T00:00:00Z"),
    ])
    func pdfDate(seconds: Double, written: String) {
        #expect(PDFDate.iso8601(Date(timeIntervalSince1970: seconds)) == written)
    }

    @Test("render and batch refuse an implausible SOURCE_DATE_EPOCH before writing anything", arguments: ["nan", "1e300", "abc", "1735689600000"])
    func commandsRefuse(value: String) throws {
        let output = try temporaryFolder()
        for command in [["render", exampleUnit.path, "-o", output.path], ["batch", exampleUnit.path, "-o", output.path]] {
            let result = try runFormPrint(command, environment: ["SOURCE_DATE_EPOCH": value])
            #expect(result.status != 0)
            #expect(result.errors.contains("SOURCE_DATE_EPOCH='\(value)'"), "\(result.errors)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }
}
