import Evaluation
import Foundation

/// The 分值 of a project's 执行率 line and of each of its 三级 indicators,
/// as the unit wrote them: FormPrint never invents a 分值.
///
/// - The 执行率 分值 is the one entered, else the profile's (the official
///   form prints it: 10 in 财预〔2020〕10号).
/// - An indicator's 分值 is the one entered, or none: its 得分 is then not
///   computed, and neither are 总分 and 等级 (FP504 says which are missing).
/// - When every 分值 is entered they must make the profile's total, 100
///   (FP503); otherwise 总分 and 等级 are left blank.
struct WeightPlan {
    var execution: Decimal
    var indicators: [Decimal?]
    /// Whether the 分值 are complete and add up to the profile's total, so
    /// that a 总分 means something.
    var complete: Bool
    var findings: [Finding] = []

    init(_ project: Project, index: Int, entries: [IndicatorEntry], profile: ScoringProfile) {
        let base = FieldPath("projects").appending(index)
        let block = FundsBlock(project, index: index)
        let enteredExecution = block.scoringIndex.flatMap { CellNumber(project.funds[$0].weight, as: .points).number }
        execution = enteredExecution ?? profile.executionRate.weight
        let entered = entries.map { CellNumber($0.indicator.weight, as: .points).number }
        indicators = entered
        let places = profile.decimals
        let missing = entries.indices.filter { entered[$0] == nil }
        findings += Self.missingWeights(entries, missing, blank: ("其得分、总分和等级", "their 得分, the 总分 and the 等级")).map { [$0] } ?? []
        findings += Self.unknownCategories(entries, profile: profile)
        let sum = entered.compactMap { $0 }.reduce(execution, +)
        complete = missing.isEmpty && sum == profile.total
        if missing.isEmpty && sum != profile.total {
            findings.append(Finding(.weightsNotHundred, Message(
                chinese: "分值合计\(sum.trimmed(places: places))分（执行率\(execution.trimmed(places: places)) + 指标\((sum - execution).trimmed(places: places))），应为\(profile.total.trimmed(places: places))分；总分和等级因此留空",
                english: "分值 add up to \(sum.trimmed(places: places)), not \(profile.total.trimmed(places: places)) (执行率 \(execution.trimmed(places: places)) + indicators \((sum - execution).trimmed(places: places))), so 总分 and 等级 are left blank"),
                at: base.appending("indicators")))
        }
    }

    /// FP504 for the indicators at `missing`, naming up to five, and what
    /// therefore stays blank on the form.
    static func missingWeights(_ entries: [IndicatorEntry], _ missing: [Int], blank: (chinese: String, english: String)) -> Finding? {
        guard let first = missing.first else { return nil }
        let names = missing.prefix(5).map { entries[$0].name }.joined(separator: "、") + (missing.count > 5 ? "等" : "")
        return Finding(.weightsPartlyEntered, Message(
            chinese: "\(missing.count)个指标未填写分值（\(names)），\(blank.chinese)无法计算；FormPrint不代填分值",
            english: "\(missing.count) of \(entries.count) indicators have no 分值 (\(names)), so \(blank.english) are not computed; FormPrint does not make up 分值"),
            at: entries[first].path.appending("weight"))
    }

    /// A 一级指标 the profile's indicator tree does not know (效宜指标, a
    /// typo of 效益指标): its 分值 would count under no group.
    static func unknownCategories(_ entries: [IndicatorEntry], profile: ScoringProfile) -> [Finding] {
        let known = profile.indicators.weights.flatMap(\.categories)
        guard !known.isEmpty else { return [] }
        var reported: Set<String> = []
        return entries.compactMap { entry in
            let name = bareName(entry.category)
            guard !known.contains(name), reported.insert(name).inserted else { return nil }
            let nearest = known.min { FieldRegistry.editDistance(name, $0) < FieldRegistry.editDistance(name, $1) }.flatMap { FieldRegistry.editDistance(name, $0) <= 2 ? $0 : nil }
            return Finding(.categoryWithoutDefaultWeight, Message(
                chinese: "一级指标“\(entry.category)”不在评分规则“\(profile.id)”的指标体系中" + (nearest.map { "；是否应为“\($0)”？" } ?? ""),
                english: "一级指标 \"\(entry.category)\" is not in the indicator tree of scoring profile \(profile.id)" + (nearest.map { "; did you mean \"\($0)\"?" } ?? "")),
                at: entry.path.deletingLast(4).appending("category"))
        }
    }

    /// "产出指标(50分)" → "产出指标": filled forms often print the weight in the label.
    static func bareName(_ category: String) -> String {
        let name = category.filter { !$0.isWhitespace }
        guard name.hasSuffix(")") || name.hasSuffix("）"), name.dropLast().hasSuffix("分"),
              let open = name.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return name }
        return String(name[..<open])
    }
}
