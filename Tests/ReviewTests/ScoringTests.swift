import Evaluation
import Foundation
import Review
import Testing

/// Scoring by 财预〔2020〕10号 with worked numbers, and the findings scoring makes.
@Suite("Scoring")
struct ScoringTests {
    func card(_ unit: UnitEvaluation, _ profileID: String = "national") throws -> ProjectScorecard {
        try #require(Scoring.scored(unit, profile: try profile(profileID)).projects.first)
    }

    func scoringCodes(_ unit: UnitEvaluation, _ profileID: String = "national") throws -> [String] {
        Scoring.scored(unit, profile: try profile(profileID)).findings.map(\.rule.code)
    }

    /// The clean unit with one extra 产出指标 indicator, the second of the
    /// project; the 产出 group's 50 is then 25 each (unless `extra` says).
    func with(_ extra: Indicator) -> UnitEvaluation {
        var indicators = cleanIndicators()
        var extra = extra
        if extra.weight.isEmpty { extra.weight = "25" }
        indicators[0].subcategories[0].indicators[0].weight = "25"
        indicators[0].subcategories[0].indicators.append(extra)
        return cleanUnit(indicators: indicators)
    }

    @Test("执行率: 10 × min(rate, 100%) from the unrounded rate")
    func executionRate() throws {
        #expect(try card(cleanUnit(funds: funds(budget: "212.40", executed: "172.18", rate: "81.06%"))).execution.computed == Decimal(string: "8.11"))
        #expect(try card(cleanUnit(funds: funds(budget: "100.00", executed: "90.00"))).execution.computed == 9)
        #expect(try card(cleanUnit(funds: funds(budget: "100.00", executed: "120.00", rate: "120.00%"))).execution.computed == 10)
    }

    @Test("执行率 in bands, when a profile says so")
    func executionRateBands() throws {
        var bands = try profile("national")
        bands.executionRate.method = .bands([.init(minimumRate: Decimal(string: "0.9")!, share: 1),
                                             .init(minimumRate: Decimal(string: "0.8")!, share: Decimal(string: "0.5")!),
                                             .init(minimumRate: 0, share: 0)])
        let unit = cleanUnit(funds: funds(budget: "212.40", executed: "172.18", rate: "81.06%"))
        #expect(Scoring.scored(unit, profile: bands).projects.first?.execution.computed == 5)
    }

