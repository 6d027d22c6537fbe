import Support
import FormPrint
import Foundation
import Evaluation
import Layout

/// Units shaped like the seed, generated from a seed number so that every
/// run benchmarks the same input: one project per unit with the seed's
/// funds block and goal texts of realistic length, indicators spread over
/// the 2021 tree's 一级/二级 categories, and a department form.
package struct SyntheticUnits {
    private var random: SplitMix64

    package init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let text = Array("为保证政务大厅正常运行申请此项目年末收回预算指标由于我县财政资金紧张按照常务会议要求完成数字化建设管理服务效能持续提升群众满意度")
    static let tree: [(String, [String])] = [
        ("成本指标", ["经济成本指标", "社会成本指标"]),
        ("产出指标", ["数量指标", "质量指标", "时效指标"]),
        ("效益指标", ["经济效益指标", "社会效益指标", "可持续影响指标"]),
        ("满意度指标", ["服务对象满意度指标"]),
    ]

    mutating func phrase(_ range: ClosedRange<Int>) -> String {
        let count = Int.random(in: range, using: &random)
        return String((0..<count).map { _ in Self.text[Int.random(in: 0..<Self.text.count, using: &random)] })
    }

    /// One unit whose project has `indicators` indicators (a one-page form
    /// up to about 12).
    package mutating func unit(number: Int, indicators: Int) -> UnitEvaluation {
        let name = "测试县第\(number)局"
        // Amounts in whole cents, so that they are exact decimals.
        let budgetCents = Int.random(in: 1_000...50_000, using: &random)
        let executedCents = budgetCents * Int.random(in: 600...1_000, using: &random) / 1_000
        let budget = Decimal(budgetCents) / 100, executed = Decimal(executedCents) / 100
        func amount(_ value: Decimal) -> String { MoneyText.twoDecimals(value) }
        let rate = MoneyText.twoDecimals(executed / budget * 100) + "%"
        let funds = [
            FundsRow(source: "当年财政拨款", initialBudget: amount(budget), annualBudget: amount(budget), executed: amount(executed), executionRate: rate),
            FundsRow(source: "上年结转资金", initialBudget: "0.00", annualBudget: "0.00", executed: "0.00", executionRate: "0.00%"),
            FundsRow(source: "其他资金", initialBudget: "0.00", annualBudget: "0.00", executed: "0.00", executionRate: "0.00%"),
            FundsRow(source: "年度资金总和", initialBudget: amount(budget), annualBudget: amount(budget), executed: amount(executed), executionRate: rate),
        ]
        var categories: [IndicatorCategory] = []
        var made = 0
        for (index, (category, subcategories)) in Self.tree.enumerated() {
            let share = indicators / Self.tree.count + (index < indicators % Self.tree.count ? 1 : 0)
            guard share > 0 else { continue }
            var subs: [IndicatorSubcategory] = []
            for (s, subcategory) in subcategories.enumerated() {
                let here = share / subcategories.count + (s < share % subcategories.count ? 1 : 0)
                guard here > 0 else { continue }
                subs.append(IndicatorSubcategory(name: subcategory, indicators: (0..<here).map { _ in
                    made += 1
                    let target = Int.random(in: 1...500, using: &random)
                    return Indicator(name: phrase(3...8), target: ">=\(target)个", actual: "\(Int.random(in: target / 2...target, using: &random))个")
                }))
            }
            categories.append(IndicatorCategory(name: category, subcategories: subs))
        }
        let project = Project(name: "\(2024)年\(phrase(4...10))项目", implementingUnit: name, funds: funds,
                              goal: Goal(expected: phrase(12...40) + "。", actual: phrase(30...80) + "。"), indicators: categories)
        let department = DepartmentEvaluation(
            name: name, annualGoal: phrase(40...90) + "。", goalCompletion: phrase(40...90) + "。",
            tasks: [MainTask(number: "1", name: phrase(6...12), content: phrase(30...60), completion: phrase(20...50))],
            indicators: Array(categories.prefix(3)))
        return UnitEvaluation(name: name, year: 2024, projects: [project], department: department)
    }
}

