import Evaluation
import Foundation

/// Checks a 得分 the unit entered against its 分值, its qualitative band and
/// FormPrint's own score (FP601, FP602), and asks for the evaluator's score
/// where FormPrint cannot give one (FP605).
enum ScoreAgreement {
    /// `qualitative` is the band of a qualitative indicator (`.some(nil)`
    /// when the grade is unknown), `.none` for a quantitative one.
    static func check(_ line: ScoreLine, cell: CellNumber, qualitative: Int??, profile: ScoringProfile) -> Finding? {
        guard case .number(let entered, let digits, _) = cell, let weight = line.weight else { return nil }
        let places = profile.decimals
        if entered < 0 || entered > weight {
            return Finding(.scoreOutsideBand, Message(
                chinese: "\(line.label)：得分\(digits)不在0至\(weight.trimmed(places: places))分之间",
                english: "\(line.label): 得分 \(digits) is outside 0–\(weight.trimmed(places: places))"), at: line.path)
        }
        if case .some(let band) = qualitative {
            guard let band, weight > 0, !profile.qualitative.band(band, contains: entered / weight) else { return nil }
            let verdict = profile.qualitative.bands[band]
            let range = "\((verdict.from * weight).trimmed(places: places))–\((verdict.to * weight).trimmed(places: places))"
            return Finding(.scoreOutsideBand, Message(
                chinese: "\(line.label)：得分\(digits)不在“\(verdict.verdict)”对应的\(range)分范围内",
                english: "\(line.label): 得分 \(digits) is outside the band of \(verdict.verdict) (\(range))"), at: line.path)
        }
        guard let computed = line.computed, computed.rounded(places: Decimal.places(in: digits)) != entered else { return nil }
        return Finding(.scoreDiffers, Message(
            chinese: "\(line.label)：得分填写为\(digits)，按评分规则应为\(computed.fixed(places: places))",
            english: "\(line.label): 得分 is \(digits), computed \(computed.fixed(places: places))"), at: line.path)
    }

    /// FP605 for an indicator whose 得分 only the evaluator can give.
    static func needsEvaluator(_ entry: IndicatorEntry, _ assessment: IndicatorAssessment, weight: Decimal,
                               profile: ScoringProfile) -> Finding {
        let places = profile.decimals
        let bands = profile.qualitative.bands.enumerated().map { index, band in
            "\(band.verdict) \((band.from * weight).trimmed(places: places))–\((band.to * weight).trimmed(places: places))"
        }
        let (chinese, english): (String, String) = switch assessment.outcome {
        case .qualitative(band: let band?):
            ("按“\(profile.qualitative.bands[band].verdict)”在\(bands[band].split(separator: " ").last!)分内评定得分",
             "score it within \(bands[band])")
        case .qualitative(band: nil):
            ("定性指标，请评定等级并在对应分数段内打分（\(bands.joined(separator: "；"))）",
             "a qualitative indicator: judge its grade and score within the band (\(bands.joined(separator: "; ")))")
        case .unitsDiffer:
            ("指标值与完成值单位不一致，请评定得分", "target and actual are in different units; enter the 得分")
        case .missingTarget:
            ("没有指标值，请评定得分", "there is no target; enter the 得分")
        default:
            ("完成值无法与指标值比较，请评定得分", "the actual value cannot be compared with the target; enter the 得分")
        }
        return Finding(.scoreNeedsEvaluator, Message(chinese: "\(entry.name)：\(chinese)", english: "\(entry.name): 得分 not computed; \(english)"),
                       at: entry.path.appending("score"))
    }
}
