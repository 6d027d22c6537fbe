import Evaluation
import Foundation

/// Whether an indicator met its target, judged once and used by both the
/// checks (FP3xx) and the scoring, so that a finding and a score never
/// disagree about the same cell.
///
/// Policies (docs/VALIDATION.md):
/// - "=", "≥", ">" and no comparator are 正向: reaching or passing the
///   number meets the target ("=" as in the national vendor practice).
/// - A strict ">" or "<" met only by equality is its own outcome: it scores
///   full marks (the ratio formula gives 100% anyway) and is flagged.
/// - A time target is met when the actual point is not after it (not
///   before it, for "≥"/">"), compared at the precision both share; it is
///   never a number ("≤2024年12月" is no 2024). Against a verdict
///   ("完成", "达成年度指标") it is judged as qualitative.
/// - A bare number takes the other side's unit ("100" against "≥100%");
///   money units convert (元/万元/亿元); other different units are not compared.
struct IndicatorAssessment {
    var outcome: Outcome
    /// The target as a quantity, when it is one.
    var target: Quantity?
    /// The actual number converted into the target's unit.
    var actualNumber: Decimal?
    /// actual ÷ target for quantities with a non-zero target.
    var ratio: Decimal?
    /// Target and actual are written in different but convertible units.
    var convertedUnits: Bool = false

    enum Outcome: Equatable {
        case met
        case metOnlyAtEquality
        /// 正向, actual below target.
        case shortfall
        /// 反向, actual above target.
        case overrun
        case timeMet
        case timeMissed
        /// A qualitative target; the band of the actual value's verdict
        /// (0 = 达成年度指标), nil when only the evaluator can tell.
        case qualitative(band: Int?)
        case missingTarget
        case missingActual
        case unitsDiffer
        /// The target is a number or time, the actual value is not.
        case actualNotComparable

        /// Whether the target counts as reached.
        var isMet: Bool {
            switch self {
            case .met, .metOnlyAtEquality, .timeMet, .qualitative(band: 0): true
            default: false
            }
        }
    }

    init(_ entry: IndicatorEntry, qualitative: QualitativeRules) {
        self.init(target: entry.target, actual: entry.actual, qualitative: qualitative)
    }

    init(target: WrittenValue, actual: WrittenValue, qualitative: QualitativeRules) {
        if target.isBlank {
            outcome = .missingTarget
            return
        }
        if actual.isBlank {
            outcome = .missingActual
            self.target = target.quantity
            return
        }
        switch target.reading {
        case .quantity(let goal):
            self.target = goal
            guard let done = actual.quantity else {
                outcome = .actualNotComparable
                return
            }
            guard let factor = goal.unit.factor(from: done.unit) else {
                outcome = .unitsDiffer
                return
            }
            convertedUnits = factor != 1
            let a = done.number * factor
            actualNumber = a
            ratio = goal.number == 0 ? nil : a / goal.number
            outcome = Self.compare(a, goal.number, goal.comparator ?? .equal)
        case .time(let time):
            let (comparator, point) = (time.comparator, time.point)
            guard let done = actual.time else {
                // A date target is 定性 (met or not, reference §3.2): a
                // verdict ("完成", "达成年度指标") judges it; a number ("2024")
                // or other text cannot be compared with a date.
                outcome = qualitative.band(ofActual: actual.text, target: target.text).map { .qualitative(band: $0) } ?? .actualNotComparable
                return
            }
            let order = done.point.compare(point)
            let met = switch comparator ?? .equal {
            case .equal, .atMost: order != .after
            case .less: order == .before
            case .atLeast: order != .before
            case .greater: order == .after
            }
            outcome = met ? .timeMet : .timeMissed
        case .qualitative(let text):
            outcome = .qualitative(band: qualitative.band(ofActual: actual.text, target: text))
        case .empty, .placeholder:
            outcome = .missingTarget
        }
    }

    static func compare(_ actual: Decimal, _ target: Decimal, _ comparator: ValueComparator) -> Outcome {
        if actual == target { return comparator.isStrict ? .metOnlyAtEquality : .met }
        if comparator.isReverse { return actual < target ? .met : .overrun }
        return actual > target ? .met : .shortfall
    }
}
