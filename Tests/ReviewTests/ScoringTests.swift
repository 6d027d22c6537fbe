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
    /// project; the 产出 group's 50 is then 25 each.
    func with(_ extra: Indicator) -> UnitEvaluation {
        var indicators = cleanIndicators()
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

    @Test("default weights: 产出 50, 效益 30, 满意度 10 spread evenly, to the cent, adding up to 100")
    func defaultWeights() throws {
        var indicators = cleanIndicators()
        indicators[1].subcategories[0].indicators += (2...7).map { indicator("效益\($0)", "≥90%", "95%") }
        let card = try card(cleanUnit(indicators: indicators))
        // 效益 30 over 7 indicators: 3000 cents ÷ 7 = 428 r 4, so the first four take 4.29 and the rest 4.28.
        let expected = ["50", "4.29", "4.29", "4.29", "4.29", "4.28", "4.28", "4.28", "10"].map { Decimal(string: $0)! }
        #expect(card.indicators.map(\.weight) == expected)
        #expect(card.indicators.reduce(card.execution.weight!) { $0 + $1.weight! } == 100)
    }

    @Test("a missing 一级 group gives its share to the others in proportion")
    func missingGroup() throws {
        let indicators = Array(cleanIndicators().prefix(2))   // no 满意度指标
        let card = try card(cleanUnit(indicators: indicators))
        // 90 × 50/80 = 56.25, 90 × 30/80 = 33.75.
        #expect(card.indicators.map(\.weight) == [Decimal(string: "56.25"), Decimal(string: "33.75")])
        // 9 (执行率 90%) + 56.25 + 33.75.
        #expect(card.total == 99)
    }

    @Test("weights in the 一级 label (产出指标(50分)) still find their group")
    func weightInLabel() throws {
        var indicators = cleanIndicators()
        indicators[0].name = "产出指标(50分)"
        #expect(try card(cleanUnit(indicators: indicators)).indicators.first?.weight == 50)
    }

    @Test("FP503: entered 分值 not adding up to 100; not when they do")
    func weightsNotHundred() throws {
        var indicators = cleanIndicators()
        for (i, weight) in ["50", "30", "5"].enumerated() { indicators[i].subcategories[0].indicators[0].weight = weight }
        let found = Scoring.scored(cleanUnit(indicators: indicators), profile: try profile("national")).findings
        #expect(found.map(\.rule) == [.weightsNotHundred])
        #expect(found.first?.message.english == "分值 add up to 95, not 100 (执行率 10 + indicators 85)")
        indicators[2].subcategories[0].indicators[0].weight = "10"
        #expect(try scoringCodes(cleanUnit(indicators: indicators)) == [])
    }

    @Test("FP504: 分值 for some indicators only; the rest of 100 is spread over the others")
    func weightsPartlyEntered() throws {
        var indicators = cleanIndicators()
        indicators[0].subcategories[0].indicators[0].weight = "60"
        let scored = Scoring.scored(cleanUnit(indicators: indicators), profile: try profile("national"))
        #expect(scored.findings.map(\.rule) == [.weightsPartlyEntered])
        #expect(scored.projects[0].indicators.map(\.weight) == [60, 15, 15])
    }

    @Test("FP505: a 一级 the profile has no weight for; 总分 then waits for the unit's 分值 (FP606)")
    func unknownCategory() throws {
        var indicators = cleanIndicators()
        indicators.append(category("投入指标", "预算执行", indicator("支付进度", "≥90%", "95%")))
        let scored = Scoring.scored(cleanUnit(indicators: indicators), profile: try profile("national"))
        #expect(scored.findings.map(\.rule) == [.categoryWithoutDefaultWeight, .totalNotComputed])
        #expect(scored.projects[0].total == nil)
        #expect(scored.unit.projects[0].totalScore == "")
        // Not triggered when the unit gives that 一级's 分值 (here all of them, adding up to 100).
        for (i, weight) in ["40", "30", "10", "10"].enumerated() { indicators[i].subcategories[0].indicators[0].weight = weight }
        #expect(try scoringCodes(cleanUnit(indicators: indicators)) == [])
    }

    @Test("正向 not met: 分值 × actual ÷ target")
    func forwardShortfall() throws {
        // 30 × 14.4 ÷ 64.4 = 6.708… on a 效益 indicator of weight 30 (the only one).
        var indicators = cleanIndicators()
        indicators[1].subcategories[0].indicators[0] = indicator("优化政府部门", ">=64.4万元", "14.4万元")
        #expect(try card(cleanUnit(indicators: indicators)).indicators[1].computed == Decimal(string: "6.71"))
    }

    @Test("反向 not met: ratio 分值 × t ÷ a (national), or linear 分值 × max(0, 1 − (a − t) ÷ t)")
    func reverse() throws {
        var indicators = cleanIndicators()
        indicators[1].subcategories[0].indicators[0] = indicator("差错率", "≤5%", "8%")
        let unit = cleanUnit(indicators: indicators)
        // ratio: 30 × 5 ÷ 8 = 18.75; linear: 30 × (1 − 3/5) = 12.
        #expect(try card(unit).indicators[1].computed == Decimal(string: "18.75"))
        var linear = try profile("national")
        linear.indicators.reverse = .linear
        #expect(Scoring.scored(unit, profile: linear).projects[0].indicators[1].computed == 12)
        indicators[1].subcategories[0].indicators[0] = indicator("差错率", "≤5%", "11%")
        #expect(Scoring.scored(cleanUnit(indicators: indicators), profile: linear).projects[0].indicators[1].computed == 0)
    }

    @Test("a strict target met by equality scores full marks (the finding is FP302); a time target missed scores 0")
    func strictAndTime() throws {
        var indicators = cleanIndicators()
        indicators[1].subcategories[0].indicators[0] = indicator("社会效益", ">95%", "95%")
        indicators[2].subcategories[0].indicators[0] = indicator("完成时间", "=2024年", "2025年")
        let card = try card(cleanUnit(indicators: indicators))
        #expect(card.indicators.map(\.computed) == [50, 30, 0])
        // 9 (执行率 90%) + 50 + 30 + 0.
        #expect(card.total == 89)
        #expect(card.grade == "良")
    }

    @Test("no actual value scores 0")
    func missingActual() throws {
        #expect(try card(with(indicator("人数", "≥10人", ""))).indicators[1].computed == 0)
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
