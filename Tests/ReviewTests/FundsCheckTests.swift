import Evaluation
import Review
import Testing

/// FP2xx: each rule triggered, and not triggered by the nearest clean case.
@Suite("Funds checks (FP2xx)")
struct FundsCheckTests {
    @Test("a clean unit has no findings at all, with either profile")
    func cleanBaseline() throws {
        #expect(try codes(cleanUnit()) == [])
        #expect(try codes(cleanUnit(department: cleanDepartment()), "national") == [])
    }

    @Test("FP201: the total row is not the sum of its sources, per column")
    func totalNotSum() throws {
        var rows = funds()
        rows.insert(FundsRow(source: "其他资金", initialBudget: "5.00", annualBudget: "5.00", executed: "0.00", executionRate: "0.00%"), at: 1)
        let found = try findings(cleanUnit(funds: rows), code: "FP201")
        #expect(found.map(\.path.description) == ["projects[0].funds[2].initialBudget", "projects[0].funds[2].annualBudget"])
        #expect(found.first?.message.english == "年度资金总额 年初预算数 is 100.00 but its sources add up to 105.00 (当年财政拨款 100.00 + 其他资金 5.00)")
        #expect(found.first?.severity == .error)
    }

    @Test("FP201 not triggered: the total first (national order), blanks and dashes counted as 0")
    func totalFirst() throws {
        let rows = [
            FundsRow(source: "年度资金总额", initialBudget: "100.00", annualBudget: "100.00", executed: "90.00", executionRate: "90.00%"),
            FundsRow(source: "其中：当年财政拨款", initialBudget: "100.00", annualBudget: "100.00", executed: "90.00", executionRate: "90.00%"),
            FundsRow(source: "上年结转资金", initialBudget: "—", annualBudget: "", executed: "0", executionRate: "—"),
        ]
        #expect(try codes(cleanUnit(funds: rows)).filter { $0.hasPrefix("FP2") } == [])
    }

    @Test("FP202: 执行率 printed is not 全年执行数 ÷ 全年预算数")
    func rateMismatch() throws {
        let found = try findings(cleanUnit(funds: funds(rate: "91.00%")), code: "FP202")
        #expect(found.count == 2)
        #expect(found.first?.message.english == "当年财政拨款: 执行率 is 91.00% but 全年执行数 ÷ 全年预算数 = 90.00 ÷ 100.00 = 90.00%")
    }

    @Test("FP202 not triggered: the rate at the precision printed, as a fraction, or 0 budget with 0.00%",
          arguments: ["90.00%", "90%", "90.0%", "0.9", "90"])
    func rateAgrees(rate: String) throws {
        #expect(try codes(cleanUnit(funds: funds(rate: rate))).contains("FP202") == false)
    }

    @Test("FP202 rounds like the forms: 172.18 ÷ 212.40 is 81.06%, not 81.07%")
    func seedRate() throws {
        #expect(try codes(cleanUnit(funds: funds(budget: "212.40", executed: "172.18", rate: "81.06%"))) == [])
        #expect(try codes(cleanUnit(funds: funds(budget: "212.40", executed: "172.18", rate: "81.07%"))) == ["FP202", "FP202"])
    }

    @Test("FP203: 全年执行数 above 全年预算数; not when equal")
    func executedAboveBudget() throws {
        #expect(try codes(cleanUnit(funds: funds(executed: "120.00", rate: "120.00%"))) == ["FP203", "FP203"])
        #expect(try codes(cleanUnit(funds: funds(executed: "100.00", rate: "100.00%"))) == [])
    }

    @Test("FP204: a zero budget with execution; not with zero execution")
    func executedWithoutBudget() throws {
        let found = try findings(cleanUnit(funds: funds(budget: "0.00", executed: "5.00", rate: "—")), code: "FP204")
        #expect(found.count == 2)
        #expect(found.first?.message.english == "当年财政拨款: 全年预算数 is 0 but 全年执行数 is 5.00")
        #expect(try codes(cleanUnit(funds: funds(budget: "0.00", executed: "0.00", rate: "0.00%"))).filter { $0.hasPrefix("FP2") } == [])
    }

    @Test("FP205: several sources and no total row; a single row is its own total")
    func noTotalRow() throws {
        let rows = [
            FundsRow(source: "当年财政拨款", initialBudget: "100.00", annualBudget: "100.00", executed: "90.00", executionRate: "90.00%"),
            FundsRow(source: "其他资金", initialBudget: "0.00", annualBudget: "0.00", executed: "0.00", executionRate: "0.00%"),
        ]
        #expect(try codes(cleanUnit(funds: rows)).contains("FP205"))
        #expect(try codes(cleanUnit(funds: [rows[0]])) == [])
    }

    @Test("labels that mark the total row", arguments: ["年度资金总额", "年度资金总和", "合计", "总 计", "资金总额"])
    func totalLabels(label: String) throws {
        var rows = funds()
        rows[1].source = label
        #expect(try codes(cleanUnit(funds: rows)) == [])
    }
}
