import Foundation
import Testing

@testable import FormPrint
import Support

/// Issue 14, item 10: summary.csv wrote names starting with = + - @ raw,
/// which Excel and WPS run as formulas (OWASP "CSV injection").
@Suite("summary.csv never holds a formula")
struct SpreadsheetInjectionTests {
    @Test("a cell starting with = + - @ tab or CR gets a leading single quote", arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1+2", "'+1+2"), ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("柳河县", "柳河县"), ("1=1", "1=1"), ("", ""),
    ])
    func neutralised(field: String, written: String) {
        #expect(SpreadsheetText.neutralised(field) == written)
    }

    @Test("a CSV field is neutralised, then quoted as RFC 4180 says when it must be", arguments: [
        ("柳河县", "柳河县"), ("a,b", "\"a,b\""), ("说\"好\"", "\"说\"\"好\"\"\""), ("两\n行", "\"两\n行\""),
        (" 前空格", "\" 前空格\""), ("=1,2", "\"'=1,2\""), ("", ""),
    ])
    func csvField(field: String, written: String) {
        #expect(SpreadsheetText.csvField(field) == written)
    }

    @Test("a batch of units named like formulas writes them as text")
    func batchSummary() throws {
        let folder = try temporaryFolder().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = ["=1+2", "+SUM(A1)", "-3", "@NOW()"]
        for (index, name) in names.enumerated() {
            try BatchFixture.write(BatchFixture.smallUnit(named: "\"\(name)\"").replacingOccurrences(of: "\"\(name)\"的项目", with: "项目\(index)")
                                    .replacingOccurrences(of: "implementingUnit: \"\(name)\"", with: "implementingUnit: 单位"),
                                   to: folder.appendingPathComponent("u\(index).yaml"))
        }
        let output = folder.deletingLastPathComponent().appendingPathComponent("out")
        let summary = try BatchFixture.run([folder], output: output)
        #expect(summary.totals.rendered == names.count, "\(summary.units.map(\.errors))")
        let csv = try String(contentsOf: output.appendingPathComponent("summary.csv"), encoding: .utf8)
        for line in csv.split(separator: "\r\n").dropFirst() {
            let first = line.first == "\"" ? line.dropFirst().first : line.first
            #expect(first.map { !"=+-@".contains($0) } ?? true, "\(line)")
        }
        for name in names { #expect(csv.contains("'" + name), "\(name)") }
    }
}
