import Evaluation
import Foundation
import Testing

@testable import FormPrint

/// End to end: the seed unit's three documents, checked with the real
/// poppler and qpdf tools.
@Suite(.serialized)
struct RenderSeedTests {
    static let rendered: Result<(folder: URL, files: [URL]), Error> = Result {
        let folder = try temporaryFolder()
        let renderer = try UnitRenderer()
        let files = try UnitFiles.render(exampleUnit, with: renderer, into: folder)
        return (folder, files)
    }

    func files() throws -> [URL] { try Self.rendered.get().files }

    func file(_ document: String) throws -> URL {
        try #require(try files().first { $0.lastPathComponent.contains(document) })
    }

    @Test func writesOnePDFPerDocumentWithReadableNames() throws {
        let names = try files().map { $0.pathComponents.suffix(2).joined(separator: "/") }
        #expect(names == [
            "柳河县政务服务和数字化建设管理局/2024_项目支出绩效自评表_2024年政数局综合类项目.pdf",
            "柳河县政务服务和数字化建设管理局/2024_部门整体支出绩效自评表.pdf",
            "柳河县政务服务和数字化建设管理局/2024_部门整体支出绩效自评报告.pdf",
        ])
    }

    @Test func projectFormContainsEverySeedValue() throws {
        let text = squeezed(try run("pdftotext", ["-raw", try file("项目支出").path, "-"]).output)
        let values = [
            "项目支出绩效自评表", "项目名称", "2024年政数局综合类项目", "实施单位", "柳河县政务服务和数字化建设管理局",
            "项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率", "当年财政拨款", "212.40", "172.18", "81.06%",
            "上年结转资金", "0.00", "0.00%", "其他资金", "年度资金总和", "预期目标", "实际完成情况",
            "为保证政务大厅正常运行，申请此项目。", "2024年预算212.4万元，实际执行数172.18万元，由于我县财政资金紧张，年末收回预算指标，申请历年执行。",
            "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
            "成本指标", "经济成本指标", "费用指标", "=56人", "56人", "产出指标", "数量指标", "费用成本", ">=148.万元", "148万元",
            "质量指标", "使用覆盖率", ">=100%", "100%", "时效指标", "完成时间", "=2025年", "2025年",
            "效益指标", "经济效益指标", "优化政府部门", ">=64.4万元", "14.4万元", "满意度指标", "职工满意度", ">=98%", "98%",
        ]
        expectContainsAll(text, values)
        // Labels the layout wraps over two lines.
        #expect(text.contains("资金情况"))
        #expect(text.contains("服务对象满意度"))
    }

    @Test func departmentFormContainsEverySeedValue() throws {
        let text = squeezed(try run("pdftotext", ["-raw", try file("部门整体支出绩效自评表").path, "-"]).output)
        let document = try UnitFiles.read(exampleUnit)
        let department = try #require(document.unit.department)
        var values = [department.name, department.annualGoal, department.goalCompletion]
        for task in department.tasks { values += [task.number, task.name, task.content, task.completion] }
        for category in department.indicators {
            values.append(category.name)
            for subcategory in category.subcategories {
                values.append(subcategory.name)
                for indicator in subcategory.indicators { values += [indicator.name, indicator.target, indicator.actual] }
            }
        }
        expectContainsAll(text, values)
        #expect(text.contains("=212.39万元"))
        #expect(text.contains(">95%"))
    }

    @Test func reportContainsEveryParagraphAndNumberedHeadings() throws {
        // Without the page numbers ("— 3 —"), which interrupt paragraphs that continue on the next page.
        let raw = try run("pdftotext", ["-raw", try file("自评报告").path, "-"]).output
        let text = squeezed(raw.split(separator: "\n").filter { !($0.hasPrefix("—") && $0.hasSuffix("—")) }.joined())
        let report = try #require(try UnitFiles.read(exampleUnit).unit.report)
        func paragraphs(_ sections: [ReportSection]) -> [String] {
            sections.flatMap { $0.paragraphs + paragraphs($0.sections) }
        }
        for paragraph in paragraphs(report.sections) {
            let found = text.contains(squeezed(paragraph))
            #expect(found, "missing paragraph \(paragraph.prefix(20))")
        }
        for heading in ["一、部门概况", "（一）机构职能及组成", "（二）人员情况", "（三）收支情况", "二、部门绩效情况",
                        "（二）部门重点工作任务完成情况", "三、部分指标情况说明", "四、存在的问题和建议"] {
            #expect(text.contains(heading), "missing heading \(heading)")
        }
        #expect(!text.contains("部门绩效情况x"))
    }

    @Test func pagesAreA4() throws {
        for file in try files() {
            let info = try run("pdfinfo", [file.path]).output
            #expect(info.contains("595.276 x 841.89 pts (A4)"), "\(file.lastPathComponent): \(info)")
        }
    }

    @Test func everyFontIsAnEmbeddedSubsetOfABundledFace() throws {
        let bundled = ["NotoSerifCJKsc-Regular", "NotoSerifCJKsc-Bold", "NotoSansCJKsc-Regular", "FandolFang-Regular", "LXGWWenKai-Regular"]
        for file in try files() {
            let lines = try run("pdffonts", [file.path]).output.split(separator: "\n").dropFirst(2)
            #expect(!lines.isEmpty)
            for line in lines {
                let columns = line.split(separator: " ", omittingEmptySubsequences: true)
                let name = String(columns[0])
                // ABCDEF+Family-Style: a subset tag, then a bundled face.
                let parts = name.split(separator: "+")
                #expect(parts.count == 2 && parts[0].count == 6, "\(name) is not a subset")
                #expect(bundled.contains(String(parts.last!)), "\(name) is not a bundled font")
                #expect(line.contains("TrueType"), "\(name) should have TrueType outlines")
                // emb and sub columns
                #expect(columns.suffix(5).prefix(2) == ["yes", "yes"], "\(name) not embedded as a subset: \(line)")
            }
        }
    }

    @Test func passesQpdfCheck() throws {
        for file in try files() {
            let result = try run("qpdf", ["--check", file.path])
            #expect(result.status == 0, "\(file.lastPathComponent): \(result.output)")
        }
    }

    @Test func twoRendersAreByteIdentical() throws {
        let renderer = try UnitRenderer()
        let document = try UnitFiles.read(exampleUnit)
        let first = try renderer.render(document)
        let second = try UnitRenderer().render(document)
        #expect(first.count == 3)
        for (a, b) in zip(first, second) {
            #expect(a.pdf == b.pdf, "\(a.relativePath) differs between renders")
        }
        // The creation date is fixed by the input, not the clock.
        let info = try run("pdfinfo", [try file("项目支出").path]).output
        #expect(info.contains("CreationDate:    Wed Jan  1 00:00:00 2025 UTC"))
    }
}

/// Every value, whitespace ignored, appears in the extracted `text`.
func expectContainsAll(_ text: String, _ values: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for value in values {
        let found = text.contains(squeezed(value))
        #expect(found, "missing \(value)", sourceLocation: sourceLocation)
    }
}
