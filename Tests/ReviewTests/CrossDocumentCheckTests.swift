import Evaluation
import Review
import Testing

/// FP4xx: the documents of one unit against each other.
@Suite("Cross-document checks (FP4xx)")
struct CrossDocumentCheckTests {
    func department(target: String, actual: String) -> DepartmentEvaluation {
        cleanDepartment(indicators: [category("产出指标", "成本指标", indicator("指标金额", target, actual))])
    }

    @Test("FP401: the department's amount a hair off the project's budget (212.39 against 212.40)")
    func nearAmount() throws {
        let unit = cleanUnit(funds: funds(budget: "212.40", executed: "172.18", rate: "81.06%"),
                             department: department(target: "=212.39万元", actual: "172.18万元"))
        let found = try findings(unit, code: "FP401")
        #expect(found.map(\.path.description) == ["department.indicators[0].subcategories[0].indicators[0].target"])
        #expect(found.first?.message.english == "指标金额: =212.39万元 in the department form, but project 2024年测试项目 has 全年预算数 212.40 (differs by 0.01万元)")
    }

    @Test("FP401 also for the executed amount, and in 元")
    func nearExecuted() throws {
        let unit = cleanUnit(department: department(target: "=100.00万元", actual: "902000元"))
        #expect(try findings(unit, code: "FP401").map(\.path.description) == ["department.indicators[0].subcategories[0].indicators[0].actual"])
    }

    @Test("FP401 not triggered: equal amounts, or a department sum clearly its own (376.36 against 212.40)")
    func farOrEqual() throws {
        let equal = cleanUnit(funds: funds(budget: "212.40", executed: "172.18", rate: "81.06%"),
                              department: department(target: "=212.4万元", actual: "172.18万元"))
        #expect(try codes(equal).contains("FP401") == false)
        let other = cleanUnit(funds: funds(budget: "212.40", executed: "172.18", rate: "81.06%"),
                              department: department(target: "=376.36万元", actual: "376.36万元"))
        #expect(try codes(other).contains("FP401") == false)
    }

    @Test("FP402: a title naming another year; not the evaluated year, nor a range that includes it")
    func titleYear() throws {
        var unit = cleanUnit()
        unit.projects[0].name = "2023年政数局综合类项目"
        let found = try findings(unit, code: "FP402")
        #expect(found.map(\.message.english) == ["项目名称 \"2023年政数局综合类项目\" names 2023, but the file evaluates 2024"])
        for name in ["2024年政数局综合类项目", "2023—2025年数字政府建设", "政数局综合类项目", "2048个窗口建设"] {
            unit.projects[0].name = name
            #expect(try codes(unit).contains("FP402") == false, "\(name)")
        }
        unit = cleanUnit(department: cleanDepartment())
        unit.department?.tasks[0].name = "2023年非统发人员工资"
        #expect(try findings(unit, code: "FP402").map(\.path.description) == ["department.tasks[0].name"])
    }

    @Test("FP403: 部门名称 not the unit's name; spaces and bracket widths do not count")
    func departmentName() throws {
        var unit = cleanUnit(department: cleanDepartment())
        unit.department?.name = "测试局"
        #expect(try codes(unit) == ["FP403"])
        unit.name = "测试单位（本级）"
        unit.department?.name = "测试单位 (本级)"
        unit.projects[0].implementingUnit = "测试单位（本级）"
        #expect(try codes(unit) == [])
    }

    @Test("FP404: 实施单位 not the unit (a note: subordinate units implement projects)")
    func implementingUnit() throws {
        var unit = cleanUnit()
        unit.projects[0].implementingUnit = "测试单位下属中心"
        let found = try findings(unit, code: "FP404")
        #expect(found.count == 1)
        #expect(found.first?.severity == .note)
        unit.projects[0].implementingUnit = " 测试单位 "
        #expect(try codes(unit) == [])
    }
}
