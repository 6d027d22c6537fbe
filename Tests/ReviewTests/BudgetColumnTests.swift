import Evaluation
import Foundation
import Review
import Testing

/// 执行率 divides by the budget column the form has: 全年预算数 nationally,
/// 调整后预算数 on the 四川 form (预算执行率 = 预算执行数 ÷ 调整后预算数), which
/// has no 全年预算数 column. Every check and the scoring read that column.
@Suite("The budget column 执行率 divides by (全年预算数 or 调整后预算数)")
struct BudgetColumnTests {
    /// A funds row as the 四川 form writes it: 年初预算, 调整后预算数, 预算执行数.
    func sichuanRow(_ source: String, _ initial: String, _ adjusted: String, _ executed: String, rate: String = "") -> FundsRow {
        var row = FundsRow(source: source, initialBudget: initial, executed: executed, executionRate: rate)
        row.setValue(adjusted, "adjustedBudget")
        return row
    }

    func sichuanFunds(totalRate: String = "97.50%") -> [FundsRow] {
        [
            sichuanRow("总额", "50.00", "48.00", "46.80", rate: totalRate),
            sichuanRow("其中：财政资金", "45.00", "43.00", "42.00", rate: "97.67%"),
            sichuanRow("财政专户管理资金", "0.00", "0.00", "0.00"),
            sichuanRow("单位资金", "5.00", "5.00", "4.80", rate: "96.00%"),
            sichuanRow("其他资金", "", "", ""),
        ]
    }

    @Test("a 四川 block is scored from 调整后预算数: no FP605, and no finding at all for consistent figures")
    func sichuanScored() throws {
        let unit = cleanUnit(funds: sichuanFunds())
        let scored = Scoring.scored(unit, profile: try profile("sichuan"))
        let card = try #require(scored.projects.first)
        #expect(card.executionRate == Decimal(string: "0.975"))
        #expect(card.execution.computed == Decimal(string: "9.75"))
        #expect(!scored.findings.contains { $0.rule == .scoreNeedsEvaluator && $0.message.english.contains("预算执行率") })
        #expect(try codes(unit, "sichuan").filter { $0.hasPrefix("FP2") || $0 == "FP501" || $0 == "FP605" } == [])
    }

    @Test("a wrong 四川 block still gets its findings, in the form's own terms")
    func sichuanWrong() throws {
        let rate = try findings(cleanUnit(funds: sichuanFunds(totalRate: "90.00%")), "sichuan", code: "FP202")
        #expect(rate.map(\.path.description) == ["projects[0].funds[0].executionRate"])
        #expect(rate.first?.message.english == "总额: 执行率 is 90.00% but 全年执行数 ÷ 调整后预算数 = 46.80 ÷ 48.00 = 97.50%")

        var rows = sichuanFunds()
        rows[0].setValue("50.00", "adjustedBudget")
        let total = try findings(cleanUnit(funds: rows), "sichuan", code: "FP201")
        #expect(total.map(\.path.description) == ["projects[0].funds[0].adjustedBudget"])

        rows = sichuanFunds()
        rows[3].setValue("", "adjustedBudget")
        rows[0].setValue("43.00", "adjustedBudget")
        #expect(try findings(cleanUnit(funds: rows), "sichuan", code: "FP501").map(\.message.english) == ["2024年测试项目 单位资金: 调整后预算数 is empty"])

        rows = sichuanFunds()
        rows[0].executed = "50.00"
        rows[0].executionRate = "104.17%"
        #expect(try codes(cleanUnit(funds: rows), "sichuan").contains("FP203"))
    }

    @Test("a block with 全年预算数 keeps dividing by it, even beside an 调整后预算数")
    func annualBudgetFirst() throws {
        var rows = funds()
        for index in rows.indices { rows[index].setValue("80.00", "adjustedBudget") }
        #expect(try codes(cleanUnit(funds: rows)).filter { $0.hasPrefix("FP2") } == [])
        let card = try #require(Scoring.scored(cleanUnit(funds: rows), profile: try profile("national")).projects.first)
        #expect(card.executionRate == Decimal(string: "0.9"))
    }
}
