import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// The seed unit file and its parsed document.
func readSeed() throws -> (text: String, file: String, document: UnitDocument) {
    let url = RepositoryPaths.exampleUnit
    let text = try String(contentsOf: url, encoding: .utf8)
    let document = try UnitFileReader.read(text: text, file: "liuhe-2024.yaml")
    return (text, "liuhe-2024.yaml", document)
}

/// 1-based number of the first line of `text` that contains `needle`.
func lineNumber(of needle: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
}

@Suite("The seed unit file (Examples/liuhe-2024.yaml)")
struct SeedUnitFileTests {
    @Test("unit name and evaluated year")
    func unitAndYear() throws {
        let unit = try readSeed().document.unit
        #expect(unit.name == "柳河县政务服务和数字化建设管理局")
        #expect(unit.year == 2024)
        #expect(unit.layouts.isEmpty)
    }

    @Test("one project with its name and implementing unit")
    func project() throws {
        let unit = try readSeed().document.unit
        #expect(unit.projects.count == 1)
        let project = try #require(unit.projects.first)
        #expect(project.name == "2024年政数局综合类项目")
        #expect(project.implementingUnit == "柳河县政务服务和数字化建设管理局")
        #expect(project.competentDepartment == "")
        #expect(project.goal.expected == "为保证政务大厅正常运行，申请此项目。")
    }

    @Test("funds are kept as written: 212.40 stays \"212.40\", 81.06% stays \"81.06%\"")
    func fundsKeptAsText() throws {
        let funds = try #require(try readSeed().document.unit.projects.first).funds
        #expect(funds.map(\.source) == ["当年财政拨款", "上年结转资金", "其他资金", "年度资金总和"])
        let first = try #require(funds.first)
        #expect(first.initialBudget == "212.40")
        #expect(first.initialBudget != "212.4")
        #expect(first.annualBudget == "212.40")
        #expect(first.executed == "172.18")
        #expect(first.executionRate == "81.06%")
        #expect(funds[1].initialBudget == "0.00")
        #expect(funds[1].executionRate == "0.00%")
        #expect(funds[3].initialBudget == "212.40")
    }

    @Test("project indicators: the tree and the verbatim targets")
    func projectIndicators() throws {
        let indicators = try #require(try readSeed().document.unit.projects.first).indicators
        #expect(indicators.map(\.name) == ["成本指标", "产出指标", "效益指标", "满意度指标"])
        #expect(indicators[1].subcategories.map(\.name) == ["数量指标", "质量指标", "时效指标"])
        let costIndicator = indicators[1].subcategories[0].indicators[0]
        #expect(costIndicator.name == "费用成本")
        #expect(costIndicator.target == ">=148.万元")
        #expect(costIndicator.actual == "148万元")
        #expect(indicators[1].subcategories[2].indicators[0].target == "=2025年")
        #expect(indicators[2].subcategories[0].indicators[0].target == ">=64.4万元")
        #expect(indicators[2].subcategories[0].indicators[0].actual == "14.4万元")
        let total = indicators.flatMap(\.subcategories).flatMap(\.indicators).count
        #expect(total == 6)
    }

    @Test("department form: tasks and indicators")
    func department() throws {
        let department = try #require(try readSeed().document.unit.department)
        #expect(department.name == "柳河县政务服务和数字化建设管理局")
        #expect(department.tasks.count == 1)
        #expect(department.tasks.first?.number == "1")
        #expect(department.tasks.first?.name == "2024年非统发人员工资")
        #expect(department.indicators.map(\.name) == ["产出指标", "效益指标"])
        let costRow = department.indicators[0].subcategories[2]
        #expect(costRow.name == "成本指标")
        #expect(costRow.indicators.first?.target == "=212.39万元")
        #expect(costRow.indicators.first?.actual == "172.18万元")
        #expect(department.indicators[1].subcategories[0].indicators.first?.target == ">95%")
    }

    @Test("report: title and top-level headings, stored without numbers")
    func report() throws {
        let report = try #require(try readSeed().document.unit.report)
        #expect(report.title == "部门整体支出绩效自评报告")
        #expect(report.sections.map(\.heading) == ["部门概况", "部门绩效情况", "部分指标情况说明", "存在的问题和建议"])
        #expect(report.sections[0].sections.map(\.heading) == ["机构职能及组成", "人员情况", "收支情况"])
        #expect(report.sections[3].paragraphs == ["无"])
        #expect(report.signature == "")
    }

    @Test("the source map points projects[0].name at its line")
    func sourceMap() throws {
        let (text, file, document) = try readSeed()
        let path = FieldPath("projects").appending(0).appending("name")
        let location = try #require(document.source.location(of: path))
        let expectedLine = try #require(lineNumber(of: "- name: 2024年政数局综合类项目", in: text))
        #expect(location.file == file)
        #expect(location.line == expectedLine)
        #expect(location.line == 28)
        // The value starts after "  - name: " (1-based column).
        #expect(location.column == 11)

        let rate = FieldPath("projects").appending(0).appending("funds").appending(0).appending("executionRate")
        #expect(document.source.location(of: rate)?.line == lineNumber(of: "executionRate: 81.06%", in: text))
        // An unrecorded path falls back to its nearest recorded ancestor.
        let unknown = FieldPath("projects").appending(0).appending("noSuchField")
        #expect(document.source.location(of: unknown)?.line == location.line)
    }
}

@Suite("Scores in unit files")
struct ScoresInUnitFileTests {
    @Test("a project's 总分 and 等级 read as written; absent means empty")
    func totalAndGrade() throws {
        let text = unitFile(project: "  - name: 项目甲\n    totalScore: \"87.35\"\n    grade: 良")
        let project = try #require(try UnitFileReader.read(text: text, file: "unit.yaml").unit.projects.first)
        #expect(project.totalScore == "87.35")
        #expect(project.grade == "良")
        #expect(try readSeed().document.unit.projects.first?.grade == "")
    }
}
