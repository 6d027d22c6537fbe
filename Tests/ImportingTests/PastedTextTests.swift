import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// The pasted-text importer on small inputs: every repair and every
/// unplaced cell is a note with its line; headings are told from lists.
@Suite("Pasted text")
struct PastedTextTests {
    static let options = ImportOptions(year: 2024, unitName: "测试单位")

    func report(_ body: String) throws -> (Report, ImportedUnit) {
        let imported = try PastedTextImporter.importText("部门整体支出绩效自评报告\n" + body, file: "r.txt", options: Self.options)
        return (try #require(imported.unit.report), imported)
    }

    @Test("the seed's repairs are reported, each with its line, and nothing is left unplaced")
    func seedRepairsAreListed() throws {
        let imported = try PastedTextImporter.importText(try String(contentsOf: RepositoryPaths.seed, encoding: .utf8), file: "seed.txt")
        let lines = imported.repairs.map { note -> Int in
            guard case .text(_, let line, _) = note.place else { return 0 }
            return line
        }
        #expect(lines == [39, 61, 73, 75, 89, 93, 94, 95, 101, 103, 109, 115, 121, 127, 127, 127, 129, 133, 135, 145])
        #expect(imported.unplaced.isEmpty)
        #expect(imported.inferences.map { $0.description(in: .english) } == [
            "seed.txt:3:1: inferred: the 项目支出绩效自评表 is read as layout project-jilin: 17 of 17 of its labels are in place",
            "seed.txt:4:6: inferred: the evaluated year 2024 is taken from 项目名称 2024年政数局综合类项目",
            "seed.txt:21:1: inferred: the 部门整体支出绩效自评表 is read as layout department-jilin: 14 of 14 of its labels are in place",
            "seed.txt:22:6: inferred: the unit's name 柳河县政务服务和数字化建设管理局 is taken from 部门名称",
        ])
        #expect(imported.repairs.first { $0.text.english.contains("stray") }?.description(in: .english)
                == "seed.txt:133:1: repaired: removed the stray \"x\" after the heading 部门绩效情况")
    }

    @Test("numbered lines continuing a list stay paragraphs; the next number of the level is a heading")
    func headingsAndLists() throws {
        let (report, _) = try report("""
            一、概况
            （一）职责
            主要职责是：
            （一）负责甲。
            （二）负责乙。
            （三）负责丙。
            （二）人员
            1.编制
            编制 11 名。
            2.实有人数
            实有 10 人。
            二、绩效
            """)
        #expect(report.sections.map(\.heading) == ["概况", "绩效"])
        let overview = report.sections[0]
        #expect(overview.sections.map(\.heading) == ["职责", "人员"])
        #expect(overview.sections[0].paragraphs == ["主要职责是：", "（一）负责甲。", "（二）负责乙。", "（三）负责丙。"])
        #expect(overview.sections[1].sections.map(\.heading) == ["编制", "实有人数"])
        #expect(overview.sections[1].sections[1].paragraphs == ["实有 10 人。"])
    }

    @Test("text before the first heading is reported as unplaced, with its line")
    func preamble() throws {
        let (report, imported) = try report("根据要求，现将自评情况报告如下：\n一、概况\n正文。\n")
        #expect(report.sections.count == 1)
        #expect(imported.unplaced.map { $0.description(in: .english) } == [
            "r.txt:2:1: unplaced: \"根据要求，现将自评情况报告如下：\" comes before the report's first heading; the report has no place for it",
        ])
    }

    @Test("a closing 署名 and 成文日期 become the report's signature and date")
    func signatureAndDate() throws {
        let (report, imported) = try report("一、概况\n正文。\n柳河县政务服务和数字化建设管理局\n2025年3月1日\n")
        #expect(report.signature == "柳河县政务服务和数字化建设管理局")
        #expect(report.date == "2025年3月1日")
        #expect(report.sections[0].paragraphs == ["正文。"])
        #expect(imported.inferences.count == 2)
    }

    @Test("a paragraph ending a sentence is never joined to the next")
    func noJoinAfterSentenceEnd() throws {
        let (report, imported) = try report("一、概况\n第一段。\n\n第二段\n\n继续。\n")
        #expect(report.sections[0].paragraphs == ["第一段。", "第二段继续。"])
        #expect(imported.repairs.count == 1)
    }

    @Test("a report cover's 部门（单位）名称 line before the title names the unit and starts no form")
    func coverBeforeReport() throws {
        let text = "部门（单位）名称：某县审计局\n\n2024年度部门整体支出绩效自评报告\n一、部门概况\n某县审计局是县政府工作部门。\n"
        let imported = try PastedTextImporter.importText(text, file: "c.txt")
        #expect(imported.unit.name == "某县审计局")
        #expect(imported.unit.department == nil)
        #expect(imported.unit.report?.sections.first?.heading == "部门概况")
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map(\.message.chinese))")
    }

    @Test("a quoted cell holding a line break, as Excel copies it")
    func quotedCells() throws {
        let text = "项目支出绩效自评表\n项目名称\t\"第一行\n第二行\"\t\n实施单位\t某单位\n"
        let imported = try PastedTextImporter.importText(text, file: "q.txt", options: Self.options)
        #expect(imported.unit.projects.first?.name == "第一行\n第二行")
        #expect(imported.unit.projects.first?.implementingUnit == "某单位")
    }

    @Test("a cell under no header is reported with line and column")
    func unplacedCell() throws {
        let text = "项目支出绩效自评表\n项目名称\t甲\n实施单位\t乙\t备注\n"
        let imported = try PastedTextImporter.importText(text, file: "u.txt", options: Self.options)
        #expect(imported.unplaced.map { $0.description(in: .english) } == [
            "u.txt:3:8: unplaced: \"备注\" in the 项目支出绩效自评表 甲 fits no field; it is not in the unit file",
        ])
    }

    @Test("two projects in one paste, a year from （2023年度） and a unit from 填报单位")
    func twoProjectsAndDeclaredUnit() throws {
        let table = { (name: String) in "项目支出绩效自评表\n（2023年度）\n填报单位：某县财政局\n项目名称\t\(name)\n实施单位\t某中心\n" }
        let imported = try PastedTextImporter.importText(table("甲项目") + "\n" + table("乙项目"), file: "t.txt")
        #expect(imported.unit.projects.map(\.name) == ["甲项目", "乙项目"])
        #expect(imported.unit.year == 2023)
        #expect(imported.unit.name == "某县财政局")
        #expect(imported.unplaced.isEmpty)
    }
}
