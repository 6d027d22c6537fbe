import Evaluation
import Foundation
import Review
import Testing

/// The seed scored by 财预〔2020〕10号, with the numbers worked by hand.
@Suite("Scoring the seed")
struct SeedScoringTests {
    @Test("执行率 81.06% → 8.11 of 10; defaults 50/30/10 spread evenly; 总分 74.82, 中")
    func seedScores() throws {
        let scored = Scoring.scored(try seed().document.unit, profile: try profile("national"))
        let card = try #require(scored.projects.first)
        // 172.18 ÷ 212.40 = 81.064…%; 10 × 0.81064 = 8.1064 → 8.11.
        #expect(card.executionRate?.fixed(places: 2) == "0.81")
        #expect(((card.executionRate ?? 0) * 100).fixed(places: 2) == "81.06")
        #expect(card.execution.weight == 10)
        #expect(card.execution.computed == Decimal(string: "8.11"))
        // 成本指标 (1) and 产出指标 (3) share 产出's 50: 12.5 each; 效益 30; 满意度 10.
        #expect(card.indicators.map(\.label) == ["费用指标", "费用成本", "使用覆盖率", "完成时间", "优化政府部门", "职工满意度"])
        #expect(card.indicators.map(\.weight) == [12.5, 12.5, 12.5, 12.5, 30, 10])
        // 优化政府部门: 30 × 14.4 ÷ 64.4 = 6.708… → 6.71; the rest are met.
        #expect(card.indicators.map(\.computed) == [12.5, 12.5, 12.5, 12.5, Decimal(string: "6.71"), 10])
        // 8.11 + 4 × 12.50 + 6.71 + 10.00 = 74.82 → 中 (60 ≤ 74.82 < 80).
        #expect(card.total == Decimal(string: "74.82"))
        #expect(card.grade == "中")
        #expect(scored.findings.isEmpty, "\(scored.findings)")
    }

    @Test("the scored copy fills the empty cells as the national form prints them")
    func scoredCopy() throws {
        let original = try seed().document.unit
        let project = try #require(Scoring.scored(original, profile: try profile("national")).unit.projects.first)
        #expect(project.funds.map(\.weight) == ["—", "—", "—", "10"])
        #expect(project.funds.map(\.score) == ["—", "—", "—", "8.11"])
        let indicators = project.indicators.flatMap(\.subcategories).flatMap(\.indicators)
        #expect(indicators.map(\.weight) == ["12.5", "12.5", "12.5", "12.5", "30", "10"])
        #expect(indicators.map(\.score) == ["12.50", "12.50", "12.50", "12.50", "6.71", "10.00"])
        #expect(project.totalScore == "74.82")
        #expect(project.grade == "中")
        // Nothing the unit wrote changes.
        #expect(indicators.map(\.target) == original.projects[0].indicators.flatMap(\.subcategories).flatMap(\.indicators).map(\.target))
        #expect(project.funds.map(\.executed) == original.projects[0].funds.map(\.executed))
        // The department form is not scored.
        #expect(Scoring.scored(original, profile: try profile("national")).unit.department == original.department)
    }

    @Test("the 吉林 profile leaves the sub-rows of the funds block empty")
    func jilinCopy() throws {
        let project = try #require(Scoring.scored(try seed().document.unit, profile: try profile("jilin")).unit.projects.first)
        #expect(project.funds.map(\.weight) == ["", "", "", "10"])
        #expect(project.totalScore == "74.82")
    }

    @Test("entered values are never overwritten; disagreements are findings")
    func enteredValuesKept() throws {
        var unit = try seed().document.unit
        unit.projects[0].funds[3].score = "9"            // computed 8.11
        unit.projects[0].indicators[2].subcategories[0].indicators[0].score = "6.7"   // computed 6.708 → agrees at 1 decimal
        unit.projects[0].totalScore = "80"
        unit.projects[0].grade = "良"
        let scored = Scoring.scored(unit, profile: try profile("national"))
        let project = scored.unit.projects[0]
        #expect(project.funds[3].score == "9")
        #expect(project.indicators[2].subcategories[0].indicators[0].score == "6.7")
        #expect(project.totalScore == "80")
        #expect(project.grade == "良")
        #expect(scored.findings.map(\.rule) == [.scoreDiffers, .totalScoreDiffers])
        // The printed scores add up to 9 + 50 + 6.7 + 10 = 75.70; the grade of the printed 80 is 良.
        #expect(scored.findings[1].message.english == "总分 is 80 but the 得分 add up to 75.70")
        #expect(scored.projects[0].total == Decimal(string: "75.7"))
    }
}
