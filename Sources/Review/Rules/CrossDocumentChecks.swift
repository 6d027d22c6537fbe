import Evaluation
import Foundation

/// FP4xx: the documents of one unit must not contradict each other — the
/// same money, the same year, the same unit.
enum CrossDocumentChecks {
    static func check(_ unit: UnitEvaluation) -> [Finding] {
        amounts(unit) + titleYears(unit) + names(unit)
    }

    // MARK: FP401

    /// Two amounts that agree to within this share but not exactly are the
    /// same money written two ways (212.39 against 212.40), not two sums.
    static let nearShare = Decimal(string: "0.01")!

    struct ProjectAmount {
        var value: Decimal
        var english: String
        var chinese: String
    }

    /// A money indicator of the department form (its 指标金额 "=212.39万元")
    /// that nearly, but not exactly, equals a project's 全年预算数 (for a
    /// target) or 全年执行数 (for an actual). Exact agreement is consistent;
    /// a large difference is another sum (the department spends more than
    /// its projects), so neither is flagged.
    static func amounts(_ unit: UnitEvaluation) -> [Finding] {
        guard let department = unit.department else { return [] }
        var budgets: [ProjectAmount] = []
        var executed: [ProjectAmount] = []
        for (index, project) in unit.projects.enumerated() {
            let block = FundsBlock(project, index: index)
            guard let row = block.scoringIndex.map({ project.funds[$0] }) else { continue }
            // The project's amount in `key`'s column, as the unit wrote it.
            func amount(_ key: String) -> ProjectAmount? {
                let text = row.value(key), words = FieldWords.funds(key)
                return CellNumber(text, as: .amount).number.map {
                    ProjectAmount(value: $0, english: "project \(project.name) has \(words) \(text)", chinese: "项目“\(project.name)”\(words)为\(text)")
                }
            }
            if let budget = amount(block.budget.key) { budgets.append(budget) }
            if let spent = amount("executed") { executed.append(spent) }
        }
        if unit.projects.count > 1 {
            func total(_ list: [ProjectAmount], _ key: String) -> ProjectAmount? {
                guard list.count > 1 else { return nil }
                let sum = list.reduce(Decimal(0)) { $0 + $1.value }
                let words = FieldWords.funds(key)
                return ProjectAmount(value: sum, english: "the projects' \(words) add up to \(Show.amount(sum))",
                                     chinese: "各项目\(words)合计\(Show.amount(sum))")
            }
            let (budgetTotal, executedTotal) = (total(budgets, "annualBudget"), total(executed, "executed"))
            if let budgetTotal { budgets.append(budgetTotal) }
            if let executedTotal { executed.append(executedTotal) }
        }
        let entries = IndicatorEntry.entries(department.indicators, at: FieldPath("department").appending("indicators"), form: .department)
        var findings: [Finding] = []
        for entry in entries {
            for (value, path, candidates) in [(entry.target, entry.targetPath, budgets), (entry.actual, entry.actualPath, executed)] {
                guard let quantity = value.quantity, let perUnit = quantity.unit.yuanPerUnit else { continue }
                let tenThousands = quantity.number * perUnit / 10_000
                guard !candidates.contains(where: { $0.value == tenThousands }),
                      let near = candidates.filter({ isNear(tenThousands, $0.value) })
                        .min(by: { abs($0.value - tenThousands) < abs($1.value - tenThousands) }) else { continue }
                let difference = Show.amount(abs(near.value - tenThousands))
                findings.append(Finding(.amountDiffersAcrossDocuments, Message(
                    chinese: "\(entry.name)：部门整体支出绩效自评表为\(value.normalized)，\(near.chinese)，相差\(difference)万元",
                    english: "\(entry.name): \(value.normalized) in the department form, but \(near.english) (differs by \(difference)万元)"),
                    at: path))
            }
        }
        return findings
    }

    static func isNear(_ a: Decimal, _ b: Decimal) -> Bool {
        let difference = abs(a - b)
        return difference > 0 && difference <= abs(b) * nearShare
    }

    // MARK: FP402

    /// Titles that name a year (项目名称 "2024年政数局综合类项目", 任务名称,
    /// the report's title) must name the evaluated one; a range of years
    /// that includes it is fine ("2023—2025年…").
    static func titleYears(_ unit: UnitEvaluation) -> [Finding] {
        var titles: [(String, String, FieldPath)] = unit.projects.enumerated().map {
            ("项目名称", $1.name, FieldPath("projects").appending($0).appending("name"))
        }
        for (index, task) in (unit.department?.tasks ?? []).enumerated() {
            titles.append(("任务名称", task.name, FieldPath("department").appending("tasks").appending(index).appending("name")))
        }
        if let report = unit.report { titles.append(("报告标题", report.title, "report.title")) }
        return titles.compactMap { label, title, path in
            let years = yearsNamed(in: title)
            guard let first = years.min(), let last = years.max(), !(first...last).contains(unit.year) else { return nil }
            let named = years.map(String.init).joined(separator: "、")
            return Finding(.titleYearDiffers, Message(
                chinese: "\(label)“\(title)”写的是\(named)年，本文件评价的是\(unit.year)年度",
                english: "\(label) \"\(title)\" names \(named), but the file evaluates \(unit.year)"), at: path)
        }
    }

    /// Four-digit years followed by 年 ("2024年", "2024年度"); other numbers
    /// ("2048个") are not years.
    static func yearsNamed(in text: String) -> [Int] {
        let characters = Array(text)
        var years: [Int] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            let isYear = end - index == 4 && CalendarPoint.plausibleYears.contains(Int(String(characters[index..<end])) ?? 0)
            let followedByNian = end < characters.count && characters[end] == "年"
            let rangeFollows = end < characters.count && ["-", "—", "–", "至", "~", "～"].contains(characters[end])
            if isYear && (followedByNian || rangeFollows) { years.append(Int(String(characters[index..<end]))!) }
            index = end
        }
        return years
    }

    // MARK: FP403, FP404

    static func names(_ unit: UnitEvaluation) -> [Finding] {
        var findings: [Finding] = []
        if let department = unit.department, !department.name.isEmpty, comparable(department.name) != comparable(unit.name) {
            findings.append(Finding(.departmentNameDiffers, Message(
                chinese: "部门名称“\(department.name)”与单位名称“\(unit.name)”不一致",
                english: "部门名称 \"\(department.name)\" is not the unit's name \"\(unit.name)\""), at: "department.name"))
        }
        for (index, project) in unit.projects.enumerated()
        where !project.implementingUnit.isEmpty && comparable(project.implementingUnit) != comparable(unit.name) {
            findings.append(Finding(.implementingUnitDiffers, Message(
                chinese: "项目“\(project.name)”的实施单位“\(project.implementingUnit)”不是本单位“\(unit.name)”，如为下属单位可忽略",
                english: "实施单位 \"\(project.implementingUnit)\" of \(project.name) is not the unit \"\(unit.name)\" (fine for a subordinate unit)"),
                at: FieldPath("projects").appending(index).appending("implementingUnit")))
        }
        return findings
    }

    /// Names compare without spaces and with full-width brackets as half-width.
    static func comparable(_ name: String) -> String {
        String(name.filter { !$0.isWhitespace }.map { $0 == "（" ? "(" : $0 == "）" ? ")" : $0 })
    }
}
