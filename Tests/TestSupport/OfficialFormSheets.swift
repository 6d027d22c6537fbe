import Evaluation
import Foundation

/// Lays a unit out in workbook sheets the way a finance officer fills the
/// official templates: one sheet per form, labels in merged cells, money as
/// numbers with a two-decimal format, 执行率 as a fraction with a % format.
public enum OfficialFormSheets {
    /// The 吉林 6-column 项目支出绩效自评表 (official-forms.md §0.1), starting
    /// at `origin` (row, column) so tests can show that nothing depends on
    /// fixed addresses.
    public static func jilinProject(_ project: Project, name: String = "项目支出绩效自评表", origin: (row: Int, column: Int) = (1, 1)) -> XLSXWorkbook.Sheet {
        var grid = Grid(sheet: XLSXWorkbook.Sheet(name: name), origin: origin)
        grid.text(0, 0, "项目支出绩效自评表", across: 6)
        grid.text(1, 0, "项目名称")
        grid.text(1, 1, project.name, across: 5)
        grid.text(2, 0, "实施单位")
        grid.text(2, 1, project.implementingUnit, across: 5)
        var row = 3
        grid.text(row, 0, "资金情况 (万元)", down: project.funds.count + 1)
        for (column, label) in ["项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率"].enumerated() {
            grid.text(row, column + 1, label)
        }
        for funds in project.funds {
            row += 1
            grid.text(row, 1, funds.source)
            grid.value(row, 2, funds.initialBudget)
            grid.value(row, 3, funds.annualBudget)
            grid.value(row, 4, funds.executed)
            grid.value(row, 5, funds.executionRate)
        }
        row += 1
        grid.text(row, 0, "年度总体\n目标", down: 2)
        grid.text(row, 1, "预期目标", across: 2)
        grid.text(row, 3, "实际完成情况", across: 3)
        grid.text(row + 1, 1, project.goal.expected, across: 2)
        grid.text(row + 1, 3, project.goal.actual, across: 3)
        row += 2
        let indicatorRows = project.indicators.flatMap(\.subcategories).flatMap(\.indicators).count
        grid.text(row, 0, "绩效指标", down: indicatorRows + 1)
        for (column, label) in ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"].enumerated() {
            grid.text(row, column + 1, label)
        }
        grid.indicators(project.indicators, firstRow: row + 1)
        return grid.sheet
    }

    /// The 吉林 6-column 部门整体支出绩效自评表 (§0.2).
    public static func jilinDepartment(_ department: DepartmentEvaluation, name: String = "部门整体支出绩效自评表",
                                       origin: (row: Int, column: Int) = (1, 1)) -> XLSXWorkbook.Sheet {
        var grid = Grid(sheet: XLSXWorkbook.Sheet(name: name), origin: origin)
        grid.text(0, 0, "部门整体支出绩效自评表", across: 6)
        grid.text(1, 0, "部门名称")
        grid.text(1, 1, department.name, across: 5)
        grid.text(2, 0, "年度目标")
        grid.text(2, 1, department.annualGoal, across: 5)
        grid.text(3, 0, "绩效目标实际完成情况")
        grid.text(3, 1, department.goalCompletion, across: 5)
        var row = 4
        grid.text(row, 0, "年度主要任务", down: department.tasks.count + 1)
        for (column, label) in ["序号", "任务名称", "主要内容"].enumerated() { grid.text(row, column + 1, label) }
        grid.text(row, 4, "实际完成情况", across: 2)
        for task in department.tasks {
            row += 1
            grid.value(row, 1, task.number)
            grid.text(row, 2, task.name)
            grid.text(row, 3, task.content)
            grid.text(row, 4, task.completion, across: 2)
        }
        row += 1
        let indicatorRows = department.indicators.flatMap(\.subcategories).flatMap(\.indicators).count
        grid.text(row, 0, "年度绩效目标完成情况", down: indicatorRows + 1)
        for (column, label) in ["一级指标", "二级指标", "三级指标", "目标值", "完成值"].enumerated() {
            grid.text(row, column + 1, label)
        }
        grid.indicators(department.indicators, firstRow: row + 1)
        return grid.sheet
    }

    /// A sheet holding the report: its title, then one line per cell of column A.
    public static func report(title: String, lines: [String], name: String = "自评报告") -> XLSXWorkbook.Sheet {
        var sheet = XLSXWorkbook.Sheet(name: name)
        sheet.text("A1", title)
        for (index, line) in lines.enumerated() { sheet.text("A\(index + 2)", line) }
        return sheet
    }

    /// Cells addressed relative to an origin, with merges.
    struct Grid {
        var sheet: XLSXWorkbook.Sheet
        var origin: (row: Int, column: Int)

        func reference(_ row: Int, _ column: Int) -> String {
            columnName(origin.column + column) + String(origin.row + row)
        }

        mutating func text(_ row: Int, _ column: Int, _ text: String, across: Int = 1, down: Int = 1) {
            if !text.isEmpty { sheet.text(reference(row, column), text) }
            if across > 1 || down > 1 {
                sheet.merge(reference(row, column) + ":" + reference(row + down - 1, column + across - 1))
            }
        }

        /// Money and rates as numbers with a display format, the way Excel
        /// stores what the officer typed; anything else as text.
        mutating func value(_ row: Int, _ column: Int, _ text: String) {
            let at = reference(row, column)
            if text.range(of: #"^\d+\.\d\d$"#, options: .regularExpression) != nil {
                sheet.set(at, .number(String(Double(text)!)), format: "0.00")
            } else if text.range(of: #"^\d+\.\d\d%$"#, options: .regularExpression) != nil {
                let fraction = Decimal(string: String(text.dropLast()))! / 100
                sheet.set(at, .number("\(fraction)"), format: "0.00%")
            } else if let whole = Int(text) {
                sheet.set(at, .number(String(whole)))
            } else {
                self.text(row, column, text)
            }
        }

        /// Indicator rows: 一级 and 二级 labels merged down over their rows.
        mutating func indicators(_ categories: [IndicatorCategory], firstRow: Int) {
            var row = firstRow
            for category in categories {
                let categoryRows = category.subcategories.reduce(0) { $0 + max(1, $1.indicators.count) }
                text(row, 1, category.name, down: categoryRows)
                for subcategory in category.subcategories {
                    text(row, 2, subcategory.name, down: max(1, subcategory.indicators.count))
                    for indicator in subcategory.indicators {
                        text(row, 3, indicator.name)
                        text(row, 4, indicator.target)
                        text(row, 5, indicator.actual)
                        row += 1
                    }
                    if subcategory.indicators.isEmpty { row += 1 }
                }
            }
        }
    }

    public static func columnName(_ column: Int) -> String {
        var number = column, letters = ""
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
