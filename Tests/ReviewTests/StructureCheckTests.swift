import Evaluation
import Review
import Testing

/// FP501, FP502: what every form needs.
@Suite("Structure checks (FP501, FP502)")
struct StructureCheckTests {
    @Test("FP501: empty required fields of the project form, each at its path",
          arguments: ["implementingUnit", "goal.expected", "goal.actual", "funds", "indicators"])
    func projectField(field: String) throws {
        var unit = cleanUnit()
        switch field {
        case "implementingUnit": unit.projects[0].implementingUnit = " "
        case "goal.expected": unit.projects[0].goal.expected = ""
        case "goal.actual": unit.projects[0].goal.actual = ""
        case "funds": unit.projects[0].funds = []
        default: unit.projects[0].indicators = []
        }
        let found = try findings(unit, code: "FP501")
        #expect(found.map(\.path.description) == ["projects[0].\(field)"])
        #expect(found.first?.severity == .error)
    }

    @Test("FP501: an empty funds cell, an unnamed indicator, an empty department field; a dash fills a cell")
    func otherFields() throws {
        var rows = funds()
        rows[0].initialBudget = ""
        #expect(try findings(cleanUnit(funds: rows), code: "FP501").map(\.path.description) == ["projects[0].funds[0].initialBudget"])
        rows = funds()
        rows[0].executionRate = "—"
        #expect(try codes(cleanUnit(funds: rows)) == [])

        var unit = cleanUnit(department: cleanDepartment())
        unit.department?.goalCompletion = ""
        unit.department?.tasks[0].completion = ""
        unit.projects[0].indicators[0].subcategories[0].indicators[0].name = ""
        #expect(try findings(unit, code: "FP501").map(\.path.description) == [
            "projects[0].indicators[0].subcategories[0].indicators[0].name", "department.goalCompletion",
            "department.tasks[0].completion",
        ])
    }

    /// The national block: 年度资金总额 first, then its optional sources.
    func nationalFunds(carryover: FundsRow, other: FundsRow? = nil) -> [FundsRow] {
        [
            FundsRow(source: "年度资金总额", initialBudget: "100.00", annualBudget: "100.00", executed: "90.00", executionRate: "90.00%"),
            FundsRow(source: "其中：当年财政拨款", initialBudget: "100.00", annualBudget: "100.00", executed: "90.00", executionRate: "90.00%"),
            carryover,
            other ?? FundsRow(source: "其他资金"),
        ]
    }

    @Test("FP501 not triggered: a source the unit did not have, its money cells empty, a dash, a slash or 0",
          arguments: ["", "—", "/", "0", "0.00"])
    func sourceNotGiven(mark: String) throws {
        let carryover = FundsRow(source: "上年结转资金", initialBudget: mark, annualBudget: mark, executed: mark)
        let unit = cleanUnit(funds: nationalFunds(carryover: carryover))
        #expect(try codes(unit) == [])
        #expect(try codes(unit, "national").filter { $0 == "FP501" || $0.hasPrefix("FP2") } == [])
    }

    @Test("FP501: a source with some money still needs its other amounts and its 执行率; the total row is never optional")
    func sourcePartlyGiven() throws {
        let carryover = FundsRow(source: "上年结转资金", initialBudget: "", annualBudget: "5.00", executed: "")
        var rows = nationalFunds(carryover: carryover)
        rows[0].initialBudget = "105.00"; rows[0].annualBudget = "105.00"
        let found = try findings(cleanUnit(funds: rows), code: "FP501")
        #expect(found.map(\.path.description) == [
            "projects[0].funds[2].initialBudget", "projects[0].funds[2].executed", "projects[0].funds[2].executionRate",
        ])
        #expect(found.first?.message.english == "2024年测试项目 上年结转资金: 年初预算数 is empty")

        var empty = nationalFunds(carryover: FundsRow(source: "上年结转资金"))
        empty[0] = FundsRow(source: "年度资金总额")
        #expect(try findings(cleanUnit(funds: empty), code: "FP501").map(\.path.description) == [
            "projects[0].funds[0].initialBudget", "projects[0].funds[0].annualBudget", "projects[0].funds[0].executed",
            "projects[0].funds[0].executionRate",
        ])
        // A single row is its own total, and so required.
        #expect(try findings(cleanUnit(funds: [FundsRow(source: "当年财政拨款")]), code: "FP501").count == 4)
    }

    @Test("FP501 not triggered: no 执行率 where there is nothing to divide (a budget cut to 0, nothing spent)")
    func rateOfZeroBudget() throws {
        let carryover = FundsRow(source: "上年结转资金", initialBudget: "5.00", annualBudget: "0.00", executed: "0.00")
        var rows = nationalFunds(carryover: carryover)
        rows[0].initialBudget = "105.00"
        #expect(try codes(cleanUnit(funds: rows)) == [])
    }

    @Test("FP502: an indicator without its 一级 or 二级 category")
    func withoutCategory() throws {
        var indicators = cleanIndicators()
        indicators[0].name = ""
        indicators[1].subcategories[0].name = ""
        let found = try findings(cleanUnit(indicators: indicators), code: "FP502")
        #expect(found.map(\.path.description) == [
            "projects[0].indicators[0].category", "projects[0].indicators[1].subcategories[0].category",
        ])
        #expect(found.first?.message.english == "2024年测试项目: 培训人数 has no 一级指标 (the category name is empty)")
        #expect(try codes(cleanUnit()) == [])
    }
}

@Suite("The report's 成文日期 (FP506)")
struct ReportDateCheckTests {
    func dateFindings(_ date: String) throws -> [Finding] {
        var unit = cleanUnit()
        unit.report = Report(title: "报告", sections: [], signature: "单位", date: date)
        return try findings(unit, code: "FP506")
    }

    @Test("a date as GB/T 9704 writes it, or none, is fine", arguments: ["2025年3月1日", "2025年12月31日", ""])
    func fine(date: String) throws {
        #expect(try dateFindings(date).isEmpty)
    }

    @Test("leading zeros and other notations say what to write instead", arguments: [
        ("2025年03月01日", "2025年3月1日"), ("2025-3-1", "2025年3月1日"), ("2025.03.01", "2025年3月1日"), ("2025/12/5", "2025年12月5日"),
    ])
    func corrected(date: String, standard: String) throws {
        let found = try dateFindings(date)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.path.description == "report.date")
        #expect(found.first?.message.english.contains("should read \"\(standard)\"") == true)
        #expect(found.first?.message.chinese.contains("应写作“\(standard)”") == true)
    }

    @Test("a date the scan does not take apart is not in the standard's form", arguments: [
        "20255年3月1日", "2025年123月1日", "2025年3月1日日", "2025年3月", "２０２５年3月1日x",
    ])
    func notADate(date: String) throws {
        #expect(try dateFindings(date).first?.message.english.contains("is not written like") == true)
    }

    @Test("mixed separators are taken apart as before", arguments: [
        ("2025年3-1", "2025年3月1日"), ("2025-03月01日", "2025年3月1日"),
    ])
    func mixed(date: String, standard: String) throws {
        #expect(try dateFindings(date).first?.message.english.contains("should read \"\(standard)\"") == true)
    }

    @Test("a date in words is reported as not in the standard's form")
    func words() throws {
        #expect(try dateFindings("二〇二五年三月一日").first?.message.english.contains("is not written like") == true)
    }
}
