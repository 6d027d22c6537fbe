import Evaluation
import Foundation

/// FP2xx: the arithmetic of the 资金情况 block, as a reviewer redoes it.
enum FundsChecks {
    static func check(_ unit: UnitEvaluation) -> [Finding] {
        unit.projects.indices.flatMap { check(FundsBlock(unit.projects[$0], index: $0)) }
    }

    /// The amount columns a total must add up in.
    /// (A column the form does not have is blank in every row, and skipped.)
    enum AmountColumn: String, CaseIterable {
        case initialBudget, annualBudget, adjustedBudget, executed

        var key: String { rawValue }
        var label: String { FieldWords.funds(key) }

        func text(_ row: FundsRow) -> String { row.value(key) }
    }

    static func check(_ block: FundsBlock) -> [Finding] {
        var findings: [Finding] = []
        if block.rows.count > 1, block.totalIndex == nil {
            findings.append(Finding(.noTotalRow, Message(
                chinese: "资金情况没有合计行（年度资金总额/总和/合计），无法核对合计与执行率得分",
                english: "资金情况 has no total row (年度资金总额/总和/合计): the total cannot be checked or scored"),
                at: block.path))
        }
        if let total = block.totalIndex { findings += checkTotal(block, total) }
        for index in block.rows.indices { findings += checkRow(block, index) }
        return findings
    }

    /// FP201: the total row equals the sum of the other rows, per column.
    static func checkTotal(_ block: FundsBlock, _ total: Int) -> [Finding] {
        let totalRow = block.rows[total]
        return AmountColumn.allCases.compactMap { column in
            guard let written = CellNumber(column.text(totalRow), as: .amount).number else { return nil }
            let parts = block.sourceIndices.map { CellNumber(column.text(block.rows[$0]), as: .amount).summand }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
            let sum = parts.reduce(Decimal(0)) { $0 + $1! }
            guard sum != written else { return nil }
            let sources = block.sourceIndices.map { "\(block.rows[$0].source) \(column.text(block.rows[$0]).isEmpty ? "0" : column.text(block.rows[$0]))" }
                .joined(separator: " + ")
            return Finding(.totalNotSumOfSources, Message(
                chinese: "\(totalRow.source)的\(column.label)为\(column.text(totalRow))，但各资金来源合计为\(Show.amount(sum))（\(sources)）",
                english: "\(totalRow.source) \(column.label) is \(column.text(totalRow)) but its sources add up to \(Show.amount(sum)) (\(sources))"),
                at: block.rowPath(total).appending(column.key))
        }
    }

    /// FP202, FP203, FP204 for one row, against the budget column the form
    /// has (全年预算数, or 四川's 调整后预算数).
    static func checkRow(_ block: FundsBlock, _ index: Int) -> [Finding] {
        let row = block.rows[index]
        let path = block.rowPath(index)
        let (label, written) = (block.budget.label, block.budget.text(row))
        let (executedWords, rateWords) = (FieldWords.funds("executed"), FieldWords.funds("executionRate"))
        guard let budget = CellNumber(written, as: .amount).number,
              let executed = CellNumber(row.executed, as: .amount).number else { return [] }
        if budget == 0 {
            guard executed > 0 else { return [] }
            return [Finding(.executedWithoutBudget, Message(
                chinese: "\(row.source)：\(label)为0，\(executedWords)却为\(row.executed)",
                english: "\(row.source): \(label) is 0 but \(executedWords) is \(row.executed)"),
                at: path.appending("executed"))]
        }
        var findings: [Finding] = []
        if executed > budget {
            findings.append(Finding(.executedAboveBudget, Message(
                chinese: "\(row.source)：\(executedWords)\(row.executed)超过\(label)\(written)",
                english: "\(row.source): \(executedWords) \(row.executed) is above \(label) \(written)"),
                at: path.appending("executed")))
        }
        let rate = executed / budget
        if case .number(let printed, let digits, let unit) = CellNumber(row.executionRate, as: .rate),
           !printedRateAgrees(printed, digits: digits, unit: unit, with: rate) {
            let computed = Show.percent(rate, places: 2)
            findings.append(Finding(.executionRateMismatch, Message(
                chinese: "\(row.source)：\(rateWords)填写为\(row.executionRate)，\(executedWords)÷\(label) = \(row.executed)÷\(written) = \(computed)",
                english: "\(row.source): \(rateWords) is \(row.executionRate) but \(executedWords) ÷ \(label) = \(row.executed) ÷ \(written) = \(computed)"),
                at: path.appending("executionRate")))
        }
        return findings
    }

    /// Agreement at the precision the unit printed: "81.06%" and "81.1%"
    /// both agree with 81.064%. A rate without "%" may be a percentage
    /// (81.06) or a fraction (0.8106).
    static func printedRateAgrees(_ printed: Decimal, digits: String, unit: MeasureUnit, with rate: Decimal) -> Bool {
        let places = Decimal.places(in: digits)
        if (rate * 100).rounded(places: places) == printed { return true }
        return unit.isNone && rate.rounded(places: places) == printed
    }
}
