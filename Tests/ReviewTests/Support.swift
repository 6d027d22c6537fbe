import Evaluation
import Foundation
import Importing
import Review
import TestSupport
import Testing

let repositoryRoot = RepositoryPaths.root

/// A built-in scoring profile, read from `Scoring/`.
func profile(_ id: String) throws -> ScoringProfile {
    try ScoringProfileReader.read(contentsOf: repositoryRoot.appendingPathComponent("Scoring/\(id).yaml"))
}

/// The seed unit file (Examples/liuhe-2024.yaml), its text and document.
func seed() throws -> (text: String, document: UnitDocument) {
    let url = repositoryRoot.appendingPathComponent("Examples/liuhe-2024.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    return (text, try UnitFileReader.read(text: text, file: "Examples/liuhe-2024.yaml"))
}

/// A unit file with the given YAML spliced in after the header.
func unit(_ body: String, year: Int = 2024, name: String = "测试单位") throws -> UnitDocument {
    try UnitFileReader.read(text: "formprint: 1\nunit:\n  name: \(name)\nyear: \(year)\n" + body, file: "unit.yaml")
}

/// 1-based number of the first line of `text` that contains `needle`.
func lineNumber(of needle: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
}

// MARK: - Small units built in Swift, clean unless a test makes them otherwise

func indicator(_ name: String, _ target: String, _ actual: String, weight: String = "", score: String = "",
               deviation: String = "") -> Indicator {
    Indicator(name: name, target: target, actual: actual, weight: weight, score: score, deviation: deviation)
}

/// One 一级 category with one 二级 holding `indicators`.
func category(_ name: String, _ subcategory: String, _ indicators: Indicator...) -> IndicatorCategory {
    IndicatorCategory(name: name, subcategories: [IndicatorSubcategory(name: subcategory, indicators: indicators)])
}

/// A funds block with one source and a total row that add up: 100 budgeted, 90 executed.
func funds(budget: String = "100.00", executed: String = "90.00", rate: String = "90.00%") -> [FundsRow] {
    [
        FundsRow(source: "当年财政拨款", initialBudget: budget, annualBudget: budget, executed: executed, executionRate: rate),
        FundsRow(source: "年度资金总额", initialBudget: budget, annualBudget: budget, executed: executed, executionRate: rate),
    ]
}

/// A complete, consistent project: every indicator met, its 分值 entered
/// (执行率 10 + 50 + 30 + 10 = 100), nothing to report.
func cleanIndicators() -> [IndicatorCategory] {
    [
        category("产出指标", "数量指标", indicator("培训人数", "≥100人", "120人", weight: "50")),
        category("效益指标", "社会效益指标", indicator("群众知晓率", "≥90%", "95%", weight: "30")),
        category("满意度指标", "服务对象满意度指标", indicator("满意度", "≥95%", "96%", weight: "10")),
    ]
}

func cleanUnit(indicators: [IndicatorCategory] = cleanIndicators(), funds rows: [FundsRow] = funds(),
               department: DepartmentEvaluation? = nil, year: Int = 2024) -> UnitEvaluation {
    let project = Project(name: "\(year)年测试项目", implementingUnit: "测试单位", funds: rows,
                          goal: Goal(expected: "完成培训", actual: "已完成培训"), indicators: indicators)
    return UnitEvaluation(name: "测试单位", year: year, projects: [project], department: department)
}

/// A department form consistent with `cleanUnit`.
func cleanDepartment(indicators: [IndicatorCategory]? = nil) -> DepartmentEvaluation {
    DepartmentEvaluation(
        name: "测试单位", annualGoal: "完成年度培训", goalCompletion: "已完成",
        tasks: [MainTask(number: "1", name: "培训", content: "组织培训", completion: "已完成")],
        indicators: indicators ?? [category("产出指标", "成本指标", indicator("指标金额", "=100.00万元", "100.00万元"))])
}

/// The codes of the findings about `unit`, in the order the checks made them.
func codes(_ unit: UnitEvaluation, _ profileID: String = "jilin") throws -> [String] {
    Reviewer.findings(in: unit, profile: try profile(profileID)).map(\.rule.code)
}

func findings(_ unit: UnitEvaluation, _ profileID: String = "jilin", code: String) throws -> [Finding] {
    Reviewer.findings(in: unit, profile: try profile(profileID)).filter { $0.rule.code == code }
}
