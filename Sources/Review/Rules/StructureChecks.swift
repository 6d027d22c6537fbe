import Evaluation
import Foundation
import Support

/// FP501, FP502: fields every form needs. (Weights, FP503–FP505, are checked
/// where they are worked out: `WeightPlan`.)
///
/// Required means: the official form has a cell for it and a reviewer would
/// send the form back blank. A "not applicable" mark ("—", "/") fills a cell.
/// Fields only some variants print (主管部门) are not required.
enum StructureChecks {
    static func check(_ unit: UnitEvaluation) -> [Finding] {
        var findings = required([("单位名称", unit.name, "unit.name")], context: "")
        for (index, project) in unit.projects.enumerated() {
            let base = FieldPath("projects").appending(index)
            let context = project.name.isEmpty ? "项目\(index + 1)" : project.name
            findings += required([
                ("项目名称", project.name, base.appending("name")),
                ("实施单位", project.implementingUnit, base.appending("implementingUnit")),
                ("预期目标", project.goal.expected, base.appending("goal").appending("expected")),
                ("实际完成情况", project.goal.actual, base.appending("goal").appending("actual")),
            ], context: context)
            if project.funds.isEmpty { findings.append(emptyList("资金情况", context: context, at: base.appending("funds"))) }
            findings += funds(FundsBlock(project, index: index), context: context)
            if project.indicators.isEmpty { findings.append(emptyList("绩效指标", context: context, at: base.appending("indicators"))) }
            findings += tree(project.indicators, at: base.appending("indicators"), context: context)
        }
        if let department = unit.department {
            let base: FieldPath = "department"
            let context = "部门整体支出绩效自评表"
            findings += required([
                ("部门名称", department.name, base.appending("name")),
                ("年度目标", department.annualGoal, base.appending("annualGoal")),
                ("绩效目标实际完成情况", department.goalCompletion, base.appending("goalCompletion")),
            ], context: context)
            for (index, task) in department.tasks.enumerated() {
                let path = base.appending("tasks").appending(index)
                findings += required([
                    ("任务名称", task.name, path.appending("name")), ("主要内容", task.content, path.appending("content")),
                    ("实际完成情况", task.completion, path.appending("completion")),
                ], context: "\(context) 年度主要任务\(task.number)")
            }
            if department.indicators.isEmpty {
                findings.append(emptyList("年度绩效目标完成情况", context: context, at: base.appending("indicators")))
            }
            findings += tree(department.indicators, at: base.appending("indicators"), context: context)
        }
        if let report = unit.report, let finding = reportDate(report.date) { findings.append(finding) }
        return findings
    }

    /// FP501 for the funds rows. A source the unit did not have (every money
    /// cell empty, "—" or 0: `FundsBlock.isSourceNotGiven`) needs nothing
    /// filled in; the template prints its row anyway. A row with money needs
    /// all its amounts, and its 执行率 unless there is nothing to divide (a
    /// 全年预算数 of 0 and no execution).
    static func funds(_ block: FundsBlock, context: String) -> [Finding] {
        var findings: [Finding] = []
        for (index, row) in block.rows.enumerated() {
            let path = block.rowPath(index)
            func field(_ key: String) -> (label: String, text: String, path: FieldPath) {
                (FieldWords.funds(key), row.value(key), path.appending(key))
            }
            var fields = [field("source")]
            if !block.isSourceNotGiven(index) {
                fields += [field("initialBudget"), field(block.budget.key), field("executed")]
                let budget = CellNumber(block.budget.text(row), as: .amount), executed = CellNumber(row.executed, as: .amount)
                let nothingToDivide = budget.number == 0 && (executed == .blank || executed.number == 0)
                if !nothingToDivide { fields.append(field("executionRate")) }
            }
            findings += required(fields, context: row.source.isEmpty ? context : "\(context) \(row.source)")
        }
        return findings
    }

