import Evaluation
import Foundation
import Testing
import TestSupport

@testable import Batch
@testable import FormPrint

/// The officer's Word and old Excel files go through the same facade as a
/// workbook: read, render, and the report's headings become the PDF outline.
@Suite(.serialized)
struct DocumentInputTests {
    static let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/ImportingTests/Fixtures")

    @Test func aWordReportRendersWithItsStyledHeadingsInThePDFOutline() throws {
        let folder = try temporaryFolder()
        let url = Self.fixtures.appendingPathComponent("python-docx-jilin-2024.docx")
        // Read as the CLI and the batch read an officer's file: imported in memory.
        let renderer = try UnitRenderer()
        let document = try UnitFiles.read(try Data(contentsOf: url), file: url.path, fields: try renderer.catalog.fields)
        let files = try UnitFiles.write(try renderer.render(document, options: RenderOptions()), into: folder.appendingPathComponent("out"))
        let report = try #require(files.first { $0.lastPathComponent.hasSuffix("自评报告.pdf") }, "\(files.map(\.lastPathComponent))")
        let outline = try OutlineTests.outline(of: report)
        #expect(outline.map(\.title) == ["一、部门概况", "二、部门绩效情况", "三、部分指标情况说明", "四、存在的问题和建议"])
        #expect(outline.first?.kids.map(\.title) == ["（一）机构职能及组成", "（二）人员情况", "（三）收支情况"])
        #expect(files.contains { $0.lastPathComponent.contains("项目支出绩效自评表") }, "\(files.map(\.lastPathComponent))")
    }

    @Test func anOldExcelWorkbookIsReadByTheFacade() throws {
        let url = Self.fixtures.appendingPathComponent("xlwt-jilin-2024.xls")
        let document = try UnitFiles.read(try Data(contentsOf: url), file: url.path, lenient: true)
        #expect(document.unit.projects.first?.name == "2024年政数局综合类项目")
        #expect(BatchPlan.unitExtensions.isSuperset(of: ["xls", "docx"]))
    }
}
