import Evaluation
import Foundation
@testable import Importing
import TestSupport
import Testing

/// Word documents (.docx): tables read like a workbook's sheets (w:gridSpan,
/// w:vMerge), the report read from its paragraphs with headings told by
/// their style or their numbers.
@Suite("A Word document (.docx)")
struct DocumentImportTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/python-docx-jilin-2024.docx")

    static func example() throws -> UnitEvaluation {
        try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit
    }

    @Test("the seed as Word tables (merged cells) and paragraphs imports like the pasted seed")
    func seedAsDocument() throws {
        let seed = try String(contentsOf: RepositoryPaths.seed, encoding: .utf8)
        let document = DOCXDocument.fromPaste(seed)
        let imported = try UnitImporter.importData(try document.data(), file: "自评.docx")
        let pasted = try UnitImporter.importData(Data(seed.utf8), file: "粘贴.txt")
        #expect(imported.unit.projects == pasted.unit.projects)
        #expect(imported.unit.department == pasted.unit.department)
        #expect(imported.unit.report == pasted.unit.report)
        #expect(imported.unit == (try Self.example()))
        #expect(imported.documents.first?.place.short.english == "table 1, row 1, column 1", "\(imported.documents.map(\.place))")
        #expect(imported.documents.first?.place.description == "自评.docx 表1 第1行第1列")
    }

    @Test("a report with heading styles (localized ids, names resolved through styles.xml) imports into the example's sections")
    func styledReport() throws {
        let report = try #require(try Self.example().report)
        var document = DOCXDocument()
        document.styles = [("1", "heading 1"), ("2", "标题 2"), ("a3", "Normal")]
        document.paragraph(report.title)
        func add(_ sections: [ReportSection], level: Int) {
            for (index, section) in sections.enumerated() {
                // Level-1 headings keep a written number, which is dropped.
                document.paragraph(level == 1 ? "\(["一", "二", "三", "四", "五"][index])、\(section.heading)" : section.heading, style: String(level))
                for paragraph in section.paragraphs { document.paragraph(paragraph, style: "a3") }
                add(section.sections, level: level + 1)
            }
        }
        add(report.sections, level: 1)
        let imported = try UnitImporter.importData(try document.data(), file: "报告.docx", options: ImportOptions(year: 2024, unitName: "柳河县政务服务和数字化建设管理局"))
        let read = try #require(imported.unit.report)
        #expect(read.title == report.title)
        #expect(read.sections.map(\.heading) == report.sections.map(\.heading))
        #expect(read.sections == report.sections)
    }

    @Test("deleted revisions are left out, inserted ones kept, w:tab a tab and w:br a line break")
    func revisionsTabsBreaks() throws {
        var document = DOCXDocument()
        document.styles = [("Heading1", "heading 1")]
        document.paragraph("部门整体支出绩效自评报告")
        document.paragraph("部门概况", style: "Heading1")
        document.blocks.append(.rawParagraph(#"<w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:tab/><w:t>制表</w:t><w:br/><w:t>换行。</w:t></w:r>"#))
        let imported = try UnitImporter.importData(try document.data(), file: "r.docx", options: ImportOptions(year: 2024, unitName: "u"))
        let section = try #require(imported.unit.report?.sections.first)
        #expect(section.heading == "部门概况")
        #expect(section.paragraphs == ["保留插入\t制表\n换行。"])
    }

    @Test("a table inside the report is part of it, one line per row; a form's table after it ends it")
    func tableInsideReport() throws {
        var document = DOCXDocument()
        document.styles = [("Heading1", "heading 1")]
        document.paragraph("部门整体支出绩效自评报告")
        document.paragraph("部分指标情况说明", style: "Heading1")
        document.table([[.init("指标"), .init("得分")], [.init("预算执行率"), .init("9")]])
        let imported = try UnitImporter.importData(try document.data(), file: "r.docx", options: ImportOptions(year: 2024, unitName: "u"))
        #expect(imported.unit.report?.sections.first?.paragraphs == ["指标 得分", "预算执行率 9"])
    }

    @Test("a document written by python-docx: forms from its tables, the report from its styled headings")
    func thirdPartyDocument() throws {
        let imported = try UnitImporter.importFile(at: Self.fixture)
        let example = try Self.example()
        #expect(imported.unit.name == example.name)
        #expect(imported.unit.year == 2024)
        #expect(imported.unit.projects == example.projects)
        #expect(imported.unit.department == example.department)
        #expect(imported.unit.report == example.report)
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map { $0.description(in: .english) })")
    }

    @Test("a vertical merge is recorded as covering the rows below, like a workbook's")
    func verticalMerge() {
        let rows: [DocumentBody.Row] = [
            DocumentBody.Row(cells: [.init(text: "资金情况", gridSpan: 1, verticalMerge: .restart), .init(text: "项目资金", gridSpan: 2)]),
            DocumentBody.Row(cells: [.init(text: "", gridSpan: 1, verticalMerge: .continue), .init(text: "当年财政拨款"), .init(text: "212.40")]),
            DocumentBody.Row(cells: [.init(text: "", gridSpan: 1), .init(text: "其他资金"), .init(text: "0.00")]),
        ]
        var numbering = CellNumbering()
        var context = ReadingContext(file: "t.docx")
        let grid = DocumentImporter.gridRows(rows, table: 2, file: "t.docx", numbering: &numbering, &context)
        #expect(grid.map { $0.cells.map(\.column) } == [[1, 2], [2, 3], [2, 3]])
        #expect(grid[1].isMergedFromAbove(1) == true)
        #expect(grid[2].isMergedFromAbove(1) == false)
        #expect(grid[1].cells[0].place.short.english == "table 2, row 2, column 2")
        #expect(grid[1].cells[0].place.short.chinese == "表2第2行第2列")
    }

    @Test("a damaged .docx is a clear bilingual error")
    func damaged() throws {
        let data = try Data(contentsOf: Self.fixture)
        for (name, bytes) in [("cut.docx", data.prefix(data.count / 2)), ("text.docx", Data("not a zip".utf8))] {
            do {
                _ = try UnitImporter.importData(Data(bytes), file: name)
                Issue.record("\(name) imported")
            } catch let error as ImportError {
                #expect(error.message.english.hasPrefix("\(name): error: the Word document is damaged or not a .docx file"), "\(error.message.english)")
                #expect(error.message.chinese.contains("Word文档已损坏"))
            }
        }
    }
}
