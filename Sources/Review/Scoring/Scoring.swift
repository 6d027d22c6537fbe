import Evaluation
import Foundation

/// Scores each project by its scoring profile (财预〔2020〕10号 for the
/// national form): 执行率 and every 三级 indicator, the 总分 and its grade.
///
/// The renderer calls `scored(_:profile:)` before binding a layout with
/// 分值/得分 columns and prints `ScoredUnit.unit`.
public enum Scoring {
    /// A copy of `unit` with each project's empty 分值, 得分, 总分 and 等级
    /// cells filled. Values the unit entered are never replaced; where one
    /// disagrees with FormPrint's, that is a finding (FP601–FP604). Scores
    /// are rounded to `profile.decimals` ("8.11"), weights written without
    /// trailing zeros ("10", "12.5"), and 总分 is the sum of the 得分 as
    /// printed. The department form is not scored (no national scoring
    /// rules exist for it).
    public static func scored(_ unit: UnitEvaluation, profile: ScoringProfile) -> ScoredUnit {
        var copy = unit
        var findings: [Finding] = []
        var cards: [ProjectScorecard] = []
        for index in unit.projects.indices {
            let result = ProjectScoring(unit.projects[index], index: index, profile: profile)
            copy.projects[index] = result.filled(unit.projects[index], profile: profile)
            findings += result.findings
            cards.append(result.card)
        }
        return ScoredUnit(unit: copy, findings: findings, projects: cards)
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
        if missing == 0 {
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
        if let grade, !project.grade.isEmpty, project.grade.trimmingCharacters(in: .whitespaces) != grade, let printedTotal {
            findings.append(Finding(.gradeDiffers, Message(
                chinese: "等级填写为“\(project.grade)”，总分\(printedTotal.fixed(places: places))对应“\(grade)”",
                english: "等级 is \(project.grade) but 总分 \(printedTotal.fixed(places: places)) is \(grade)"),
                at: base.appending("grade")))
        }
        card = ProjectScorecard(projectIndex: index, name: project.name, executionRate: rate, execution: execution,
                                indicators: lines, total: total, grade: grade)
    }

    /// `project` with its empty score cells filled from this scoring.
    func filled(_ project: Project, profile: ScoringProfile) -> Project {
        var project = project
        let places = profile.decimals
        let block = FundsBlock(project, index: card.projectIndex)
        for index in project.funds.indices {
            if index == block.scoringIndex {
                fill(&project.funds[index].weight, card.execution.weight?.trimmed(places: places))
                fill(&project.funds[index].score, card.execution.computed?.fixed(places: places))
            } else if !profile.emptyCell.isEmpty {
                fill(&project.funds[index].weight, profile.emptyCell)
                fill(&project.funds[index].score, profile.emptyCell)
            }
        }
        var slot = 0
        for i in project.indicators.indices {
            for j in project.indicators[i].subcategories.indices {
                for k in project.indicators[i].subcategories[j].indicators.indices {
                    let line = card.indicators[slot]
                    fill(&project.indicators[i].subcategories[j].indicators[k].weight, line.weight?.trimmed(places: places))
                    fill(&project.indicators[i].subcategories[j].indicators[k].score, line.computed?.fixed(places: places))
                    slot += 1
                }
            }
        }
        fill(&project.totalScore, card.total?.fixed(places: places))
        fill(&project.grade, card.grade)
        return project
    }

    /// Writes `value` into an empty cell only: what the unit entered stays.
    private func fill(_ cell: inout String, _ value: String?) {
        guard let value, cell.allSatisfy(\.isWhitespace) else { return }
        cell = value
    }
}
