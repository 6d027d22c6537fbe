import Foundation
import Testing

@testable import FormPrint

/// Issue 14, item 1, through the whole pipeline: a 19-digit 全年执行数 in
/// the national layout (`format: money`) killed `render` and the whole
/// `batch`; 18 digits printed with their last digits changed.
@Suite("Money columns print the written amount")
struct MoneyRenderTests {
    static func unit(executed: String) -> String {
        BatchFixture.smallUnit(named: "金额单位")
            .replacingOccurrences(of: "executed: 9.00", with: "executed: \"\(executed)\"")
            .replacingOccurrences(of: "year: 2024", with: "year: 2024\nlayouts: {project: project-national}")
    }

    @Test("huge and half-cent amounts render exactly", arguments: [
        ("9223372036854775808123", "9223372036854775808123.00"),
        ("220102199001011234", "220102199001011234.00"),
        ("1.005", "1.005"),   // never rounded to 1.01 (issue 24): a digit would be lost
    ])
    func exactAmount(executed: String, printed: String) throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("unit.yaml")
        try Self.unit(executed: executed).write(to: url, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(url, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        let text = squeezed(try run("pdftotext", ["-raw", files[0].path, "-"]).output)
        #expect(text.contains(printed), "\(text)")
    }

    @Test("a batch with a 22-digit amount renders it and writes its summary")
    func batchWithHugeAmount() throws {
        let folder = try temporaryFolder().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.unit(executed: "9223372036854775808123").write(to: folder.appendingPathComponent("a.yaml"),
                                                                atomically: true, encoding: .utf8)
        try BatchFixture.write(BatchFixture.smallUnit(named: "小单位"), to: folder.appendingPathComponent("b.yaml"))
        let output = folder.deletingLastPathComponent().appendingPathComponent("out")
        let summary = try BatchFixture.run([folder], output: output)
        #expect(summary.units.count == 2)
        #expect(summary.totals.rendered == 2, "\(summary.units.map(\.errors))")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("summary.json").path))
    }
}
