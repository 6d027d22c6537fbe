import Evaluation
import Review
import Testing

/// Issue 14: a refund written "-12.5" was FP106 "not a number".
@Suite("Negative amounts are numbers")
struct NegativeAmountTests {
    @Test("-12.5 in 全年执行数 is not FP106, and the total adds it")
    func negativeExecuted() throws {
        let document = try unit("""
            projects:
              - name: 退款项目
                implementingUnit: 测试单位
                funds:
                  - {source: 当年财政拨款, initialBudget: 10.00, annualBudget: 10.00, executed: "20.00", executionRate: 200.00%}
                  - {source: 其他资金, initialBudget: 0, annualBudget: 0, executed: "-12.5", executionRate: "—"}
                  - {source: 年度资金总和, initialBudget: 10.00, annualBudget: 10.00, executed: "7.5", executionRate: 75.00%}
            """)
        #expect(try findings(document.unit, code: "FP106").isEmpty)
        #expect(try findings(document.unit, code: "FP201").isEmpty, "the total 7.5 is 20.00 + (-12.5)")
    }
}
