import Evaluation
import Foundation
import Support

/// Scores each project by its scoring profile (财预〔2020〕10号 for the
/// national form): 执行率 and every 三级 indicator, the 总分 and its grade.
///
/// The renderer calls `scored(_:profile:)` before binding a layout with
/// 分值/得分 columns and binds `ScoredUnit.computed` beside the unit's data.
package enum Scoring {
    /// The values for each project's empty 分值, 得分, 总分 and 等级 cells,
    /// by field. Values the unit entered are never replaced; where one
    /// disagrees with FormPrint's, that is a finding (FP601–FP604). Scores
    /// are rounded to `profile.decimals` ("8.11"), weights written without
    /// trailing zeros ("10", "12.5"), and 总分 is the sum of the 得分 as
    /// printed. The department form is not scored (no national scoring
    /// rules exist for it).
    package static func scored(_ unit: UnitEvaluation, profile: ScoringProfile) -> ScoredUnit {
        var computed: [FieldPath: String] = [:]
        var findings: [Finding] = []
        var cards: [ProjectScorecard] = []
        for index in unit.projects.indices {
            let result = ProjectScoring(unit.projects[index], index: index, profile: profile)
            computed.merge(result.computedValues(unit.projects[index], profile: profile)) { entered, _ in entered }
            findings += result.findings
            cards.append(result.card)
        }
        return ScoredUnit(computed: computed, findings: findings, projects: cards)
    }
}

/// One project's scores and the findings made while working them out.
struct ProjectScoring {
    var card: ProjectScorecard
    var findings: [Finding] = []
    /// Indicator weights as planned, in entry order.
    private var weights: [Decimal?]

    init(_ project: Project, index: Int, profile: ScoringProfile) {
        let base = FieldPath("projects").appending(index)
        let entries = IndicatorEntry.entries(project.indicators, at: base.appending("indicators"), form: .project(index))
        let plan = WeightPlan(project, index: index, entries: entries, profile: profile)
        findings += plan.findings
        weights = plan.indicators
        let places = profile.decimals

        // 预算执行率
        let block = FundsBlock(project, index: index)
        let scorePath = block.scoringIndex.map { block.rowPath($0).appending("score") } ?? block.path
        var execution = ScoreLine(label: "预算执行率", path: scorePath, weight: plan.execution)
        var rate: Decimal?
        var printable = true
        switch ExecutionRateScorer.score(block, weight: plan.execution, rule: profile.executionRate) {
        case .scored(let value, let score):
            rate = value
            execution.computed = score.rounded(places: places)
        case .unscorable(let chinese, let english):
            findings.append(Finding(.scoreNeedsEvaluator, Message(
                chinese: "预算执行率：无法计算得分（\(chinese)）", english: "预算执行率: 得分 not computed (\(english))"), at: scorePath))
        }
        if let row = block.scoringIndex.map({ project.funds[$0] }) {
            let cell = CellNumber(row.score, as: .points)
            execution.entered = cell.number
            printable = cell != .notNumber
            if let finding = ScoreAgreement.check(execution, cell: cell, qualitative: nil, profile: profile) { findings.append(finding) }
        }
        var printedScores: [Decimal?] = [printable ? execution.score : nil]

        // 三级 indicators
        var lines: [ScoreLine] = []
        for (entry, weight) in zip(entries, plan.indicators) {
            let assessment = IndicatorAssessment(entry, qualitative: profile.qualitative)
            var line = ScoreLine(label: entry.name, path: entry.path.appending("score"), weight: weight)
            line.computed = weight.flatMap { IndicatorScorer.score(assessment, weight: $0, reverse: profile.indicators.reverse) }?
                .rounded(places: places)
            let cell = CellNumber(entry.indicator.score, as: .points)
            line.entered = cell.number
            line.enteredText = entry.indicator.score
            let band: Int?? = if case .qualitative(let band) = assessment.outcome { .some(band) } else { .none }
            if let finding = ScoreAgreement.check(line, cell: cell, qualitative: band, profile: profile) { findings.append(finding) }
            if line.score == nil, let weight, cell == .blank {
                findings.append(ScoreAgreement.needsEvaluator(entry, assessment, weight: weight, profile: profile))
            }
            printedScores.append(cell == .notNumber ? nil : line.score)
            lines.append(line)
        }

        // 总分 and 等级
        var total: Decimal?
        let missing = printedScores.filter { $0 == nil }.count
        if !plan.complete {
            // FP503/FP504 say why: a 总分 over 分值 that are missing or do not
            // make 100 would mean nothing.
        } else if missing == 0 {
            total = printedScores.reduce(Decimal(0)) { $0 + $1! }
        } else {
            let names = ([execution] + lines).enumerated().filter { printedScores[$0.offset] == nil }.map(\.element.label)
            findings.append(Finding(.totalNotComputed, Message(
                chinese: "总分和等级未计算：\(missing)项得分缺失（\(names.joined(separator: "、"))）",
                english: "总分 and 等级 not computed: \(missing) 得分 missing (\(names.joined(separator: ", ")))"),
                at: base.appending("totalScore")))
        }
        var printedTotal = total
        let enteredTotal = CellNumber(project.totalScore, as: .points)
        if case .number(let value, let digits, _) = enteredTotal {
            printedTotal = value
            if let total, total.rounded(places: Decimal.places(in: digits)) != value {
                findings.append(Finding(.totalScoreDiffers, Message(
                    chinese: "总分填写为\(project.totalScore)，各项得分合计为\(total.fixed(places: places))",
                    english: "总分 is \(project.totalScore) but the 得分 add up to \(total.fixed(places: places))"),
                    at: base.appending("totalScore")))
            }
        }
        let grade = printedTotal.flatMap(profile.grade(for:))
        if let grade, !project.grade.isEmpty, project.grade.trimmingSpaces() != grade, let printedTotal {
            findings.append(Finding(.gradeDiffers, Message(
                chinese: "等级填写为“\(project.grade)”，总分\(printedTotal.fixed(places: places))对应“\(grade)”",
                english: "等级 is \(project.grade) but 总分 \(printedTotal.fixed(places: places)) is \(grade)"),
                at: base.appending("grade")))
        }
        card = ProjectScorecard(projectIndex: index, name: project.name, executionRate: rate, execution: execution,
                                indicators: lines, total: total, grade: grade)
    }

    /// The profile's values for `project`'s empty score cells, by field.
    func computedValues(_ project: Project, profile: ScoringProfile) -> [FieldPath: String] {
        var values: [FieldPath: String] = [:]
        let places = profile.decimals
        let base = FieldPath("projects").appending(card.projectIndex)
        func fill(_ entered: String, _ path: FieldPath, _ value: String?) {
            guard let value, entered.allSatisfy(\.isWhitespace) else { return }
            values[path] = value
        }
        let block = FundsBlock(project, index: card.projectIndex)
        for (index, row) in project.funds.enumerated() {
            let path = base.appending("funds").appending(index)
            if index == block.scoringIndex {
                fill(row.weight, path.appending("weight"), card.execution.weight?.trimmed(places: places))
                fill(row.score, path.appending("score"), card.execution.computed?.fixed(places: places))
            } else if !profile.emptyCell.isEmpty {
                fill(row.weight, path.appending("weight"), profile.emptyCell)
                fill(row.score, path.appending("score"), profile.emptyCell)
            }
        }
        for line in card.indicators {
            fill(line.enteredText, line.path, line.computed?.fixed(places: places))
        }
        fill(project.totalScore, base.appending("totalScore"), card.total?.fixed(places: places))
        fill(project.grade, base.appending("grade"), card.grade)
        return values
    }
}
