import Foundation
import Importing
import TestSupport
import InputReading
import Testing

/// Every input the fuzzers (Fuzz/, Scripts/fuzz/run.sh) found to crash,
/// hang or leak, replayed through the same entry point as its fuzz target
/// after the fix: each now gives a unit or a located error. The files are in
/// Tests/FuzzRegressions/<target>/, named after what they found.
@Suite("Fuzz findings stay fixed")
struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        let folder = RepositoryPaths.root.appendingPathComponent("Tests/FuzzRegressions/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func data(_ target: String, _ name: String) throws -> Data {
        try Data(contentsOf: RepositoryPaths.root.appendingPathComponent("Tests/FuzzRegressions/\(target)/\(name)"))
    }

    /// The message of the error `body` throws, or "no error".
    func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "no error"
        } catch {
            return english(error)
        }
    }

    @Test("unit-file findings read or fail with a located error", .hangGuard(minutes: 1), arguments: inputs("unit-file"))
    func unitFile(name: String) throws {
        let text = String(decoding: try Self.data("unit-file", name), as: UTF8.self)
        _ = message { try UnitFileReader.read(text: text, file: name) }
    }

    @Test("pasted-text findings import or fail with a located error", .hangGuard(minutes: 1), arguments: inputs("pasted-text"))
    func pastedText(name: String) throws {
        let data = try Self.data("pasted-text", name)
        _ = message { try UnitImporter.importData(data, file: "fuzz.txt") }
    }

    @Test("workbook findings import or fail with a located error", .hangGuard(minutes: 1), arguments: inputs("workbook"))
    func workbook(name: String) throws {
        let workbook = try #require(WorkbookBundle.workbook(from: try Self.data("workbook", name)))
        let text = message { try UnitImporter.importData(workbook, file: "fuzz.xlsx") }
        #expect(text.hasPrefix("fuzz.xlsx: error: "), "\(text)")
    }

    @Test("a ZIP without its directory is damaged (ZIPFoundation leaked the whole input on it)")
    func noDirectory() throws {
        let text = message { try UnitImporter.importData(try Self.data("workbook", "leak-no-zip-directory.xlsx"), file: "w.xlsx") }
        #expect(text == "w.xlsx: error: the workbook is damaged or not an .xlsx file (its ZIP directory is missing (the file is cut short or damaged)); open it in Excel or WPS and save it again as .xlsx.")
    }

    @Test("a ZIP entry whose data lies past the end is damaged (ZIPFoundation stopped the process on it)")
    func offsetPastEnd() throws {
        let text = message { try UnitImporter.importData(try Self.data("workbook", "crash-offset-past-end.xlsx"), file: "w.xlsx") }
        #expect(text.contains("its ZIP directory is damaged"), "\(text)")
    }

    @Test("a part whose checksum does not match is damaged, not parsed")
    func badChecksum() throws {
        let text = message { try UnitImporter.importData(try Self.data("workbook", "crash-bad-crc-invalid-xml.xlsx"), file: "w.xlsx") }
        #expect(text.contains("checksum does not match"), "\(text)")
    }

    @Test("an element name that is not UTF-8 is a damaged part (Foundation's XMLParser stopped the process on it)")
    func invalidUTF8ElementName() throws {
        let workbook = try #require(WorkbookBundle.workbook(from: try Self.data("workbook", "crash-invalid-utf8-element-name.bundle")))
        let text = message { try UnitImporter.importData(workbook, file: "w.xlsx") }
        #expect(text.contains("the part xl/worksheets/sheet1.xml is not UTF-8 text"), "\(text)")
    }

    @Test("the committed seed workbook still imports through the bundle format")
    func seedBundleImports() throws {
        let bundle = try Data(contentsOf: RepositoryPaths.root.appendingPathComponent("Fuzz/corpus/workbook/openpyxl-jilin-2024.bundle"))
        let workbook = try #require(WorkbookBundle.workbook(from: bundle))
        let imported = try UnitImporter.importData(workbook, file: "seed.xlsx")
        #expect(imported.unit.projects.first?.name == "2024年政数局综合类项目")
    }
}
