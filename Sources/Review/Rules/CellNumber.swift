import Evaluation
import Foundation

/// A cell that must hold a plain number (an amount, a 执行率, a 分值 or
/// 得分), read: blank, a number, or text that is not one (FP106).
enum CellNumber: Equatable {
    /// Empty or a "not applicable" mark ("—", "/"): counts as nothing.
    case blank
    case number(Decimal, digits: String, unit: MeasureUnit)
    case notNumber

    /// Units a cell of this kind may carry after its number.
    enum Kind {
        /// 年初预算数, 全年预算数, 全年执行数: the heading says 万元.
        case amount
        /// 执行率: "81.06%" (or a bare 81.06).
        case rate
        /// 分值, 得分, 总分: "10" or "10分".
        case points

        var allowedUnits: Set<String> {
            switch self {
            case .amount: ["", "万元"]
            case .rate: ["", "%"]
            case .points: ["", "分"]
            }
        }
    }

    init(_ value: WrittenValue, as kind: Kind) {
        switch value.reading {
        case .empty, .placeholder:
            self = .blank
        case .quantity(let quantity) where quantity.comparator == nil && kind.allowedUnits.contains(quantity.unit.symbol):
            self = .number(quantity.number, digits: quantity.digits, unit: quantity.unit)
        default:
            self = .notNumber
        }
    }

    init(_ text: String, as kind: Kind) { self.init(WrittenValue(text), as: kind) }

    var number: Decimal? {
        if case .number(let value, _, _) = self { return value }
        return nil
    }

    /// Blank counts as 0 in sums; nil when the cell is not a number.
    var summand: Decimal? {
        switch self {
        case .blank: 0
        case .number(let value, _, _): value
        case .notNumber: nil
        }
    }
}

/// Numbers as messages write them.
enum Show {
    /// "22.4%" for 0.2236.
    static func percent(_ fraction: Decimal, places: Int = 1) -> String {
        (fraction * 100).fixed(places: places) + "%"
    }

    /// "212.40" — amounts with two decimals, as the funds block prints them.
    static func amount(_ value: Decimal) -> String { value.fixed(places: 2) }
}
