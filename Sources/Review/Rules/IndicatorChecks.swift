import Evaluation
import Foundation
import Support

/// FP3xx: each indicator's target against its actual value, as a reviewer
/// reads the 绩效指标 block of both forms.
enum IndicatorChecks {
    static func check(_ unit: UnitEvaluation, entries: [IndicatorEntry], profile: ScoringProfile) -> [Finding] {
        entries.flatMap { check($0, year: unit.year, profile: profile) }
    }

    static func check(_ entry: IndicatorEntry, year: Int, profile: ScoringProfile) -> [Finding] {
        let assessment = IndicatorAssessment(entry, qualitative: profile.qualitative)
        var findings: [Finding] = []
        if let finding = outcomeFinding(entry, assessment, profile) { findings.append(finding) }
        if let finding = timeOutsideYear(entry, year: year) { findings.append(finding) }
        if let finding = farAbove(entry, assessment, profile) { findings.append(finding) }
        if let finding = costNotMoney(entry) { findings.append(finding) }
        if assessment.convertedUnits, let target = entry.target.quantity, let actual = entry.actual.quantity {
            findings.append(Finding(.unitsDiffer, Message(
                chinese: "\(entry.name)：\(entry.targetLabel)单位为\(target.unit)，\(entry.actualLabel)单位为\(actual.unit)，已换算后比较",
                english: "\(entry.name): \(entry.targetLabel) in \(target.unit), \(entry.actualLabel) in \(actual.unit); compared after converting"),
                at: entry.actualPath))
        }
        if needsDeviationReason(entry, assessment, profile) {
            findings.append(Finding(.missingDeviationReason, Message(
                chinese: "\(entry.name)：未完成指标值，偏差原因分析及改进措施未填写",
                english: "\(entry.name): the target was not met and 偏差原因分析及改进措施 is empty"),
                at: entry.path.appending("deviation")))
        }
        return findings
    }

    /// The finding for whether the target was met (FP301–FP303, FP305, FP306, FP308, FP311).
    static func outcomeFinding(_ entry: IndicatorEntry, _ assessment: IndicatorAssessment, _ profile: ScoringProfile) -> Finding? {
        let name = entry.name
        let target = entry.target.normalized
        let actual = entry.actual.quantity?.amount ?? entry.actual.normalized
        switch assessment.outcome {
        case .met, .timeMet, .qualitative(band: 0), .qualitative(band: nil):
            return nil
        case .shortfall:
            let share = assessment.ratio.map { Show.percent($0) } ?? "—"
            return Finding(.targetNotMet, Message(
                chinese: "\(name)：完成值\(actual)，未达到指标值\(target)（完成\(share)）",
                english: "\(name): \(actual) of \(target), \(share): target not met"), at: entry.actualPath)
        case .overrun:
            let share = assessment.ratio.map { "，为指标值的\(Show.percent($0))" } ?? ""
            let englishShare = assessment.ratio.map { ", \(Show.percent($0)) of it" } ?? ""
            return Finding(.targetNotMet, Message(
                chinese: "\(name)：完成值\(actual)，超出指标值\(target)\(share)",
                english: "\(name): \(actual) against \(target)\(englishShare): target not met"), at: entry.actualPath)
        case .qualitative(band: let band?):
            let verdict = profile.qualitative.bands[band].verdict
            return Finding(.targetNotMet, Message(
                chinese: "\(name)：完成情况为“\(verdict)”，指标值“\(entry.target.text)”未完全达成",
                english: "\(name): \(verdict) against \"\(entry.target.text)\": target not fully met"), at: entry.actualPath)
        case .metOnlyAtEquality:
            let sign = entry.target.quantity?.comparator?.symbol ?? ""
            return Finding(.strictTargetMetOnlyByEquality, Message(
                chinese: "\(name)：完成值\(actual)等于指标值，未满足严格的“\(target)”",
                english: "\(name): \(actual) against \(target): a strict \"\(sign)\" is not met by equality"), at: entry.actualPath)
        case .timeMissed:
            return Finding(.timeTargetMissed, Message(
                chinese: "\(name)：实际完成时间\(actual)，未达到时效指标\(target)",
                english: "\(name): done \(actual), target \(target): time target missed"), at: entry.actualPath)
        case .unitsDiffer:
            let targetUnit = entry.target.quantity?.unit.symbol ?? ""
            let actualUnit = entry.actual.quantity?.unit.symbol ?? ""
            return Finding(.unitsDiffer, Message(
                chinese: "\(name)：\(entry.targetLabel)单位为\(targetUnit)，\(entry.actualLabel)单位为\(actualUnit)，单位不一致，无法比较",
                english: "\(name): \(entry.targetLabel) in \(targetUnit), \(entry.actualLabel) in \(actualUnit): units differ, not compared"),
                at: entry.actualPath)
        case .actualNotComparable:
            return Finding(.actualNotComparable, Message(
                chinese: "\(name)：\(entry.actualLabel)“\(entry.actual.text)”无法与指标值\(target)比较",
                english: "\(name): \(entry.actualLabel) \"\(entry.actual.text)\" cannot be compared with \(target)"), at: entry.actualPath)
        case .missingActual:
            return Finding(.missingActual, Message(
                chinese: "\(name)：\(entry.actualLabel)未填写", english: "\(name): no \(entry.actualLabel)"), at: entry.actualPath)
        case .missingTarget:
            return Finding(.missingTarget, Message(
                chinese: "\(name)：\(entry.targetLabel)未填写", english: "\(name): no \(entry.targetLabel)"), at: entry.targetPath)
        }
    }

