import Evaluation
import Foundation
import TestSupport
import Layout

// MARK: - Repository files

func layoutsFolder() -> URL { RepositoryPaths.root.appendingPathComponent("Layouts") }

/// Loads one of the real `Layouts/*.yaml` files.
func loadLayout(_ name: String) throws -> LayoutSpec {
    let url = layoutsFolder().appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    return try LayoutLoader.load(text: text, file: name)
}

struct NotATableLayout: Error {}

func tableSpec(_ layout: LayoutSpec) throws -> TableSpec {
    guard case .table(let table) = layout.body else { throw NotATableLayout() }
    return table
}

func flowSpec(_ layout: LayoutSpec) throws -> FlowSpec {
    guard case .flow(let flow) = layout.body else { throw NotATableLayout() }
    return flow
}

// MARK: - Units built in code

/// The seed's project form (official-forms.md §0.1), value for value as in
/// Examples/liuhe-2024.yaml.
func seedUnit() -> UnitEvaluation {
    func indicator(_ category: String, _ subcategory: String, _ name: String, _ target: String, _ actual: String) -> IndicatorCategory {
        IndicatorCategory(name: category, subcategories: [
            IndicatorSubcategory(name: subcategory, indicators: [Indicator(name: name, target: target, actual: actual)]),
        ])
    }
    let project = Project(
        name: "2024年政数局综合类项目",
        implementingUnit: "柳河县政务服务和数字化建设管理局",
        funds: [
            FundsRow(source: "当年财政拨款", initialBudget: "212.40", annualBudget: "212.40", executed: "172.18", executionRate: "81.06%"),
            FundsRow(source: "上年结转资金", initialBudget: "0.00", annualBudget: "0.00", executed: "0.00", executionRate: "0.00%"),
            FundsRow(source: "其他资金", initialBudget: "0.00", annualBudget: "0.00", executed: "0.00", executionRate: "0.00%"),
            FundsRow(source: "年度资金总和", initialBudget: "212.40", annualBudget: "212.40", executed: "172.18", executionRate: "81.06%"),
        ],
        goal: Goal(expected: "为保证政务大厅正常运行，申请此项目。",
                   actual: "2024年预算212.4万元，实际执行数172.18万元，由于我县财政资金紧张，年末收回预算指标，申请历年执行。"),
        indicators: [
            indicator("成本指标", "经济成本指标", "费用指标", "=56人", "56人"),
            IndicatorCategory(name: "产出指标", subcategories: [
                IndicatorSubcategory(name: "数量指标", indicators: [Indicator(name: "费用成本", target: ">=148.万元", actual: "148万元")]),
                IndicatorSubcategory(name: "质量指标", indicators: [Indicator(name: "使用覆盖率", target: ">=100%", actual: "100%")]),
                IndicatorSubcategory(name: "时效指标", indicators: [Indicator(name: "完成时间", target: "=2025年", actual: "2025年")]),
            ]),
            indicator("效益指标", "经济效益指标", "优化政府部门", ">=64.4万元", "14.4万元"),
            indicator("满意度指标", "服务对象满意度指标", "职工满意度", ">=98%", "98%"),
        ])
    return UnitEvaluation(name: "柳河县政务服务和数字化建设管理局", year: 2024, projects: [project])
}

/// The three 一级 categories used by the many-indicator units.
let manyCategories = ["产出指标", "效益指标", "满意度指标"]

/// A one-project unit with `count` indicators spread over three 一级
/// categories (as evenly as possible), five per 二级 subcategory.
func unitWithIndicators(_ count: Int) -> UnitEvaluation {
    var categories: [IndicatorCategory] = []
    var made = 0
    for (c, name) in manyCategories.enumerated() {
        let share = count / 3 + (c < count % 3 ? 1 : 0)
        var subcategories: [IndicatorSubcategory] = []
        var left = share
        var s = 0
        while left > 0 {
            let here = min(5, left)
            let indicators = (0..<here).map { i -> Indicator in
                made += 1
                return Indicator(name: "指标\(made)", target: ">=\(made).00万元", actual: "\(made)万元")
            }
            subcategories.append(IndicatorSubcategory(name: "\(name)二级\(s + 1)", indicators: indicators))
            left -= here
            s += 1
        }
        if !subcategories.isEmpty { categories.append(IndicatorCategory(name: name, subcategories: subcategories)) }
    }
    var unit = seedUnit()
    unit.projects[0].indicators = categories
    return unit
}

extension DrawItem {
    var textRun: TextRun? {
        if case .text(let run) = self { return run }
        return nil
    }

    var lineSegment: LineSegment? {
        if case .line(let segment) = self { return segment }
        return nil
    }
}
