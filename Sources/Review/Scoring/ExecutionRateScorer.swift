import Evaluation
import Foundation

/// The 预算执行率 line: 执行率 = 全年执行数 ÷ 全年预算数 of the total row
/// (÷ 调整后预算数 on a form that has that column instead: `BudgetColumn`),
/// scored by the profile (national: 分值 × min(执行率, 100%)). The unrounded
/// rate is used: 10 × 81.064% = 8.1064 → 8.11, the same as from the printed
/// 81.06%, and never off by a double rounding.
enum ExecutionRateScorer {
    enum Result {
        case scored(rate: Decimal, score: Decimal)
        case unscorable(chinese: String, english: String)
    }

    static func score(_ block: FundsBlock, weight: Decimal, rule: ExecutionRateRule) -> Result {
        guard let index = block.scoringIndex else {
            return .unscorable(chinese: "资金情况没有合计行", english: "资金情况 has no total row")
        }
        let row = block.rows[index]
        let label = block.budget.label
        guard let budget = CellNumber(block.budget.text(row), as: .amount).number,
              let executed = CellNumber(row.executed, as: .amount).number else {
            let executed = FieldWords.funds("executed")
            return .unscorable(chinese: "\(row.source)的\(label)或\(executed)不是数字",
                               english: "\(row.source) \(label) or \(executed) is not a number")
        }
        guard budget > 0 else {
            return .unscorable(chinese: "\(row.source)的\(label)为0", english: "\(row.source) \(label) is 0")
        }
        let rate = executed / budget
        switch rule.method {
        case .proportional:
            return .scored(rate: rate, score: weight * min(rate, 1))
        case .bands(let bands):
            let share = bands.first { rate >= $0.minimumRate }?.share ?? 0
            return .scored(rate: rate, score: weight * share)
        }
    }
}
