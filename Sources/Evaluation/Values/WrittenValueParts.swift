/// A written indicator value cut into the three parts some forms print in
/// columns of their own (四川: 指标性质 | 指标值 | 度量单位): the comparator,
/// the number and the unit, each exactly as written. The parts always join
/// back into the written text, so a value imported from three columns and
/// printed into three columns again is unchanged.
///
/// A date is not a number with a unit: "≤2024年12月" is "≤" | "2024年12月" |
/// "", never "≤" | "2024" | "年12月", and "2024年12月前", "2024年底",
/// "2024-12" likewise keep their text whole in the number part. A bare year
/// ("=2025年") still splits as "=" | "2025" | "年", the way the form prints a
/// count of 年. Either way the value reads as a time (`WrittenValue`), so
/// checks and scoring compare it as a date, never as the number 2024.
public struct WrittenValueParts: Sendable, Hashable {
    /// "≥", ">=", "=" as written; empty when there is none.
    public var comparator: String
    /// "148.", "100", "2025"; a whole date ("2024年12月前"); the whole text
    /// when it is not a number ("符合相关规定").
    public var number: String
    /// "万元", "%", "年"; empty when there is none (and for a date).
    public var unit: String

    public init(comparator: String = "", number: String = "", unit: String = "") {
        self.comparator = comparator
        self.number = number
        self.unit = unit
    }

    public init(_ text: String) {
        let trimmed = Substring(text.trimmingWhitespace())
        let comparatorEnd = trimmed.firstIndex { !Self.comparatorCharacters.contains($0) } ?? trimmed.endIndex
        let rest = trimmed[comparatorEnd...].drop { $0 == " " }
        let numberEnd = rest.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "-")) } ?? rest.endIndex
        guard numberEnd > rest.startIndex, rest[rest.startIndex..<numberEnd].contains(where: \.isNumber) else {
            // Not a quantity: the whole text is the value.
            self.init(comparator: "", number: String(trimmed), unit: "")
            return
        }
        if Self.isDate(rest) {
            self.init(comparator: String(trimmed[..<comparatorEnd]), number: String(rest), unit: "")
            return
        }
        self.init(comparator: String(trimmed[..<comparatorEnd]), number: String(rest[..<numberEnd]),
                  unit: String(rest[numberEnd...]).trimmingWhitespace())
    }

    /// Whether `text` (the value after its comparator) is a date with more
    /// than a year: a month, a day or an ending ("2024年12月", "2024年底",
    /// "2024年以前", "2024-12"), whose digits are not a number of its own.
    static func isDate(_ text: Substring) -> Bool {
        guard case .time = WrittenValueParser.parse(String(text)).reading else { return false }
        let squeezed = Array(text.filter { !$0.isWhitespace })
        // Not just "2024年": four digits and 年. (A scan, not a regular
        // expression: compiling one was part of every process's first check.)
        return !(squeezed.count == 5 && squeezed[..<4].allSatisfy(\.isDecimalDigit) && squeezed[4] == "年")
    }

    /// The written value the parts make: "≥" + "100" + "%" → "≥100%".
    public var text: String { comparator.trimmingWhitespace() + number.trimmingWhitespace() + unit.trimmingWhitespace() }

    public static let comparatorCharacters: Set<Character> = ["≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦", "≠"]
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}

extension Character {
    /// One decimal digit of any script (Unicode category Nd: 0–9, ０–９, …),
    /// as `\d` matches in a regular expression.
    package var isDecimalDigit: Bool {
        unicodeScalars.count == 1 && unicodeScalars.first!.properties.generalCategory == .decimalNumber
    }
}
