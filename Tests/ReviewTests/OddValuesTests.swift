import Evaluation
import Foundation
import Review
import Testing

/// Odd and hostile values anywhere a number is expected: every check and the
/// scoring finish, and the scored copy keeps every text as written.
@Suite("Odd values")
struct OddValuesTests {
    static let values = [
        "", " ", "—", "0", "0.00", "0%", "-5", "−5%", ".5", "5.", "１２．５", "1,234,567.89", "1，000",
        String(repeating: "9", count: 60), "9" + String(repeating: "0", count: 38) + ".5万元", "1e9", "NaN", "∞",
        ">=", "≥≥5", "=2100年", "=1899年", "2024年13月", "2024年12月32日", "(备注)", "100%(", "较好", "🙂",
    ]

    @Test("as target and actual, funds amounts, 分值 and 得分", arguments: values)
    func oddValue(value: String) throws {
        var indicators = cleanIndicators()
        indicators[0].subcategories[0].indicators[0] = indicator("指标", value, value, weight: value, score: value)
        indicators[1].subcategories[0].indicators[0].target = "≥" + value
        var rows = funds()
        rows[0].annualBudget = value
        rows[1].executed = value
        rows[1].score = value
        var unit = cleanUnit(indicators: indicators, funds: rows, department: cleanDepartment(indicators: indicators))
        unit.projects[0].totalScore = value
        for id in ["national", "jilin"] {
            let p = try profile(id)
            _ = Reviewer.findings(in: unit, profile: p)
            let computed = Scoring.scored(unit, profile: p).computed
            // A computed value only ever stands in for a cell the unit left empty.
            let base = FieldPath("projects").appending(0)
            let indicator = base.appending("indicators").appending(0).appending("subcategories").appending(0).appending("indicators").appending(0)
            if !value.allSatisfy(\.isWhitespace) {
                #expect(computed[indicator.appending("weight")] == nil && computed[indicator.appending("score")] == nil)
                #expect(computed[base.appending("funds").appending(1).appending("score")] == nil)
                #expect(computed[base.appending("totalScore")] == nil)
            }
        }
    }
}
