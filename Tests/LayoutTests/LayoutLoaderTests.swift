import Evaluation
import Foundation
import Layout
import Testing

/// The problems of loading `text`; records an issue if it loads.
func loadProblems(_ text: String, file: String = "broken.yaml") -> [LayoutProblem] {
    do {
        _ = try LayoutLoader.load(text: text, file: file)
        Issue.record("expected the layout to be rejected")
        return []
    } catch {
        return error.problems
    }
}

/// The real layout files shipped in Layouts/.
func realLayoutFiles() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: layoutsFolder().path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") && $0 != "fields.yaml" }.sorted()
}

@Suite("Loading layout files")
struct LayoutLoaderTests {
    @Test("the seed layouts and the national project form are shipped")
    func shippedLayouts() {
        #expect(Set(realLayoutFiles()).isSuperset(of: ["project-jilin.yaml", "project-national.yaml", "department-jilin.yaml", "report-gbt9704.yaml"]))
    }

    @Test("every real layout file loads", arguments: realLayoutFiles())
    func realLayoutLoads(file: String) throws {
        let layout = try loadLayout(file)
        #expect(layout.id == file.replacingOccurrences(of: ".yaml", with: ""))
        let landscape: Set<String> = ["project-national.yaml", "project-national-ab.yaml", "project-sichuan.yaml",
                                      "department-fujian.yaml", "department-chongqing.yaml"]
        #expect(layout.page.size == (landscape.contains(file) ? .a4Landscape : .a4Portrait))
        #expect(!layout.name.isEmpty)
    }

    @Test("project-jilin: six columns filling the 165 mm measure, four blocks")
    func projectLayout() throws {
        let layout = try loadLayout("project-jilin.yaml")
        #expect(layout.document == .project)
        let table = try tableSpec(layout)
        #expect(table.columns.count == 6)
        #expect(abs(table.columns.reduce(.zero, +).millimetres - 165) < 0.001)
        #expect(abs(layout.page.contentRect.size.width.millimetres - 165) < 0.001)
        #expect(table.blocks.count == 4)
        #expect(table.blocks[1].repeated?.collection == .projectFunds)
        #expect(table.blocks[2].keepTogether)
        #expect(table.blocks[3].repeated?.collection == .projectIndicators)
        #expect(table.blocks[3].repeated?.row.cells.map(\.merge) == [true, true, false, false, false])
        #expect(table.title.first?.style.size == .pt(18))
        #expect(table.title.first?.style.bold == true)
    }

    @Test("department-jilin is a department form with tasks and indicators")
    func departmentLayout() throws {
        let layout = try loadLayout("department-jilin.yaml")
        #expect(layout.document == .department)
        let table = try tableSpec(layout)
        #expect(table.columns.count == 6)
        #expect(table.blocks.compactMap(\.repeated?.collection) == [.departmentTasks, .departmentIndicators])
    }

    @Test("report-gbt9704: GB/T 9704 numbers")
    func reportLayout() throws {
        let layout = try loadLayout("report-gbt9704.yaml")
        #expect(layout.document == .report)
        let flow = try flowSpec(layout)
        #expect(flow.headings.map(\.numbering) == [.chineseComma, .chineseParenthesized, .arabicDot, .arabicParenthesized])
        #expect(flow.headings.map(\.style.family) == [.hei, .kai, .fang, .fang])
        #expect(flow.body.family == .fang)
        #expect(flow.body.size == .pt(16))
        #expect(flow.body.tracking == .pt(-0.21))
        #expect(flow.lineHeight == .pt(28.99))
        #expect(flow.firstLineIndent == 2)
        #expect(flow.pageNumber?.format == "— {page} —")
        #expect(flow.pageNumber?.alternate == true)
        #expect(abs(layout.page.contentRect.size.width.millimetres - 156) < 0.001)
        #expect(abs(layout.page.contentRect.size.height.millimetres - 225) < 0.001)
    }

    static let broken = """
        formprint-layout: 1
        id: broken
        document: project
        name: broken
        orign: typo
        page:
          size: A4
          margins: {top: 20mm, bottom: 18mm, left: 25mm, right: 20mm}
        styles:
          label: {family: song, size: 10.5pt, align: center}
          value: {family: song, size: 10.5pt, align: center}
        table:
          columns: [40mm, 40mm, 40mm, 40mm, 40mm, 40mm]
          cellStyle: label
          blocks:
            - rows:
                - [{text: 项目名称}, {text: "{project.nmae}", span: 5}]
                - [{text: 实施单位}, {text: x, span: 4}]
                - [{text: 备注, style: vaule}, {text: y, span: 5}]
            - side: {text: 绩效指标}
              each: project.indicators
              row:
                - {field: category, merge: true}
                - {field: subcategory, merge: true}
                - {field: name, merge: true}
                - {field: tagret, style: value}
                - {field: actual, style: value}
        """

