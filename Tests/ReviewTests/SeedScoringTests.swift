import Evaluation
import Foundation
import Review
import Testing

/// The seed scored by 财预〔2020〕10号, with the numbers worked by hand.
@Suite("Scoring the seed")
struct SeedScoringTests {
    @Test("执行率 81.06% → 8.11 of 10; the seed enters no 分值, so no indicator 得分, 总分 or 等级 is made up")
    func seedScores() throws {
        let scored = Scoring.scored(try seed().document.unit, profile: try profile("national"))
        let card = try #require(scored.projects.first)
        // 172.18 ÷ 212.40 = 81.064…%; 10 × 0.81064 = 8.1064 → 8.11.
        #expect(card.executionRate?.fixed(places: 2) == "0.81")
        #expect(((card.executionRate ?? 0) * 100).fixed(places: 2) == "81.06")
        #expect(card.execution.weight == 10)
        #expect(card.execution.computed == Decimal(string: "8.11"))
        #expect(card.indicators.map(\.label) == ["费用指标", "费用成本", "使用覆盖率", "完成时间", "优化政府部门", "职工满意度"])
        #expect(card.indicators.allSatisfy { $0.weight == nil && $0.computed == nil })
        #expect(card.total == nil && card.grade == nil)
        #expect(scored.findings.map(\.rule) == [.weightsPartlyEntered])
    }

    @Test("the scorecard fills only the cells the national form prints and the unit left empty")
    func computedCells() throws {
        let scored = Scoring.scored(try seed().document.unit, profile: try profile("national"))
        let funds = FieldPath("projects").appending(0).appending("funds")
        #expect((0..<4).map { scored.computed[funds.appending($0).appending("weight")] } == ["—", "—", "—", "10"])
        #expect((0..<4).map { scored.computed[funds.appending($0).appending("score")] } == ["—", "—", "—", "8.11"])
        #expect(scored.computed.count == 8, "no indicator 分值/得分, no 总分/等级: \(scored.computed)")
    }

    @Test("with every 分值 entered the 总分 and 等级 follow: 8.11 + 12.5 × 4 + 6.71 + 10 = 74.82, 中")
    func seedWithWeights() throws {
        var unit = try seed().document.unit
        enterWeights(["12.5", "12.5", "12.5", "12.5", "30", "10"], into: &unit)
        let scored = Scoring.scored(unit, profile: try profile("national"))
        let card = try #require(scored.projects.first)
        #expect(card.indicators.map(\.computed) == [12.5, 12.5, 12.5, 12.5, Decimal(string: "6.71"), 10])
        #expect(card.total == Decimal(string: "74.82"))
        #expect(card.grade == "中")
        #expect(scored.computed[FieldPath("projects").appending(0).appending("totalScore")] == "74.82")
        #expect(scored.findings.isEmpty, "\(scored.findings)")
    }

    @Test("entered values are never overwritten; disagreements are findings")
    func enteredValuesKept() throws {
        var unit = try seed().document.unit
        unit.projects[0].funds[3].score = "9"            // computed 8.11
        unit.projects[0].indicators[2].subcategories[0].indicators[0].score = "6.7"   // computed 6.708 → agrees at 1 decimal
        unit.projects[0].totalScore = "80"
        unit.projects[0].grade = "良"
        enterWeights(["12.5", "12.5", "12.5", "12.5", "30", "10"], into: &unit)
        let scored = Scoring.scored(unit, profile: try profile("national"))
        // Nothing the unit entered is replaced by a computed value.
        let base = FieldPath("projects").appending(0)
        #expect(scored.computed[base.appending("funds").appending(3).appending("score")] == nil)
        #expect(scored.computed[base.appending("totalScore")] == nil)
        #expect(scored.computed[base.appending("grade")] == nil)
        #expect(scored.findings.map(\.rule) == [.scoreDiffers, .totalScoreDiffers])
        // The printed scores add up to 9 + 50 + 6.7 + 10 = 75.70; the grade of the printed 80 is 良.
        #expect(scored.findings[1].message.english == "总分 is 80 but the 得分 add up to 75.70")
        #expect(scored.projects[0].total == Decimal(string: "75.7"))
    }

    /// The seed's six indicators with these 分值, in printed order.
    func enterWeights(_ weights: [String], into unit: inout UnitEvaluation) {
        var slot = 0
        for i in unit.projects[0].indicators.indices {
            for j in unit.projects[0].indicators[i].subcategories.indices {
                for k in unit.projects[0].indicators[i].subcategories[j].indicators.indices {
                    unit.projects[0].indicators[i].subcategories[j].indicators[k].weight = weights[slot]
                    slot += 1
                }
            }
        }
    }
}
