import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// The national 9-column 项目支出绩效自评表 (official-forms.md §1.1): 主管部门
/// beside 实施单位, 分值/得分 in the funds block, 分值/得分/偏差原因 per
/// indicator, the 总分 row, and signature lines under the table.
func nationalSheet() -> XLSXWorkbook.Sheet {
    var sheet = XLSXWorkbook.Sheet(name: "项目自评表")
    func row(_ number: Int, _ values: [String: String]) {
        for (column, text) in values where !text.isEmpty { sheet.text("\(column)\(number)", text) }
    }
    sheet.text("A1", "项目支出绩效自评表"); sheet.merge("A1:I1")
    sheet.text("A2", "（2023年度）"); sheet.merge("A2:I2")
    row(3, ["A": "项目名称", "B": "乡村道路养护项目"]); sheet.merge("B3:I3")
    row(4, ["A": "主管部门", "B": "某县交通运输局", "F": "实施单位", "G": "某县公路事业发展中心"])
    sheet.merge("B4:E4"); sheet.merge("G4:I4")
    row(5, ["A": "项目资金（万元）", "D": "年初预算数", "E": "全年预算数（A）", "F": "全年执行数（B）", "G": "分值", "H": "执行率（B/A）", "I": "得分"])
    sheet.merge("A5:A9"); sheet.merge("B5:C5")
    let funds: [(String, String, String, String, String, String, String)] = [
        ("年度资金总额", "120", "120", "114", "10", "0.95", "9.5"),
        ("其中：当年财政拨款", "100", "100", "95", "—", "0.95", "—"),
        ("上年结转资金", "20", "20", "19", "—", "0.95", "—"),
        ("其他资金", "0", "0", "0", "—", "0", "—"),
    ]
    for (offset, line) in funds.enumerated() {
        let number = 6 + offset
        sheet.text("B\(number)", line.0); sheet.merge("B\(number):C\(number)")
        sheet.set("D\(number)", .number(line.1), format: "0.00")
        sheet.set("E\(number)", .number(line.2), format: "0.00")
        sheet.set("F\(number)", .number(line.3), format: "0.00")
        if line.4 == "—" { sheet.text("G\(number)", "—") } else { sheet.set("G\(number)", .number(line.4)) }
        sheet.set("H\(number)", .number(line.5), format: "0.00%")
        if line.6 == "—" { sheet.text("I\(number)", "—") } else { sheet.set("I\(number)", .number(line.6), format: "0.0") }
    }
    row(10, ["A": "年度总体目标", "B": "预期目标", "F": "实际完成情况"])
    sheet.merge("A10:A11"); sheet.merge("B10:E10"); sheet.merge("F10:I10")
    row(11, ["B": "养护农村公路120公里，优良路率不低于80%。", "F": "完成养护118公里，优良路率82%。"])
    sheet.merge("B11:E11"); sheet.merge("F11:I11")
    row(12, ["A": "绩效指标", "B": "一级指标", "C": "二级指标", "D": "三级指标", "E": "年度指标值（A）",
             "F": "实际完成值（B）", "G": "分值", "H": "得分", "I": "偏差原因分析及改进措施"])
    sheet.merge("A12:A16")
    row(13, ["B": "产出指标(50分)", "C": "数量指标", "D": "养护里程", "E": "≥120公里", "F": "118公里", "G": "30", "H": "29.5",
             "I": "两段道路因汛期推迟，次年补足"])
    sheet.merge("B13:B15"); sheet.merge("C13:C14")
    row(14, ["D": "桥涵检查", "E": "≥12座", "F": "12座", "G": "10", "H": "10"])
    row(15, ["C": "质量指标", "D": "优良路率", "E": "≥80%", "F": "82%", "G": "10", "H": "10"])
    row(16, ["B": "满意度指标(10分)", "C": "服务对象满意度指标", "D": "群众满意度", "E": "≥90%", "F": "93%", "G": "10", "H": "10"])
    row(17, ["A": "总分", "G": "100", "H": "69"])
    sheet.merge("A17:F17")
    row(18, ["A": "单位负责人：张三", "C": "财务负责人：李四", "E": "填表人：王五", "G": "联系电话：0435-1234567"])
    row(19, ["A": "填报日期：2024年1月20日"])
    return sheet
}

@Suite("The national 9-column project form")
struct NationalFormTests {
    @Test("every block and column is read into the model")
    func readsEveryColumn() throws {
        let imported = try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [nationalSheet()]).data(), file: "national.xlsx")
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced)")
        #expect(imported.unit.year == 2023)
        #expect(imported.unit.name == "某县公路事业发展中心")
        let project = try #require(imported.unit.projects.first)
        #expect(project.name == "乡村道路养护项目")
        #expect(project.competentDepartment == "某县交通运输局")
        #expect(project.implementingUnit == "某县公路事业发展中心")
        #expect(project.funds == [
            FundsRow(source: "年度资金总额", initialBudget: "120.00", annualBudget: "120.00", executed: "114.00", executionRate: "95.00%", weight: "10", score: "9.5"),
            // The "—" under 分值/得分 of a sub-row is the layout's own text
            // (it prints it for every sub-row), not a value of the unit's.
            FundsRow(source: "其中：当年财政拨款", initialBudget: "100.00", annualBudget: "100.00", executed: "95.00", executionRate: "95.00%"),
            FundsRow(source: "上年结转资金", initialBudget: "20.00", annualBudget: "20.00", executed: "19.00", executionRate: "95.00%"),
            FundsRow(source: "其他资金", initialBudget: "0.00", annualBudget: "0.00", executed: "0.00", executionRate: "0.00%"),
        ])
        #expect(project.goal == Goal(expected: "养护农村公路120公里，优良路率不低于80%。", actual: "完成养护118公里，优良路率82%。"))
        #expect(project.indicators == [
            IndicatorCategory(name: "产出指标(50分)", subcategories: [
                IndicatorSubcategory(name: "数量指标", indicators: [
                    Indicator(name: "养护里程", target: "≥120公里", actual: "118公里", weight: "30", score: "29.5", deviation: "两段道路因汛期推迟，次年补足"),
                    Indicator(name: "桥涵检查", target: "≥12座", actual: "12座", weight: "10", score: "10"),
                ]),
                IndicatorSubcategory(name: "质量指标", indicators: [
                    Indicator(name: "优良路率", target: "≥80%", actual: "82%", weight: "10", score: "10"),
                ]),
            ]),
            IndicatorCategory(name: "满意度指标(10分)", subcategories: [
                IndicatorSubcategory(name: "服务对象满意度指标", indicators: [
                    Indicator(name: "群众满意度", target: "≥90%", actual: "93%", weight: "10", score: "10"),
                ]),
            ]),
        ])
        #expect(project.totalScore == "69")
        #expect(imported.unit.signatures == Signatures(unitHead: "张三", financeHead: "李四", preparer: "王五",
                                                       phone: "0435-1234567", date: "2024年1月20日"))
    }

    @Test("the imported national unit round-trips through its unit file")
    func roundTrips() throws {
        let unit = try WorkbookImporter.importWorkbook(try XLSXWorkbook(sheets: [nationalSheet()]).data(), file: "national.xlsx").unit
        let text = UnitFileWriter.yaml(unit)
        #expect(try UnitFileReader.read(text: text, file: "national.yaml").unit == unit)
        #expect(text.contains("totalScore: 69"))
        #expect(text.contains("competentDepartment: 某县交通运输局"))
    }
}