    @Test("a broken layout reports every problem at once, each with file:line and a hint")
    func everyProblemAtOnce() throws {
        let problems = loadProblems(Self.broken)
        func find(_ message: String) -> LayoutProblem? { problems.first { $0.message.english.contains(message) } }

        let columns = try #require(find("the columns add up to"))
        #expect(columns.location.line == 13)
        #expect(columns.message.english.contains("wider than the page"))
        #expect(columns.message.english.contains("165.0mm"))
        #expect(columns.hint.english.contains("A4-landscape"))

        let placeholder = try #require(find("unknown field '{project.nmae}'"))
        #expect(placeholder.location.line == 17)
        #expect(placeholder.hint.english == "did you mean '{project.name}'?")

        let span = try #require(find("the row covers 5 columns but 6 are available"))
        #expect(span.location.line == 18)
        #expect(span.hint.english.contains("add up to 6"))

        let style = try #require(find("unknown style 'vaule'"))
        #expect(style.location.line == 19)
        #expect(style.hint.english == "did you mean 'value'?")

        // Any field of a repeated row may merge (issue 26): `name` too.
        #expect(find("'merge'") == nil)

        let field = try #require(find("unknown field 'tagret'"))
        #expect(field.location.line == 26)
        #expect(field.message.english.contains("project.indicators"))
        #expect(field.hint.english == "did you mean 'target'（年度指标值）?")

        let topLevel = try #require(find("unknown field 'orign'"))
        #expect(topLevel.location.line == 5)
        #expect(topLevel.hint.english == "did you mean 'origin'?")

        #expect(problems.count == 6, "\(problems.map(\.description).joined(separator: "\n"))")
        for problem in problems {
            #expect(problem.location.file == "broken.yaml")
            #expect(problem.description(in: .english).hasPrefix("broken.yaml:\(problem.location.line):\(problem.location.column): error:"))
            #expect(!problem.hint.english.isEmpty, "no hint for \(problem)")
        }
        // The error's description lists them all, one per line.
        let error = LayoutError(problems: problems)
        #expect(english(error).split(separator: "\n").count == problems.count)
    }

    @Test("a placeholder of another document kind is rejected")
    func placeholderOfOtherDocument() throws {
        let text = Self.broken
            .replacingOccurrences(of: "{project.nmae}", with: "{department.name}")
        let problem = try #require(loadProblems(text).first { $0.message.english.contains("{department.name}") })
        #expect(problem.message.english == "unknown field '{department.name}' for a project layout")
        #expect(problem.location.line == 17)
    }

    @Test("a form layout must be a table and a report layout a flow")
    func bodyMatchesDocument() throws {
        let reportWithTable = Self.broken.replacingOccurrences(of: "document: project", with: "document: report")
        #expect(reportWithTable != Self.broken)
        #expect(loadProblems(reportWithTable).contains { $0.message.english == "a report layout is a 'flow', not a 'table'" })
        let report = try String(contentsOf: layoutsFolder().appendingPathComponent("report-gbt9704.yaml"), encoding: .utf8)
        let formWithFlow = report.replacingOccurrences(of: "document: report", with: "document: project")
        #expect(loadProblems(formWithFlow).contains { $0.message.english == "a project form is a 'table', not a 'flow'" })
    }

    @Test("an unknown collection for 'each' suggests the nearest list")
    func unknownCollection() throws {
        let text = Self.broken.replacingOccurrences(of: "each: project.indicators", with: "each: project.indicator")
        let problem = try #require(loadProblems(text).first { $0.message.english.contains("unknown list") })
        #expect(problem.location.line == 21)
        #expect(problem.hint.english == "did you mean 'project.indicators'?")
    }

    @Test("YAML syntax errors in a layout are located")
    func syntaxError() throws {
        let problems = loadProblems("formprint-layout: 1\nid: x\ndocument: project: oops\n")
        #expect(problems.count == 1)
        #expect(problems.first?.location.line == 3)
    }

    @Test("a missing page section is reported in words, with the other problems")
    func missingPage() throws {
        let text = Self.broken.replacingOccurrences(of: "page:\n  size: A4\n  margins: {top: 20mm, bottom: 18mm, left: 25mm, right: 20mm}\n", with: "")
        let problems = loadProblems(text)
        let page = try #require(problems.first { $0.message.english.contains("'page'") })
        #expect(page.message.english == "missing required field 'page'")
        #expect(page.hint.english == "add 'page: …' here")
        #expect(page.location.line == 1)
        // The other problems are still all found.
        #expect(problems.contains { $0.message.english.contains("unknown field 'tagret'") })
        #expect(problems.contains { $0.message.english.contains("unknown style 'vaule'") })
    }

    @Test("a wrong type inside a layout is reported in words")
    func wrongTypeInWords() throws {
        let text = Self.broken.replacingOccurrences(of: "name: broken", with: "name: [a, b]")
        let problem = try #require(loadProblems(text).first { $0.path.description == "name" })
        #expect(problem.message.english == "must be text, found a list")
        #expect(problem.location.line == 4)
        #expect(!problem.description(in: .english).contains("wrongType("))
    }

    @Test("a block without rows is still reported; a block whose row is broken is not called empty")
    func emptyBlock() throws {
        let text = Self.broken + "\n    - side: {text: 空}\n"
        let problems = loadProblems(text)
        let empty = problems.filter { $0.message.english == "the block has no rows" }
        #expect(empty.count == 1)
        #expect(empty.first?.path.description == "table.blocks[2]")
        #expect(empty.first?.location.line == 28)
    }
}
