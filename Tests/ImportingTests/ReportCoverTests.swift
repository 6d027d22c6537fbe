import Evaluation
import Foundation
import Importing
import Testing

/// A 自评报告 that opens with a cover (湖南·岳阳: 部门（单位）名称, 预算编码,
/// 评价方式, 评价机构, 报告日期, "…财政局（制）"): the cover names the unit
/// and its lines are the cover, not paragraphs nor left-over text.
@Suite("The report's cover")
struct ReportCoverTests {
    static let cover = """
        部门（单位）名称：某县农业农村局
        预算编码：101001
        评价方式：单位自评
        评价机构：
        报告日期：2025年3月10日
        某市财政局（制）

        """
    static let body = "一、部门（单位）基本情况\n本局负责全县农业农村工作。\n二、绩效目标完成情况\n全部完成。\n"

    func imported(_ text: String, options: ImportOptions = ImportOptions(year: 2024)) throws -> ImportedUnit {
        try PastedTextImporter.importText("部门整体支出绩效自评报告\n" + text, file: "c.txt", options: options)
    }

    @Test("the cover gives the unit's name, and its lines are read as the cover")
    func coverNamesUnit() throws {
        let imported = try imported(Self.cover + Self.body)
        #expect(imported.unit.name == "某县农业农村局")
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map { $0.description(in: .english) })")
        let report = try #require(imported.unit.report)
        #expect(report.sections.map(\.heading) == ["部门（单位）基本情况", "绩效目标完成情况"])
        #expect(report.sections[0].paragraphs == ["本局负责全县农业农村工作。"])
        let notes = imported.notes.map { $0.description(in: .english) }
        #expect(notes.filter { $0.contains("as the report's cover") }.count == 6)
        #expect(notes.contains { $0.contains("the unit's name 某县农业农村局 is taken from the report cover's 部门（单位）名称") })
    }

    @Test("a cover pasted from a spreadsheet (label and value in two cells), with half-width brackets")
    func tabbedCover() throws {
        let imported = try imported("部门(单位)名称\t某县农业农村局\n预算编码\t101001\n" + Self.body)
        #expect(imported.unit.name == "某县农业农村局")
        #expect(imported.unplaced.isEmpty)
    }

    @Test("without a cover, text before the first heading is still left over; a label line inside the body is a paragraph")
    func noCover() throws {
        let unplaced = try imported("本单位名称变更，特此说明。\n" + Self.body, options: ImportOptions(year: 2024, unitName: "测试单位"))
        #expect(unplaced.unplaced.count == 1)
        let inside = try imported(Self.body + "单位名称：某县农业农村局\n", options: ImportOptions(year: 2024, unitName: "测试单位"))
        #expect(inside.unit.report?.sections.last?.paragraphs == ["全部完成。", "单位名称：某县农业农村局"])
        #expect(inside.unit.name == "测试单位")
        // The issuer's line alone is no cover.
        let issuer = try imported("某市财政局（制）\n" + Self.body, options: ImportOptions(year: 2024, unitName: "测试单位"))
        #expect(issuer.unplaced.count == 1)
    }
}
