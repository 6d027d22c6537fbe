import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// Schemas/unit.schema.json describes the unit file: the example and every
/// imported fixture validate against it, and it rejects what the reader rejects.
@Suite("The unit file JSON Schema")
struct UnitSchemaTests {
    static func schema() throws -> JSONValue {
        try JSONValue.parse(yaml: try String(contentsOf: RepositoryPaths.schema, encoding: .utf8))
    }

    func failures(_ yaml: String) throws -> [String] {
        try SchemaValidator(schema: try Self.schema()).validate(try JSONValue.parse(yaml: yaml)).map(\.description)
    }

    func expectValid(_ yaml: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let found = try failures(yaml)
        #expect(found.isEmpty, "\(what): \(found)", sourceLocation: sourceLocation)
    }

    @Test("the example unit file validates")
    func exampleValidates() throws {
        try expectValid(try String(contentsOf: RepositoryPaths.exampleUnit, encoding: .utf8), "Examples/liuhe-2024.yaml")
    }

    @Test("every imported fixture validates")
    func importedFixturesValidate() throws {
        let seed = try PastedTextImporter.importText(try String(contentsOf: RepositoryPaths.seed, encoding: .utf8), file: "seed.txt")
        try expectValid(UnitFileWriter.yaml(seed.unit), "the imported seed")
        let workbook = try WorkbookImporter.importWorkbook(try seedWorkbook().data(), file: "liuhe.xlsx")
        try expectValid(UnitFileWriter.yaml(workbook.unit), "the seed workbook")
        let national = try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [nationalSheet()]).data(), file: "n.xlsx")
        try expectValid(UnitFileWriter.yaml(national.unit), "the national form")
    }

    @Test("a unit with every field set validates (the schema knows every field the writer writes)")
    func everyFieldValidates() throws {
        let indicator = Indicator(name: "n", target: ">=1", actual: "1", weight: "10", score: "9", deviation: "d")
        let tree = [IndicatorCategory(name: "c", subcategories: [IndicatorSubcategory(name: "s", indicators: [indicator])])]
        let unit = UnitEvaluation(
            name: "u", year: 2024,
            projects: [Project(name: "p", implementingUnit: "i", competentDepartment: "c",
                               funds: [FundsRow(source: "s", initialBudget: "1", annualBudget: "1", executed: "1", executionRate: "100%", weight: "10", score: "10")],
                               goal: Goal(expected: "e", actual: "a"), indicators: tree, totalScore: "99", grade: "优")],
            department: DepartmentEvaluation(name: "d", annualGoal: "g", goalCompletion: "c",
                                             tasks: [MainTask(number: "1", name: "t", content: "c", completion: "d")], indicators: tree),
            report: Report(title: "r", sections: [ReportSection(heading: "h", paragraphs: ["p"],
                                                                tables: [ReportTable(title: "表1", header: [["项目", "金额"]], rows: [["收入", "376.36"]],
                                                                                     columns: [3, 1.5], afterParagraph: 1)],
                                                                sections: [ReportSection(heading: "h2")])],
                           signature: "s", date: "2025年3月1日", sealed: true,
                           attachments: [ReportAttachment(name: "项目表", form: .project(0)), ReportAttachment(name: "部门表", form: .department),
                                         ReportAttachment(name: "另行报送的材料")]),
            signatures: Signatures(unitHead: "a", financeHead: "b", projectLead: "c", preparer: "d", phone: "e", date: "f"),
            layouts: [.project: "project-jilin", .department: "department-jilin", .report: "report-gbt9704"])
        try expectValid(UnitFileWriter.yaml(unit), "every field")
        // And the reader gives back the same unit.
        #expect(try UnitFileReader.read(text: UnitFileWriter.yaml(unit), file: "every.yaml").unit == unit)
    }

    @Test("it rejects what the reader rejects", arguments: [
        ("formprint: 1\nunit: {name: x}\nyear: 2024\nprojets: []\n", "unknown field 'projets'"),
        ("formprint: 1\nyear: 2024\n", "missing required 'unit'"),
        ("formprint: 2\nunit: {name: x}\nyear: 2024\n", "must be"),
        ("formprint: 1\nunit: {name: x}\nyear: 24\n", "below"),
        ("formprint: 1\nunit: {name: x}\nyear: 2024\nprojects:\n  - {name: p, funds: [{initialBudget: 1}]}\n", "missing required 'source'"),
        ("formprint: 1\nunit: {name: x}\nyear: 2024\nreport: {title: t, sections: [{heading: h, paragraphs: [[1]]}]}\n", "expected string or number or null"),
    ])
    func rejects(yaml: String, expected: String) throws {
        let found = try failures(yaml)
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test("every field has a Chinese and an English description")
    func describedInBothLanguages() throws {
        var missing: [String] = []
        let schema = try Self.schema()
        /// A field's own description, or that of the definition it refers to.
        func description(_ field: JSONValue) -> JSONValue? {
            if let own = field["description"] { return own }
            guard case .string(let reference)? = field["$ref"] else { return nil }
            return schema["$defs"]?[String(reference.split(separator: "/").last!)]?["description"]
        }
        func visit(_ value: JSONValue, _ path: String) {
            guard case .object(let members) = value else { return }
            if let properties = value["properties"], case .object(let fields) = properties {
                for (name, field) in fields {
                    guard case .string(let text)? = description(field) else {
                        missing.append("\(path)/\(name): no description")
                        continue
                    }
                    let chinese = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                    let english = text.range(of: #"[A-Za-z]{3,}"#, options: .regularExpression) != nil
                    if !(chinese && english) { missing.append("\(path)/\(name): \(text)") }
                }
            }
            for (key, member) in members { visit(member, path + "/" + key) }
        }
        visit(schema, "")
        #expect(missing.isEmpty, "\(missing)")
    }
}
