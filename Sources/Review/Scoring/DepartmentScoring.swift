import Evaluation
import Foundation

extension Scoring {
    /// The department form's scores, for the provincial forms that score it
    /// (福建: 指标分值, 得分, 合计): each 三级 indicator's empty 得分 from the
    /// 分值 the unit entered, by the profile's rules, and the 合计 when every
    /// 分值 is entered and they make the profile's total. There is no 执行率
    /// line on these forms; nothing is computed without a 分值.
    package static func scoredDepartment(_ unit: UnitEvaluation, profile: ScoringProfile) -> ScoredUnit {
        guard let department = unit.department else { return ScoredUnit(computed: [:], findings: [], projects: []) }
        let base = FieldPath("department")
        let entries = IndicatorEntry.entries(department.indicators, at: base.appending("indicators"), form: .department)
        let places = profile.decimals
        var findings: [Finding] = WeightPlan.unknownCategories(entries, profile: profile)
        var computed: [FieldPath: String] = [:]
        let weights = entries.map { CellNumber($0.indicator.weight, as: .points).number }
        let missing = entries.indices.filter { weights[$0] == nil }
        if let finding = WeightPlan.missingWeights(entries, missing, blank: ("其得分和合计", "their 得分 and the 合计")) { findings.append(finding) }
        let sum = weights.compactMap { $0 }.reduce(Decimal(0), +)
        if missing.isEmpty && sum != profile.total {
            findings.append(Finding(.weightsNotHundred, Message(
                chinese: "分值合计\(sum.trimmed(places: places))分，应为\(profile.total.trimmed(places: places))分；合计因此留空",
                english: "分值 add up to \(sum.trimmed(places: places)), not \(profile.total.trimmed(places: places)), so the 合计 is left blank"),
                at: base.appending("indicators")))
        }
        var printed: [Decimal?] = []
        for (entry, weight) in zip(entries, weights) {
            let cell = CellNumber(entry.indicator.score, as: .points)
            let assessment = IndicatorAssessment(entry, qualitative: profile.qualitative)
            let score = weight.flatMap { IndicatorScorer.score(assessment, weight: $0, reverse: profile.indicators.reverse) }?.rounded(places: places)
            if cell == .blank, let score { computed[entry.path.appending("score")] = score.fixed(places: places) }
            printed.append(cell == .blank ? score : cell.number)
        }
        if missing.isEmpty, sum == profile.total, printed.allSatisfy({ $0 != nil }), !printed.isEmpty,
           CellNumber(department.value("totalScore"), as: .points) == .blank {
            computed[base.appending("totalScore")] = printed.compactMap { $0 }.reduce(Decimal(0), +).fixed(places: places)
        }
        return ScoredUnit(computed: computed, findings: findings, projects: [])
    }
}
