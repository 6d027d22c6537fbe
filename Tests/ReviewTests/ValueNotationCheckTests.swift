import Evaluation
import Review
import Testing

/// FP1xx: what was assumed to read a value, and cells that hold no number.
@Suite("Value notation checks (FP1xx)")
struct ValueNotationCheckTests {
    func with(target: String, actual: String) -> UnitEvaluation {
        var indicators = cleanIndicators()
        indicators.append(category("产出指标", "质量指标", indicator("指标", target, actual)))
        return cleanUnit(indicators: indicators)
    }

    @Test("each almost-number warns with what was read; the clean spelling does not",
          arguments: [
              ("FP101", ">=148.万元", "148万元", ">=148万元"),
              ("FP102", "≥100百分比", "100%", "≥100%"),
              ("FP103", "≥１００％", "100%", "≥100％"),
              ("FP104", "≥1,200万元", "1200万元", "≥1200万元"),
          ])
    func almostNumbers(code: String, written: String, actual: String, clean: String) throws {
        let found = try findings(with(target: written, actual: actual), code: code)
        #expect(found.count == 1)
        #expect(found.first?.path.description == "projects[0].indicators[3].subcategories[0].indicators[0].target")
        #expect(found.first?.message.english.contains("\"\(written)\" read as") == true)
        #expect(try codes(with(target: clean, actual: actual)) == [])
    }

    @Test("FP101 names what was read")
    func strayPointMessage() throws {
        let found = try findings(with(target: ">=148.万元", actual: "148万元"), code: "FP101")
        #expect(found.first?.message.english == "指标 年度指标值 \">=148.万元\" read as ≥148万元: a \".\" with no digits after it was ignored")
        #expect(found.first?.message.chinese == "指标 年度指标值“>=148.万元”按≥148万元读取：数字后的“.”没有小数位，已忽略")
    }

    @Test("FP105: a comparator before text; plain text has none")
    func comparatorOnText() throws {
        #expect(try codes(with(target: "≥较好", actual: "较好")) == ["FP105"])
        #expect(try codes(with(target: "较好", actual: "较好")) == [])
    }

    @Test("FP106: a funds amount, 分值, 得分 or 总分 that is not a number; dashes and blanks are fine")
    func numberExpected() throws {
        var rows = funds()
        rows[0].executed = "九十"
        #expect(try findings(cleanUnit(funds: rows), code: "FP106").map(\.path.description) == ["projects[0].funds[0].executed"])
        var unit = cleanUnit()
        unit.projects[0].totalScore = "八十"
        unit.projects[0].indicators[0].subcategories[0].indicators[0].score = "满分"
        #expect(try findings(unit, code: "FP106").count == 2)
        rows = funds()
        rows[0].weight = "—"
        rows[0].score = "10分"
        #expect(try codes(cleanUnit(funds: rows)) == [])
    }
}
