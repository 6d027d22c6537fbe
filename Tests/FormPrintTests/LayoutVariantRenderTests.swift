import Evaluation
import Foundation
import Layout
import Testing

@testable import FormPrint

/// The national 9-column form and user-edited variants, rendered to PDF and
/// read back with poppler.
@Suite(.serialized)
struct LayoutVariantRenderTests {
    func render(_ unit: URL, layouts: [DocumentKind: String], extraFolders: [URL] = []) throws -> [URL] {
        let renderer = try UnitRenderer(extraLayoutFolders: extraFolders)
        return try UnitFiles.render(unit, with: renderer, layouts: layouts, into: try temporaryFolder())
    }

    @Test func seedInTheNationalFormIsLandscapeWithEveryColumnAndValue() throws {
        let files = try render(exampleUnit, layouts: [.project: "project-national"])
        let project = try #require(files.first { $0.lastPathComponent.contains("项目支出") })
        let text = squeezed(try run("pdftotext", ["-raw", project.path, "-"]).output)
        expectContainsAll(text, [
            "项目支出绩效自评表", "（2024年度）", "项目名称", "主管部门", "实施单位", "项目资金", "（万元）",
            "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总和", "当年财政拨款",
            "212.40", "172.18", "81.06%", "年度总体", "预期目标", "实际完成情况", "一级指标", "二级指标", "三级指标",
            "年度指标值", "实际完成值", "偏差原因分析及改进措施", ">=148.万元", "14.4万元", "总分", "100",
            "单位负责人（签字）：", "财务负责人（签字）：", "填表人：", "联系电话：", "填报日期：", "（单位盖章）",
            // The 执行率 score the unit left empty, computed by the national
            // profile; the seed enters no indicator 分值, so no indicator 得分,
            // 总分 or 等级 is printed (docs/VALIDATION.md).
            "8.11", "评价等级：",
        ])
        #expect(!text.contains("nil"))
        let info = try run("pdfinfo", [project.path]).output
        #expect(info.contains("Pages:           1"))
        #expect(info.contains("841.89 x 595.276 pts (A4)") || info.contains("842 x 595 pts (A4)"), "\(info)")
        #expect(try run("qpdf", ["--check", project.path]).status == 0)
    }

    @Test func aCopiedAndEditedLayoutRendersWithoutRebuilding() throws {
        // A user copies the national layout, gives it an id, renames a
        // label, drops the 偏差原因 column and changes the footer.
        let folder = try temporaryFolder()
        let original = try String(contentsOf: repositoryRoot.appendingPathComponent("Layouts/project-national.yaml"), encoding: .utf8)
        var edited = original
            .replacingOccurrences(of: "id: project-national", with: "id: project-sichuan")
            .replacingOccurrences(of: "{text: 偏差原因分析及改进措施}", with: "")
            .replacingOccurrences(of: "        - {field: deviation, style: text}\n", with: "")
            .replacingOccurrences(of: ", 55mm]", with: "]")
            .replacingOccurrences(of: "{text: 年初预算数}", with: "{text: 年初预算}")
            .replacingOccurrences(of: "{text: \"{project.implementingUnit}\", span: 3, style: text}", with: "{text: \"{project.implementingUnit}\", span: 2, style: text}")
            .replacingOccurrences(of: "{text: 项目名称}, {text: \"{project.name}\", span: 8", with: "{text: 项目名称}, {text: \"{project.name}\", span: 7")
            .replacingOccurrences(of: "{text: 实际完成情况, span: 4}", with: "{text: 实际完成情况, span: 3}")
            .replacingOccurrences(of: "{text: \"{project.goal.actual}\", span: 4, style: text}", with: "{text: \"{project.goal.actual}\", span: 3, style: text}")
            .replacingOccurrences(of: "{text: \"{project.totalScore}\"}, {text: \"评价等级：{project.grade}\", style: text}]",
                                  with: "{text: \"{project.totalScore}\"}]")
            .replacingOccurrences(of: "{label: 单位负责人（签字）：", with: "{label: 项目负责人：")
        #expect(edited != original)
        // The funds rows are 7 cells over 8 columns: widen the source cell by one.
        edited = edited.replacingOccurrences(of: "{field: source, span: 2}", with: "{field: source, span: 1}")
            .replacingOccurrences(of: "[{text: \"\", span: 2}, {text: 年初预算}", with: "[{text: \"\", span: 1}, {text: 年初预算}")
        try edited.write(to: folder.appendingPathComponent("project-sichuan.yaml"), atomically: true, encoding: .utf8)
        let catalog = try LayoutCatalog.standard(adding: [folder])
        #expect(try catalog.spec("project-sichuan")?.file == folder.appendingPathComponent("project-sichuan.yaml").path)
        let files = try render(exampleUnit, layouts: [.project: "project-sichuan"], extraFolders: [folder])
        let project = try #require(files.first { $0.lastPathComponent.contains("项目支出") })
        let text = squeezed(try run("pdftotext", ["-raw", project.path, "-"]).output)
        #expect(text.contains("年初预算") && !text.contains("年初预算数"))
        #expect(text.contains("项目负责人：") && !text.contains("单位负责人"))
        #expect(!text.contains("偏差原因"))
        expectContainsAll(text, ["212.40", "81.06%", "优化政府部门", "14.4万元", "总分"])
    }

    @Test func aBrokenLayoutInTheFolderIsReportedWithFileAndLine() throws {
        let folder = try temporaryFolder()
        try "formprint-layout: 1\nid: bad\ndocument: project\npage: {size: A5}\ntable: {columns: [10mm], blocks: [{rows: [[{text: x}]]}], cellStyle: none}\n"
            .write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try LayoutCatalog.standard(adding: [folder])
            Issue.record("expected the broken layout to be rejected")
        } catch let error as LayoutError {
            let lines = english(error).split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix(folder.appendingPathComponent("bad.yaml").path + ":4:") && $0.contains("unknown page size 'A5'") })
            #expect(lines.contains { $0.contains(":5:") && $0.contains("unknown style 'none'") })
        }
    }
}
