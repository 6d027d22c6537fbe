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

    @Test("a date in words is reported as not in the standard's form")
    func words() throws {
        #expect(try dateFindings("二〇二五年三月一日").first?.message.english.contains("is not written like") == true)
    }
}
