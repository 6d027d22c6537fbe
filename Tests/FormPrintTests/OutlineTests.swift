import Evaluation
import Benchmarks
import Foundation
import Testing

@testable import FormPrint

/// Every PDF has an outline a reader can navigate, read back with qpdf
/// (`qpdf --json` lists /Outlines with each entry's page), not with our
/// own parser.
@Suite(.serialized)
struct OutlineTests {
    /// An outline entry as qpdf reads it: title, 1-based page, children.
    struct Entry: Equatable, CustomStringConvertible {
        var title: String
        var page: Int
        var kids: [Entry]
        var description: String { "\(title)@\(page)" + (kids.isEmpty ? "" : "\(kids)") }
    }

    static func outline(of pdf: URL) throws -> [Entry] {
        let result = try run("qpdf", ["--json", "--json-key=outlines", pdf.path])
        #expect(result.status == 0, "\(result.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        func entries(_ items: Any?) -> [Entry] {
            (items as? [[String: Any]] ?? []).map {
                Entry(title: $0["title"] as? String ?? "", page: $0["destpageposfrom1"] as? Int ?? 0, kids: entries($0["kids"]))
            }
        }
        return entries(json["outlines"])
    }

    static func renderReportWithAttachments() throws -> (folder: URL, files: [URL]) {
        let folder = try temporaryFolder()
        let unitFile = folder.appendingPathComponent("unit.yaml")
        try ReportAttachmentTests.unitText().write(to: unitFile, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(unitFile, with: try UnitRenderer(), options: RenderOptions(combined: true),
                                         into: folder.appendingPathComponent("out"))
        return (folder, files)
    }

    @Test func theReportsOutlineFollowsItsHeadingsAndAttachments() throws {
        let (_, files) = try Self.renderReportWithAttachments()
        let report = try #require(files.first { $0.lastPathComponent.hasSuffix("自评报告.pdf") })
        let outline = try Self.outline(of: report)
        #expect(outline.map(\.title) == ["一、部门概况", "二、部门绩效情况", "三、部分指标情况说明", "四、存在的问题和建议",
                                         "附件1 2024年政数局综合类项目支出绩效自评表", "附件2 部门整体支出绩效自评表"])
        #expect(outline[0].kids.map(\.title) == ["（一）机构职能及组成", "（二）人员情况", "（三）收支情况"])
        #expect(outline.map(\.page) == [1, 9, 10, 10, 11, 12])
        // Each heading's entry opens the page that prints it.
        for entry in outline.prefix(4) + outline[0].kids {
            let text = squeezed(try run("pdftotext", ["-f", "\(entry.page)", "-l", "\(entry.page)", report.path, "-"]).output)
            #expect(text.contains(squeezed(entry.title)), "\(entry.title) is not on page \(entry.page)")
        }
    }

    @Test func aFormsOutlineNamesTheFormAndOnALongFormEachFirstLevelGroup() throws {
        var generator = SyntheticUnits(seed: 7)
        let unit = generator.unit(number: 1, indicators: 90)
        let rendered = try UnitRenderer().render(UnitDocument(unit: unit, source: SourceMap(file: "long.yaml")), .project(index: 0))
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("long.pdf")
        try rendered.pdf.write(to: file)
        #expect(rendered.pageCount > 2)
        let outline = try Self.outline(of: file)
        #expect(outline.map(\.title) == ["项目支出绩效自评表 — \(unit.projects[0].name)"])
        #expect(outline.first?.page == 1)
        let groups = try #require(outline.first?.kids)
        // The 一级指标 in the order the form prints them, each once.
        #expect(groups.map(\.title) == unit.projects[0].indicators.map(\.name))
        #expect(groups.map(\.page) == groups.map(\.page).sorted())
        for group in groups {
            let text = squeezed(try run("pdftotext", ["-f", "\(group.page)", "-l", "\(group.page)", file.path, "-"]).output)
            #expect(text.contains(group.title), "\(group.title) is not on page \(group.page)")
        }
        #expect(try run("qpdf", ["--check", file.path]).status == 0)
    }

    @Test func aOnePageFormHasOneEntryNamingIt() throws {
        let folder = try temporaryFolder()
        let files = try UnitFiles.render(exampleUnit, with: try UnitRenderer(), options: RenderOptions(), into: folder)
        let department = try #require(files.first { $0.lastPathComponent.hasSuffix("自评表.pdf") && $0.lastPathComponent.contains("部门") })
        #expect(try Self.outline(of: department) == [Entry(title: "部门整体支出绩效自评表 — 柳河县政务服务和数字化建设管理局", page: 1, kids: [])])
    }

    @Test func theCombinedPDFNestsEachDocumentsOutline() throws {
        let (_, files) = try Self.renderReportWithAttachments()
        let combined = try #require(files.first { $0.lastPathComponent.hasSuffix("全部自评文档.pdf") })
        let outline = try Self.outline(of: combined)
        #expect(outline.map(\.title) == ["项目支出绩效自评表", "部门整体支出绩效自评表", "部门整体支出绩效自评报告"])
        #expect(outline.map(\.page) == [1, 2, 3])
        #expect(outline[0].kids.map(\.title) == ["2024年政数局综合类项目"])
        let report = try #require(outline.last)
        #expect(report.kids.first == Entry(title: "一、部门概况", page: 3, kids: [
            Entry(title: "（一）机构职能及组成", page: 3, kids: []), Entry(title: "（二）人员情况", page: 11, kids: []),
            Entry(title: "（三）收支情况", page: 11, kids: []),
        ]))
        #expect(report.kids.last == Entry(title: "附件2 部门整体支出绩效自评表", page: 14, kids: []))
        #expect(try run("qpdf", ["--check", combined.path]).status == 0)
    }
}
