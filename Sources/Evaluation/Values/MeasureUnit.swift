import Foundation

/// The unit after a number ("人", "万元", "%", "次"), normalised only where
/// two spellings mean the same thing ("％" and "%"). An empty symbol means
/// the number was written bare ("100").
public struct MeasureUnit: Sendable, Hashable, CustomStringConvertible {
    public var symbol: String

    public init(_ symbol: String) { self.symbol = symbol }

    public static let none = MeasureUnit("")
    public static let percent = MeasureUnit("%")

    public var isNone: Bool { symbol.isEmpty }
    public var isPercent: Bool { symbol == "%" }
    public var description: String { symbol }

    /// 元 per unit for money units, so that 元 and 万元 can be compared.
    public var yuanPerUnit: Decimal? {
        switch symbol {
        case "元": 1
        case "千元": 1_000
        case "万元": 10_000
        case "亿元": 100_000_000
        default: nil
        }
    }

    public var isMoney: Bool { yuanPerUnit != nil }

    /// Units that count people or things. A 成本指标 measured in one of them
    /// is not a cost (the seed's 费用指标 "=56人").
    public var isCount: Bool { Self.countUnits.contains(symbol) }

    static let countUnits: Set<String> = [
        "人", "人次", "名", "个", "次", "份", "篇", "件", "项", "户", "家", "台", "套", "场", "期", "批", "所", "座", "处",
        "辆", "本", "册", "条", "起", "宗", "天", "日", "月", "小时", "公里", "平方米", "亩",
    ]

    /// The factor that converts a number in `other` into this unit, when the
    /// two are the same unit or both money; nil when they cannot be compared.
    /// A bare number takes the other side's unit: "100" against "≥100%" is
    /// how units commonly write a percentage they already named once.
    public func factor(from other: MeasureUnit) -> Decimal? {
        if self == other || isNone || other.isNone { return 1 }
        if let mine = yuanPerUnit, let theirs = other.yuanPerUnit { return theirs / mine }
        return nil
    }
}
