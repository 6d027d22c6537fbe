import Evaluation
import Foundation

/// An indicator's 得分 from its assessment, by 财预〔2020〕10号 (reference §3):
///
/// - met (including a strict target met only by equality, and a time
///   target met) → the full 分值;
/// - 正向 not met → 分值 × 完成值 ÷ 指标值;
/// - 反向 not met → the profile's formula: `ratio` 分值 × 指标值 ÷ 完成值, or
///   `linear` 分值 × max(0, 1 − (完成值 − 指标值) ÷ 指标值); 0 for a target of 0;
/// - a time target missed → 0; no actual value → no 得分 (never 0.00);
/// - qualitative → the full 分值 when the actual says the target was
///   reached; otherwise only the evaluator can score it (within the band);
/// - not comparable (units differ, no target, text against a number) → the
///   evaluator's.
enum IndicatorScorer {
    static func score(_ assessment: IndicatorAssessment, weight: Decimal, reverse: ReverseFormula) -> Decimal? {
        switch assessment.outcome {
        case .met, .metOnlyAtEquality, .timeMet, .qualitative(band: 0):
            return weight
        case .shortfall:
            return weight * (assessment.ratio ?? 0)
        case .overrun:
            guard let ratio = assessment.ratio, ratio > 0 else { return 0 }
            switch reverse {
            case .ratio: return weight / ratio
            case .linear: return weight * max(0, 2 - ratio)
            }
        case .timeMissed:
            return 0
        // A blank 完成值 leaves 得分 blank: 0.00 would score what nobody reported.
        case .qualitative, .missingTarget, .missingActual, .unitsDiffer, .actualNotComparable:
            return nil
        }
    }
}
