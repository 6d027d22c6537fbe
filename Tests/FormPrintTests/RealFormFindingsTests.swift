import Evaluation
import Foundation
import Importing
import Review
import TestSupport
import Testing

@testable import FormPrint

/// Issue 22: a correct real form prints without false findings — and so
/// without 「草稿」 — while a wrong one still gets its finding.
@Suite("Real forms without false findings")
struct RealFormFindingsTests {
    func example(_ name: String, _ edit: (String) -> String = { $0 }) throws -> UnitDocument {
        let text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("Examples/\(name).yaml"), encoding: .utf8)
        return try UnitFileReader.read(text: edit(text), file: "\(name).yaml")
    }

    func findings(_ document: UnitDocument) throws -> [Finding] { try UnitChecker().check(document).findings }

    static let otherFunds = "      - {source: 其他资金, initialBudget: 0.00, annualBudget: 0.00, executed: 0.00}"

    @Test("the national form with 其他资金 left empty, \"—\" or \"/\" has no error: it does not print as 草稿",
          arguments: ["{source: 其他资金}", "{source: 其他资金, initialBudget: —, annualBudget: —, executed: —}",
                      "{source: 其他资金, initialBudget: /, annualBudget: /, executed: /, executionRate: /}"])
    func emptySourceRow(row: String) throws {
        let document = try example("national-2024") { $0.replacingOccurrences(of: Self.otherFunds, with: "      - \(row)") }
        #expect(document.unit.projects[0].funds.count == 4)
        let found = try findings(document)
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found.map { $0.message.english })")
        #expect(found.map(\.rule.code) == ["FP301"])
    }

    @Test("a source row with some money and an amount missing is still an error")
    func partlyFilledSourceRow() throws {
        let document = try example("national-2024") {
            $0.replacingOccurrences(of: Self.otherFunds, with: "      - {source: 其他资金, initialBudget: 5.00}")
        }
        let errors = try findings(document).filter { $0.severity == .error }
        #expect(errors.map(\.path.description).contains("projects[0].funds[3].annualBudget"))
        #expect(errors.map(\.path.description).contains("projects[0].funds[3].executed"))
    }

    @Test("the 四川 example: 预算执行率 is scored from 调整后预算数 (no FP605), only its 88% of ≥90% is reported")
    func sichuan() throws {
        let found = try findings(try example("sichuan-2024"))
        #expect(found.map(\.rule.code) == ["FP301"])
        let wrong = try findings(try example("sichuan-2024") { $0.replacingOccurrences(of: "executionRate: 97.50%", with: "executionRate: 95.00%") })
        #expect(wrong.map(\.rule.code).contains("FP202"))
    }
}