    /// FP506: GB/T 9704 §7.3.5 writes the 成文日期 with Arabic numerals, the
    /// year in full and no leading zeros: "2025年3月1日". The report prints
    /// the date as written; this says what the standard wants instead.
    static func reportDate(_ date: String) -> Finding? {
        let text = date.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        guard let parts = dateParts(text), let month = Int(parts.month), let day = Int(parts.day) else {
            return Finding(.reportDateNotation, Message(
                chinese: "成文日期“\(date)”不是“2025年3月1日”的写法（GB/T 9704 第7.3.5条）",
                english: "the date \"\(date)\" is not written like \"2025年3月1日\" (GB/T 9704 §7.3.5)"), at: "report.date")
        }
        let standard = "\(parts.year)年\(month)月\(day)日"
        guard standard != text else { return nil }
        return Finding(.reportDateNotation, Message(
            chinese: "成文日期“\(date)”应写作“\(standard)”（阿拉伯数字，年份写全，月、日不编虚位，GB/T 9704 第7.3.5条）",
            english: "the date \"\(date)\" should read \"\(standard)\" (GB/T 9704 §7.3.5: no leading zeros, 年月日)"), at: "report.date")
    }

    /// The digits of a date written year, month, day: four digits, one of
    /// 年 . - /, one or two digits, one of 月 . - /, one or two digits, and an
    /// optional 日 — nil for anything else. (A scan, not a regular
    /// expression: compiling one was part of every process's first check.)
    static func dateParts(_ text: String) -> (year: String, month: String, day: String)? {
        var rest = Substring(text)
        func digits(_ range: ClosedRange<Int>) -> String? {
            let run = rest.prefix { $0.isDecimalDigit }
            guard range.contains(run.count) else { return nil }
            rest = rest.dropFirst(run.count)
            return String(run)
        }
        func separator(_ word: Character) -> Bool {
            guard let first = rest.first, [word, ".", "-", "/"].contains(first) else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard let year = digits(4...4), separator("年"), let month = digits(1...2), separator("月"), let day = digits(1...2) else { return nil }
        if rest.first == "日" { rest = rest.dropFirst() }
        return rest.isEmpty ? (year, month, day) : nil
    }

    static func required(_ fields: [(label: String, text: String, path: FieldPath)], context: String) -> [Finding] {
        fields.filter { $0.text.allSatisfy(\.isWhitespace) }.map { field in
            let prefix = context.isEmpty ? "" : "\(context)："
            let englishPrefix = context.isEmpty ? "" : "\(context): "
            return Finding(.requiredFieldEmpty, Message(chinese: "\(prefix)\(field.label)未填写", english: "\(englishPrefix)\(field.label) is empty"),
                           at: field.path)
        }
    }

    static func emptyList(_ label: String, context: String, at path: FieldPath) -> Finding {
        Finding(.requiredFieldEmpty, Message(chinese: "\(context)：\(label)没有任何一行", english: "\(context): \(label) has no rows"), at: path)
    }

    /// FP502 for every unnamed 一级 or 二级 category, and FP501 for unnamed 三级.
    static func tree(_ categories: [IndicatorCategory], at base: FieldPath, context: String) -> [Finding] {
        var findings: [Finding] = []
        for (i, category) in categories.enumerated() {
            let categoryPath = base.appending(i)
            if category.name.allSatisfy(\.isWhitespace) {
                let names = category.subcategories.flatMap(\.indicators).map(\.name).joined(separator: "、")
                findings.append(Finding(.indicatorWithoutCategory, Message(
                    chinese: "\(context)：指标\(names)没有一级指标", english: "\(context): \(names) has no 一级指标 (the category name is empty)"),
                    at: categoryPath.appending("category")))
            }
            for (j, subcategory) in category.subcategories.enumerated() {
                let subPath = categoryPath.appending("subcategories").appending(j)
                if subcategory.name.allSatisfy(\.isWhitespace) {
                    let names = subcategory.indicators.map(\.name).joined(separator: "、")
                    findings.append(Finding(.indicatorWithoutCategory, Message(
                        chinese: "\(context)：指标\(names)没有二级指标（\(category.name)下）",
                        english: "\(context): \(names) has no 二级指标 (under \(category.name))"),
                        at: subPath.appending("category")))
                }
                for (k, indicator) in subcategory.indicators.enumerated() where indicator.name.allSatisfy(\.isWhitespace) {
                    findings.append(Finding(.requiredFieldEmpty, Message(
                        chinese: "\(context)：\(category.name)/\(subcategory.name)下有一个三级指标没有名称",
                        english: "\(context): an indicator under \(category.name)/\(subcategory.name) has no name"),
                        at: subPath.appending("indicators").appending(k).appending("name")))
                }
            }
        }
        return findings
    }
}
