import Evaluation
import Foundation

/// The 分值 of a project's 执行率 line and of each of its 三级 indicators.
///
/// - Entered 分值 are used as entered; together with 执行率 they must make
///   the profile's total, 100 (FP503).
/// - With no 分值 entered, the profile's group weights apply (national:
///   产出指标+成本指标 50, 效益指标 30, 满意度指标 10). A group's 分值 is
///   spread evenly over its 三级 indicators, to the cent, the first
///   indicators taking the leftover cents so the sum is exact. Groups with
///   no indicator in the form give their share to the others in proportion,
///   so the form still totals 100. A 一级 the profile does not know gets no
///   分值 (FP505).
/// - With 分值 entered for some indicators only, what is left of 100 is
///   spread evenly over the others (FP504).
struct WeightPlan {
    var execution: Decimal
    var indicators: [Decimal?]
    var findings: [Finding] = []

    init(_ project: Project, index: Int, entries: [IndicatorEntry], profile: ScoringProfile) {
        let base = FieldPath("projects").appending(index)
        let block = FundsBlock(project, index: index)
        let enteredExecution = block.scoringIndex.flatMap { CellNumber(project.funds[$0].weight, as: .points).number }
        execution = enteredExecution ?? profile.executionRate.weight
        let available = profile.total - execution
        let entered = entries.map { CellNumber($0.indicator.weight, as: .points).number }
        let enteredCount = entered.compactMap { $0 }.count
        let places = profile.decimals

        if enteredCount == entries.count {
            indicators = entered
        } else if enteredCount == 0 {
            indicators = Array(repeating: nil, count: entries.count)
            findings += defaults(entries, available: available, profile: profile, base: base)
        } else {
            let remainder = available - entered.compactMap { $0 }.reduce(0, +)
            let missing = entered.indices.filter { entered[$0] == nil }
            let share = Self.spread(max(remainder, 0), over: missing.count, places: places)
            indicators = entered
            for (slot, index) in missing.enumerated() { indicators[index] = share[slot] }
            findings.append(Finding(.weightsPartlyEntered, Message(
                chinese: "只有\(enteredCount)个指标填写了分值（共\(entries.count)个），其余\(missing.count)个平均分配剩余的\(max(remainder, 0).trimmed(places: places))分",
                english: "分值 entered for \(enteredCount) of \(entries.count) indicators; the remaining \(max(remainder, 0).trimmed(places: places)) is spread evenly over the other \(missing.count)"),
                at: base.appending("indicators")))
        }
        guard enteredCount > 0 || enteredExecution != nil else { return }
        let sum = indicators.compactMap { $0 }.reduce(execution, +)
        if sum != profile.total {
            findings.append(Finding(.weightsNotHundred, Message(
                chinese: "分值合计\(sum.trimmed(places: places))分（执行率\(execution.trimmed(places: places)) + 指标\((sum - execution).trimmed(places: places))），应为\(profile.total.trimmed(places: places))分",
                english: "分值 add up to \(sum.trimmed(places: places)), not \(profile.total.trimmed(places: places)) (执行率 \(execution.trimmed(places: places)) + indicators \((sum - execution).trimmed(places: places)))"),
                at: base.appending("indicators")))
        }
    }

    /// Fills `indicators` from the profile's group weights.
    private mutating func defaults(_ entries: [IndicatorEntry], available: Decimal, profile: ScoringProfile, base: FieldPath) -> [Finding] {
        let groups = profile.indicators.weights
        let groupOf = entries.map { entry in groups.firstIndex { $0.categories.contains(Self.bareName(entry.category)) } }
        var findings: [Finding] = []
        var reported: Set<String> = []
        for (entry, group) in zip(entries, groupOf) where group == nil && reported.insert(entry.category).inserted {
            findings.append(Finding(.categoryWithoutDefaultWeight, Message(
                chinese: "一级指标“\(entry.category)”在评分规则“\(profile.id)”中没有默认分值，请填写各指标分值",
                english: "一级指标 \"\(entry.category)\" has no default 分值 in scoring profile \(profile.id); enter the 分值 of its indicators"),
                at: entry.path.appending("weight")))
        }
        let present = Set(groupOf.compactMap { $0 })
        let presentWeight = present.reduce(Decimal(0)) { $0 + groups[$1].weight }
        guard presentWeight > 0 else { return findings }
        for group in present.sorted() {
            let members = groupOf.indices.filter { groupOf[$0] == group }
            let share = Self.spread(groups[group].weight * available / presentWeight, over: members.count, places: profile.decimals)
            for (slot, index) in members.enumerated() { indicators[index] = share[slot] }
        }
        return findings
    }

    /// "产出指标(50分)" → "产出指标": filled forms often print the weight in the label.
    static func bareName(_ category: String) -> String {
        let name = category.filter { !$0.isWhitespace }
        guard name.hasSuffix(")") || name.hasSuffix("）"), name.dropLast().hasSuffix("分"),
              let open = name.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return name }
        return String(name[..<open])
    }

    /// `total` in `count` parts to `places` decimals that add up to exactly
    /// `total` (rounded to `places`): 30 over 7 → 4.29 ×4 and 4.28 ×3: the
    /// first parts take the leftover units.
    static func spread(_ total: Decimal, over count: Int, places: Int) -> [Decimal] {
        guard count > 0 else { return [] }
        var step = Decimal(1)
        for _ in 0..<places { step /= 10 }
        let units = NSDecimalNumber(decimal: (total / step).rounded(places: 0)).intValue
        return (0..<count).map { Decimal(units / count + ($0 < units % count ? 1 : 0)) * step }
    }
}