    /// FP304: a 年度 time target is reached within the evaluated year; one
    /// set in another year (the seed's "=2025年" in a 2024 form) describes
    /// work the year's funds did not finish, met as written or not.
    static func timeOutsideYear(_ entry: IndicatorEntry, year: Int) -> Finding? {
        guard let time = entry.target.time, time.point.year != year else { return nil }
        return Finding(.timeTargetOutsideYear, Message(
            chinese: "\(entry.name)：时效指标值\(entry.target.normalized)不在评价年度\(year)年内",
            english: "\(entry.name): time target \(entry.target.normalized) lies outside the evaluated year \(year)"),
            at: entry.targetPath)
    }

    /// FP309: 完成值高于指标值较多的，要分析原因 (财预〔2020〕10号).
    static func farAbove(_ entry: IndicatorEntry, _ assessment: IndicatorAssessment, _ profile: ScoringProfile) -> Finding? {
        guard let limit = profile.indicators.farAboveRatio, assessment.outcome == .met, let ratio = assessment.ratio,
              assessment.target?.comparator?.isReverse != true, ratio >= limit else { return nil }
        let actual = entry.actual.quantity?.amount ?? entry.actual.text
        return Finding(.farAboveTarget, Message(
            chinese: "\(entry.name)：完成值\(actual)为指标值\(entry.target.normalized)的\(Show.percent(ratio))，请说明指标值是否设定偏低",
            english: "\(entry.name): \(actual) is \(Show.percent(ratio)) of \(entry.target.normalized): explain whether the target was set too low"),
            at: entry.actualPath)
    }

    /// FP310: a 成本指标 is an amount of money; one counted in 人 or 个 (the
    /// seed's 费用指标 "=56人") measures something else.
    static func costNotMoney(_ entry: IndicatorEntry) -> Finding? {
        guard entry.isCost, let unit = [entry.target.quantity?.unit, entry.actual.quantity?.unit].compactMap({ $0 }).first(where: \.isCount)
        else { return nil }
        return Finding(.costIndicatorNotMoney, Message(
            chinese: "\(entry.name)：成本指标以“\(unit)”计量，而不是金额（元/万元）",
            english: "\(entry.name): a 成本指标 measured in \(unit), not in money (元/万元)"),
            at: entry.targetPath)
    }

    /// FP307: the variant's 偏差原因分析及改进措施 column must explain a target
    /// not met (or passed far over) — only on forms that have the column.
    static func needsDeviationReason(_ entry: IndicatorEntry, _ assessment: IndicatorAssessment, _ profile: ScoringProfile) -> Bool {
        guard case .project = entry.form, profile.indicators.deviationRequired,
              entry.indicator.deviation.trimmingSpaces().isEmpty else { return false }
        switch assessment.outcome {
        case .shortfall, .overrun, .metOnlyAtEquality, .timeMissed: return true
        case .qualitative(band: let band?): return band > 0
        default: return farAbove(entry, assessment, profile) != nil
        }
    }
}
