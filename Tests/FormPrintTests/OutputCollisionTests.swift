import Foundation
import Testing

@testable import FormPrint

/// Issue 14, item 8: `render` of two files of one unit and year wrote the
/// second over the first; `import` of two inputs with one stem wrote both
/// to one file. Both now get distinct names, as `batch` gives, and say so.
@Suite(.serialized)
struct OutputCollisionTests {
    func files(_ folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func renderOfTwoFilesOfOneUnitKeepsBoth() throws {
        let folder = try temporaryFolder()
        let first = folder.appendingPathComponent("first.yaml"), second = folder.appendingPathComponent("second.yaml")
        try BatchFixture.write(BatchFixture.smallUnit(named: "同名单位"), to: first)
        try BatchFixture.write(BatchFixture.smallUnit(named: "同名单位").replacingOccurrences(of: "覆盖人数", with: "第二份"), to: second)
        let output = folder.appendingPathComponent("out")
        let result = try runFormPrint(["render", first.path, second.path, "-o", output.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try files(output) == ["同名单位/2024_项目支出绩效自评表_同名单位的项目.pdf",
                                      "同名单位_second/2024_项目支出绩效自评表_同名单位的项目.pdf"])
        #expect(result.errors.contains("warning: unit '同名单位' (2024) is also in"), "\(result.errors)")
        let text = try run("pdftotext", [output.appendingPathComponent("同名单位_second/2024_项目支出绩效自评表_同名单位的项目.pdf").path, "-"])
        #expect(text.output.contains("第二份"))
    }

    @Test func importOfTwoInputsWithOneStemWritesTwoFiles() throws {
        let folder = try temporaryFolder()
        let pasted = try String(contentsOf: seedText, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        try pasted.write(to: folder.appendingPathComponent("seed.txt"), atomically: true, encoding: .utf8)
        try pasted.write(to: folder.appendingPathComponent("seed.tsv"), atomically: true, encoding: .utf8)
        try pasted.write(to: folder.appendingPathComponent("b/seed.txt"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let result = try runFormPrint(["import", folder.appendingPathComponent("seed.txt").path, folder.appendingPathComponent("seed.tsv").path,
                                       folder.appendingPathComponent("b/seed.txt").path, "-o", output.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try files(output) == ["seed.yaml", "seed_tsv.yaml", "seed_txt.yaml"])
        #expect(result.errors.components(separatedBy: "would both be imported to seed.yaml").count == 3, "\(result.errors)")
    }

    /// Issue 24: `batch --lenient` assigned folders from a reading without
    /// `--lenient`, so a paste that reads only leniently landed in the
    /// folder of another input of its unit and overwrote its PDFs.
    @Test func lenientBatchGivesALenientlyReadInputItsOwnFolder() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let text = BatchFixture.smallUnit(named: "同名单位")
        try BatchFixture.write(text, to: input.appendingPathComponent("a.yaml"))
        let unit = try UnitFiles.read(input.appendingPathComponent("a.yaml")).unit
        let shapes = RealShapeImportTests()
        var forms = try shapes.tables(unit, try UnitRenderer()).map { RealShapeImportTests.rows($0, .excel) }
        forms[0].insert(["（2024年度）"], at: 1)
        forms[0].append(["附注：本表由财务科填写，另附说明一份"])
        try RealShapeImportTests.pasted(forms).write(to: input.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        var options = RenderOptions(combined: true)
        options.lenient = true
        let summary = try BatchFixture.run([input], output: output, options: options)
        #expect(summary.units.map(\.status) == [.rendered, .rendered], "\(summary.units.map(\.errors))")
        #expect(Set(summary.units.compactMap(\.folder)) == ["同名单位", "同名单位_b"], "\(summary.units.map(\.folder))")
        let paths = summary.units.flatMap { $0.documents.flatMap(\.files) + ($0.combined.map { [$0] } ?? []) }
        #expect(Set(paths).count == paths.count, "two inputs never share a file: \(paths)")
        #expect(summary.units.allSatisfy { !$0.duplicateWarnings.isEmpty })
    }
}
