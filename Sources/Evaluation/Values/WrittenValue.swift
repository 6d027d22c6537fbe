import Foundation

/// A value of a form as the unit wrote it (a 指标值, 完成值, amount, 执行率
/// or score), together with what it means as data.
///
/// `text` is never changed: printing always shows what the unit wrote.
/// `reading` is what checks and scoring use; `assumptions` says what had to
/// be assumed to get it, so that each can be reported.
public struct WrittenValue: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let reading: Reading
    public let assumptions: [ValueAssumption]

    public enum Reading: Sendable, Hashable {
        /// Nothing written.
        case empty
        /// A "not applicable" mark: "—", "/", "-".
        case placeholder
        /// An optional comparator, a number and a unit: "≥148万元", "56人", "81.06%".
        case quantity(Quantity)
        /// A time target or result: "=2025年", "2024年12月底前".
        case time(TimeValue)
        /// Anything else, e.g. "符合相关规定", "达成年度指标".
        case qualitative(String)
    }

    public init(text: String, reading: Reading, assumptions: [ValueAssumption] = []) {
        self.text = text
        self.reading = reading
        self.assumptions = assumptions
    }

    /// Reads `text`; see `WrittenValueParser` for what is accepted.
    public init(_ text: String) {
        self = WrittenValueParser.parse(text)
    }

    public var quantity: Quantity? {
        if case .quantity(let quantity) = reading { return quantity }
        return nil
    }

    public var time: TimeValue? {
        if case .time(let time) = reading { return time }
        return nil
    }

    /// Nothing written, or only a "not applicable" mark.
    public var isBlank: Bool {
        switch reading {
        case .empty, .placeholder: true
        default: false
        }
    }

    /// The number alone, when the value is a plain number (an amount, a rate
    /// or a score), whatever its unit.
    public var number: Decimal? { quantity?.number }

    /// How FormPrint writes the reading back in messages: "≥148万元" for
    /// ">=148.万元". The original is `text`.
    public var normalized: String {
        switch reading {
        case .empty, .placeholder: text
        case .quantity(let quantity): quantity.description
        case .time(let time): time.description
        case .qualitative(let text): text
        }
    }

    public var description: String { text }
}

/// A number with its comparator and unit, e.g. ≥64.4万元.
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    public var comparator: ValueComparator?
    public var number: Decimal
    /// The number in plain ASCII digits as written ("64.4", "212.40"), so
    /// messages keep the unit's precision.
    public var digits: String
    public var unit: MeasureUnit
    /// A trailing remark in parentheses, e.g. "历史标准" in "100%(历史标准)".
    public var remark: String

    public init(comparator: ValueComparator? = nil, number: Decimal, digits: String? = nil, unit: MeasureUnit = .none, remark: String = "") {
        self.comparator = comparator
        self.number = number
        self.digits = digits ?? number.description
        self.unit = unit
        self.remark = remark
    }

    public var description: String { (comparator?.symbol ?? "") + digits + unit.symbol }

    /// The number without comparator, with its unit ("14.4万元").
    public var amount: String { digits + unit.symbol }
}

/// A time with its comparator, e.g. =2025年 or ≤2024年12月.
public struct TimeValue: Sendable, Hashable, CustomStringConvertible {
    public var comparator: ValueComparator?
    public var point: CalendarPoint

    public init(comparator: ValueComparator? = nil, point: CalendarPoint) {
        self.comparator = comparator
        self.point = point
    }

    public var description: String { (comparator?.symbol ?? "") + point.description }
}
