import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// The unit-file writer: what it writes reads back as the same model.
@Suite("Writing unit files")
struct UnitFileWriterTests {
    func roundTrip(_ unit: UnitEvaluation, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let text = UnitFileWriter.yaml(unit, header: ["a header comment", "", "line two"])
        let reread = try UnitFileReader.read(text: text, file: "written.yaml").unit
        #expect(reread == unit, sourceLocation: sourceLocation)
        // Writing the re-read unit gives the same bytes: the layout is stable.
        #expect(UnitFileWriter.yaml(reread, header: ["a header comment", "", "line two"]) == text, sourceLocation: sourceLocation)
        return text
    }

    @Test("the example unit file round-trips")
    func exampleRoundTrips() throws {
        let example = try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit
        let text = try roundTrip(example)
        #expect(text.hasPrefix("# a header comment\n#\n# line two\nformprint: 1"))
        #expect(text.contains("- {name: 费用成本, target: \">=148.万元\", actual: 148万元}"))
        #expect(text.contains("initialBudget: 212.40"))
    }

    @Test("the imported seed round-trips")
    func importedSeedRoundTrips() throws {
        let imported = try PastedTextImporter.importText(try String(contentsOf: RepositoryPaths.seed, encoding: .utf8), file: "seed.txt")
        _ = try roundTrip(imported.unit)
    }

    @Test("values YAML would misread are quoted and come back as written")
    func awkwardValuesRoundTrip() throws {
        let awkward = [
            "", " leading space", "trailing space ", "null", "~", "true", "No", "- dash", "a: b", "x #y", "#hash",
            ">=98%", "=56人", "[1]", "{x}", "a, b", "*star", "&anchor", "!tag", "|pipe", "'single'", "\"double\"",
            "line\nbreak", "tab\there", "back\\slash", "\u{3000}全角空格", "0.00",
            "212.40", "81.06%", "1e5", "0x1F", "2024-01-01", "12:30", "@at", "`tick", "%pct", "?q", ":colon", "end:",
        ]
        var indicators: [Indicator] = []
        for (index, value) in awkward.enumerated() {
            indicators.append(Indicator(name: "指标\(index)", target: value, actual: value, weight: value, score: value, deviation: value))
        }
        let unit = UnitEvaluation(
            name: "测试单位", year: 2024,
            projects: [Project(name: "a: b", implementingUnit: "null", competentDepartment: " x",
                               funds: awkward.map { FundsRow(source: $0, initialBudget: $0, executionRate: $0) },
                               goal: Goal(expected: "line\nbreak", actual: "#"),
                               indicators: [IndicatorCategory(name: "- 产出", subcategories: [IndicatorSubcategory(name: "", indicators: indicators)])],
                               totalScore: "85.5")],
            department: DepartmentEvaluation(name: "[部门]", tasks: [MainTask(number: "", name: "无序号"), MainTask(number: "01", name: "x")]),
            report: Report(title: "报告", sections: [ReportSection(heading: "\"引号\"", paragraphs: awkward.filter { !$0.isEmpty },
                                                                 sections: [ReportSection(heading: "", paragraphs: [])])],
                           signature: "单位", date: "2025年3月1日"),
            signatures: Signatures(unitHead: "张三", financeHead: "", projectLead: "李四", preparer: "王五", phone: "0435-1234567", date: "2025/3/1"),
            layouts: [.project: "project-jilin", .report: "report-gbt9704"])
        _ = try roundTrip(unit)
    }
}