    @Test("no 分值 entered: no 得分 and no 总分, never a made-up 分值 (FP504 names the indicators)")
    func noWeightsInvented() throws {
        var indicators = cleanIndicators()
        for i in indicators.indices { indicators[i].subcategories[0].indicators[0].weight = "" }
        let scored = Scoring.scored(cleanUnit(indicators: indicators), profile: try profile("national"))
        #expect(scored.projects[0].indicators.map(\.weight) == [nil, nil, nil])
        #expect(scored.projects[0].indicators.map(\.computed) == [nil, nil, nil])
        #expect(scored.projects[0].total == nil)
        #expect(scored.findings.map(\.rule) == [.weightsPartlyEntered])
        #expect(scored.findings[0].message.english.hasPrefix("3 of 3 indicators have no 分值 (培训人数、群众知晓率、满意度)"))
        // 执行率 keeps the form's own 10 (the template prints it), so its 得分 is computed.
        #expect(scored.projects[0].execution.computed == 9)
        #expect(scored.computed.keys.map(\.description).sorted() == ["projects[0].funds[0].score", "projects[0].funds[0].weight",
                                                                      "projects[0].funds[1].score", "projects[0].funds[1].weight"].sorted())
    }

    @Test("weights in the 一级 label (产出指标(50分)) are still the 一级 the profile knows")
    func weightInLabel() throws {
        var indicators = cleanIndicators()
        indicators[0].name = "产出指标(50分)"
        #expect(try scoringCodes(cleanUnit(indicators: indicators)) == [])
    }

    @Test("FP503: entered 分值 not adding up to 100; not when they do")
    func weightsNotHundred() throws {
        var indicators = cleanIndicators()
        for (i, weight) in ["50", "30", "5"].enumerated() { indicators[i].subcategories[0].indicators[0].weight = weight }
        let found = Scoring.scored(cleanUnit(indicators: indicators), profile: try profile("national")).findings
        #expect(found.map(\.rule) == [.weightsNotHundred])
        #expect(found.first?.message.english == "分值 add up to 95, not 100 (执行率 10 + indicators 85), so 总分 and 等级 are left blank")
        indicators[2].subcategories[0].indicators[0].weight = "10"
        #expect(try scoringCodes(cleanUnit(indicators: indicators)) == [])
    }

    @Test("FP504: 分值 for some indicators only: those get 得分, 总分 and 等级 stay blank")
    func weightsPartlyEntered() throws {
        var indicators = cleanIndicators()
        indicators[1].subcategories[0].indicators[0].weight = ""
        let scored = Scoring.scored(cleanUnit(indicators: indicators), profile: try profile("national"))
        #expect(scored.findings.map(\.rule) == [.weightsPartlyEntered])
        #expect(scored.projects[0].indicators.map(\.weight) == [50, nil, 10])
        #expect(scored.projects[0].indicators.map(\.computed) == [50, nil, 10])
        #expect(scored.projects[0].total == nil && scored.projects[0].grade == nil)
        #expect(scored.computed[FieldPath("projects").appending(0).appending("totalScore")] == nil)
    }

    @Test("FP505: a 一级 not in the profile's tree, with the nearest standard name")
    func unknownCategory() throws {
        var indicators = cleanIndicators()
        indicators[1].name = "效宜指标"
        let scored = Scoring.scored(cleanUnit(indicators: indicators), profile: try profile("national"))
        #expect(scored.findings.map(\.rule) == [.categoryWithoutDefaultWeight])
        #expect(scored.findings[0].message.chinese == "一级指标“效宜指标”不在评分规则“national”的指标体系中；是否应为“效益指标”？")
        #expect(scored.findings[0].path.description == "projects[0].indicators[1].category")
        #expect(try scoringCodes(cleanUnit()) == [])
    }

    @Test("正向 not met: 分值 × actual ÷ target")
    func forwardShortfall() throws {
        // 30 × 14.4 ÷ 64.4 = 6.708… on a 效益 indicator of weight 30 (the only one).
        var indicators = cleanIndicators()
        indicators[1].subcategories[0].indicators[0] = indicator("优化政府部门", ">=64.4万元", "14.4万元", weight: "30")
        #expect(try card(cleanUnit(indicators: indicators)).indicators[1].computed == Decimal(string: "6.71"))
    }

    @Test("反向 not met: ratio 分值 × t ÷ a (national), or linear 分值 × max(0, 1 − (a − t) ÷ t)")
    func reverse() throws {
        var indicators = cleanIndicators()
        indicators[1].subcategories[0].indicators[0] = indicator("差错率", "≤5%", "8%", weight: "30")
        let unit = cleanUnit(indicators: indicators)
        // ratio: 30 × 5 ÷ 8 = 18.75; linear: 30 × (1 − 3/5) = 12.
        #expect(try card(unit).indicators[1].computed == Decimal(string: "18.75"))
        var linear = try profile("national")
        linear.indicators.reverse = .linear
        #expect(Scoring.scored(unit, profile: linear).projects[0].indicators[1].computed == 12)
        indicators[1].subcategories[0].indicators[0] = indicator("差错率", "≤5%", "11%", weight: "30")
        #expect(Scoring.scored(cleanUnit(indicators: indicators), profile: linear).projects[0].indicators[1].computed == 0)
    }

    @Test("a strict target met by equality scores full marks (the finding is FP302); a time target missed scores 0")
    func strictAndTime() throws {
        var indicators = cleanIndicators()
        indicators[1].subcategories[0].indicators[0] = indicator("社会效益", ">95%", "95%", weight: "30")
        indicators[2].subcategories[0].indicators[0] = indicator("完成时间", "=2024年", "2025年", weight: "10")
        let card = try card(cleanUnit(indicators: indicators))
        #expect(card.indicators.map(\.computed) == [50, 30, 0])
        // 9 (执行率 90%) + 50 + 30 + 0.
        #expect(card.total == 89)
        #expect(card.grade == "良")
    }

    @Test("no actual value: no 得分 (never 0.00), and so no 总分")
    func missingActual() throws {
        let card = try card(with(indicator("人数", "≥10人", "")))
        #expect(card.indicators[1].computed == nil)
        #expect(card.total == nil)
    }

    @Test("qualitative: reached scores full; otherwise the evaluator scores within the band (FP605), checked (FP602)")
    func qualitative() throws {
        let reached = try card(with(indicator("制度执行", "严格执行相关制度", "达成年度指标")))
        #expect(reached.indicators[1].computed == 25)

        let partly = with(indicator("制度执行", "严格执行相关制度", "部分达成年度指标并具有一定效果"))
        #expect(try scoringCodes(partly) == ["FP605", "FP606"])
        // Weight of the 产出 group: 50 over 2 indicators = 25; the band is 60%–80%: 15–20.
        let found = Scoring.scored(partly, profile: try profile("national")).findings
        #expect(found.first?.message.english == "制度执行: 得分 not computed; score it within 部分达成年度指标并具有一定效果 15–20")
        #expect(try scoringCodes(with(indicator("制度执行", "严格执行相关制度", "部分达成年度指标并具有一定效果", score: "18"))) == [])
        #expect(try scoringCodes(with(indicator("制度执行", "严格执行相关制度", "部分达成年度指标并具有一定效果", score: "22"))) == ["FP602"])
        #expect(try scoringCodes(with(indicator("制度执行", "严格执行相关制度", "达成年度指标", score: "21"))) == [],
                "an evaluator may give less than full marks within the top band")
        #expect(try scoringCodes(with(indicator("制度执行", "严格执行相关制度", "达成年度指标", score: "15"))) == ["FP602"])
        #expect(try scoringCodes(with(indicator("制度执行", "严格执行相关制度", "效果较好"))) == ["FP605", "FP606"])
    }

    @Test("FP601: an entered 得分 that disagrees at its own precision; FP602 above the 分值")
    func enteredScores() throws {
        #expect(try scoringCodes(with(indicator("人数", "≥10人", "5人", score: "20"))) == ["FP601"])
        #expect(try scoringCodes(with(indicator("人数", "≥10人", "5人", score: "12.5"))) == [])
        #expect(try scoringCodes(with(indicator("人数", "≥10人", "5人", score: "13"))) == [], "12.5 rounds to 13 at no decimals")
        #expect(try scoringCodes(with(indicator("人数", "≥10人", "10人", score: "26"))) == ["FP602"])
    }

    @Test("FP603, FP604: an entered 总分 or 等级 that disagrees; none when they agree")
    func enteredTotal() throws {
        var unit = cleanUnit()
        unit.projects[0].totalScore = "95"     // the 得分 add up to 99; 95 is 优
        unit.projects[0].grade = "良"
        #expect(try scoringCodes(unit) == ["FP603", "FP604"])
        unit.projects[0].totalScore = "99.00"   // 9 + 50 + 30 + 10
        unit.projects[0].grade = "优"
        #expect(try scoringCodes(unit) == [])
    }

    @Test("the grade bands: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below",
          arguments: [("100", "优"), ("90", "优"), ("89.99", "良"), ("80", "良"), ("79.99", "中"), ("60", "中"), ("59.99", "差"), ("0", "差")])
    func grades(total: String, grade: String) throws {
        #expect(try profile("national").grade(for: Decimal(string: total)!) == grade)
    }

    @Test("scoring findings are not reported for a form without score columns (profile jilin)")
    func jilinQuiet() throws {
        let unit = with(indicator("制度执行", "严格执行相关制度", "效果较好"))
        #expect(try codes(unit, "jilin") == [])
        #expect(try codes(unit, "national") == ["FP605", "FP606"])
    }
}
