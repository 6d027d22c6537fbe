import Evaluation
import Review
import Testing

/// FP3xx: each rule triggered, and not triggered by the nearest clean case.
@Suite("Indicator checks (FP3xx)")
struct IndicatorCheckTests {
    /// The clean unit with one more 产出指标 indicator.
    func with(_ extra: Indicator, category name: String = "产出指标", subcategory: String = "质量指标") -> UnitEvaluation {
        var indicators = cleanIndicators()
        // The extra indicator takes 10 of the 产出 group's 50, so that the
        // 分值 still make 100 and scoring adds no finding of its own.
        indicators[0].subcategories[0].indicators[0].weight = "40"
        var extra = extra
        if extra.weight.isEmpty { extra.weight = "10" }
        indicators.append(category(name, subcategory, extra))
        return cleanUnit(indicators: indicators)
    }

    @Test("FP301: a 正向 target not met, with the shortfall")
    func shortfall() throws {
        let found = try findings(with(indicator("优化政府部门", ">=64.4万元", "14.4万元")), code: "FP301")
        #expect(found.map(\.message.english) == ["优化政府部门: 14.4万元 of ≥64.4万元, 22.4%: target not met"])
        #expect(found.first?.path.description == "projects[0].indicators[3].subcategories[0].indicators[0].actual")
    }

    @Test("FP301: a 反向 target passed")
    func overrun() throws {
        let found = try findings(with(indicator("差错率", "≤5%", "7%")), code: "FP301")
        #expect(found.map(\.message.english) == ["差错率: 7% against ≤5%, 140.0% of it: target not met"])
    }

    @Test("FP301: a qualitative target judged only partly reached")
    func qualitativePartly() throws {
        let found = try findings(with(indicator("制度执行", "严格执行相关制度", "部分达成年度指标并具有一定效果")), code: "FP301")
        #expect(found.count == 1)
    }

    @Test("FP301 not triggered: met, passed, reached exactly, or within a 反向 limit",
          arguments: [("≥100人", "100人"), ("=56人", "56人"), ("≥98%", "99%"), ("≤5%", "3%"), ("100%", "100"), ("≥1万元", "10000元"),
                      ("严格执行相关制度", "达成年度指标"), ("符合规定", "符合规定")])
    func met(target: String, actual: String) throws {
        #expect(try codes(with(indicator("指标", target, actual))).filter { $0 == "FP301" || $0 == "FP302" } == [])
    }

    @Test("FP302: a strict \">\" or \"<\" met only by equality")
    func strictEquality() throws {
        #expect(try codes(with(indicator("社会效益", ">95%", "95%"))) == ["FP302"])
        #expect(try codes(with(indicator("投诉", "<3次", "3次"))) == ["FP302"])
        #expect(try codes(with(indicator("社会效益", ">95%", "96%"))) == [])
    }

    @Test("FP303: a time target missed; not when done on time or early")
    func timeMissed() throws {
        #expect(try codes(with(indicator("完成时间", "=2024年", "2025年"), subcategory: "时效指标")) == ["FP303"])
        #expect(try codes(with(indicator("完成时间", "2024年12月", "2025年1月"), subcategory: "时效指标")) == ["FP303"])
        #expect(try codes(with(indicator("完成时间", "=2024年", "2024年"), subcategory: "时效指标")) == [])
        #expect(try codes(with(indicator("完成时间", "2024年12月底前", "2024年10月"), subcategory: "时效指标")) == [])
    }

    @Test("a date target is compared as a date, never as the number 2024, however it is written",
          arguments: [("≤2024年12月", "2024年11月"), ("2024年12月前", "2024年12月"), ("≤2024-12", "2024-11"), ("<=2024年12月", "2024年12月"),
                      ("≤2024年12月", "已完成"), ("2024年底", "达成年度指标")])
    func dateTargetMet(target: String, actual: String) throws {
        #expect(try codes(with(indicator("完成时间", target, actual), subcategory: "时效指标")) == [])
    }

    @Test("a date target missed, or against a bare number, still gets its finding")
    func dateTargetNotMet() throws {
        #expect(try codes(with(indicator("完成时间", "≤2024年12月", "2025年1月"), subcategory: "时效指标")) == ["FP303"])
        #expect(try codes(with(indicator("完成时间", "≤2024-12", "2025-01"), subcategory: "时效指标")) == ["FP303"])
        // 2024 is no date: not met as a number (FP301), only not comparable.
        #expect(try codes(with(indicator("完成时间", "≤2024年12月", "2024"), subcategory: "时效指标")) == ["FP311"])
        #expect(try codes(with(indicator("完成时间", "≤2024年12月", "部分达成年度指标并具有一定效果"), subcategory: "时效指标")) == ["FP301"])
    }

    @Test("FP304: a time target outside the evaluated year, even when met as written")
    func timeOutsideYear() throws {
        let found = try findings(with(indicator("完成时间", "=2025年", "2025年"), subcategory: "时效指标"), code: "FP304")
        #expect(found.map(\.message.english) == ["完成时间: time target =2025年 lies outside the evaluated year 2024"])
        #expect(found.first?.path.description.hasSuffix(".target") == true)
        #expect(try codes(with(indicator("完成时间", "=2024年", "2024年"), subcategory: "时效指标")).contains("FP304") == false)
    }

    @Test("FP305: units that differ; converted when both are money, not compared otherwise")
    func unitsDiffer() throws {
        #expect(try codes(with(indicator("培训场次", "≥10场", "12次"))) == ["FP305"])
        let converted = try findings(with(indicator("节约资金", "≥1万元", "12000元")), code: "FP305")
        #expect(converted.map(\.message.english) == ["节约资金: 年度指标值 in 万元, 实际完成值 in 元; compared after converting"])
        #expect(try codes(with(indicator("培训场次", "≥10场", "12场"))) == [])
    }

    @Test("FP306: no actual value (empty or a dash); FP308: no target")
    func missingValues() throws {
        #expect(try codes(with(indicator("职工满意度", ">=98%", ""))) == ["FP306"])
        #expect(try codes(with(indicator("职工满意度", ">=98%", "—"))) == ["FP306"])
        #expect(try codes(with(indicator("职工满意度", "", "98%"))) == ["FP308"])
        #expect(try codes(with(indicator("职工满意度", ">=98%", "98%"))) == [])
    }

    @Test("FP307: an unmet target needs its 偏差原因 on forms with that column only")
    func deviationReason() throws {
        let unmet = with(indicator("优化政府部门", ">=64.4万元", "14.4万元"))
        #expect(try codes(unmet, "national").sorted() == ["FP301", "FP307"])
        #expect(try codes(unmet, "jilin") == ["FP301"])
        let explained = with(indicator("优化政府部门", ">=64.4万元", "14.4万元", deviation: "财政收回指标，申请历年执行"))
        #expect(try codes(explained, "national") == ["FP301"])
        #expect(try codes(with(indicator("优化政府部门", ">=64.4万元", "64.4万元")), "national") == [])
    }

    @Test("FP309: far above a 正向 target (130% in the national profile)")
    func farAbove() throws {
        let found = try findings(with(indicator("培训人数", "≥100人", "150人")), "national", code: "FP309")
        #expect(found.map(\.message.english) == ["培训人数: 150人 is 150.0% of ≥100人: explain whether the target was set too low"])
        #expect(try codes(with(indicator("培训人数", "≥100人", "129人")), "national") == [])
        #expect(try codes(with(indicator("差错率", "≤5%", "1%")), "national") == [], "below a 反向 limit is not 'far above'")
    }

    @Test("FP310: a 成本指标 counted in 人; not one in money or %")
    func costNotMoney() throws {
        #expect(try codes(with(indicator("费用指标", "=56人", "56人"), category: "成本指标", subcategory: "经济成本指标")) == ["FP310"])
        #expect(try codes(with(indicator("费用指标", "≤56万元", "50万元"), category: "成本指标", subcategory: "经济成本指标")) == [])
        #expect(try codes(with(indicator("人数", "=56人", "56人"), subcategory: "数量指标")) == [])
    }

    @Test("FP311: an actual value that cannot be compared with a numeric target")
    func actualNotComparable() throws {
        #expect(try codes(with(indicator("覆盖率", "≥98%", "较好"))) == ["FP311"])
        #expect(try codes(with(indicator("完成时间", "=2024年", "按时完成"), subcategory: "时效指标")) == ["FP311"])
        #expect(try codes(with(indicator("覆盖率", "≥98%", "99%"))) == [])
        #expect(try codes(with(indicator("完成时间", "=2024年", "2024年11月"), subcategory: "时效指标")) == [])
    }
}
