/// Amounts moved from one money unit to another (元, 千元, 万元, 亿元) on
/// their written digits: the decimal point moves, nothing is rounded, so
/// "2124000.00" 元 is "212.40" 万元 and "1,234.5678" 千元 is "123.45678" 万元
/// exactly, at any length. Decimals the unit wrote stay, up to two (cents
/// written stay two decimals); zeros beyond them are dropped. A form whose heading says 资金情况（元） is
/// converted this way before it prints under the layout's （万元）.
public enum AmountConversion {
    /// The powers of ten a money unit holds in 元 (元 0, 千元 3, 万元 4, 亿元 8).
    public static func exponent(of unit: MeasureUnit) -> Int? {
        switch unit.symbol {
        case "元": 0
        case "千元": 3
        case "万元": 4
        case "亿元": 8
        default: nil
        }
    }

    /// `written` (an amount in `from`) in `to`, or nil when it is not a
    /// plain decimal: an optional sign, ASCII digits with at most one point,
    /// and digit-group commas only in their places ("2,124,000.00").
    public static func convert(_ written: String, from: MeasureUnit, to: MeasureUnit) -> String? {
        guard let source = exponent(of: from), let target = exponent(of: to) else { return nil }
        return shifted(written, by: source - target)
    }

    /// `written` multiplied by 10^`places` (divided when negative), as
    /// digits: leading zeros dropped, and decimal zeros beyond as many
    /// decimals as `written` has, or two.
    public static func shifted(_ written: String, by places: Int) -> String? {
        var text = Substring(written.filter { $0 != " " && $0 != "\u{3000}" })
        var sign = ""
        if let first = text.first, first == "-" || first == "+" {
            if first == "-" { sign = "-" }
            text = text.dropFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first.map(String.init), let integer = ungrouped(whole) else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard !(integer + fraction).isEmpty, (integer + fraction).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // The digits with the point after `point` of them.
        var digits = Array(integer + fraction)
        var point = integer.count + places
        if point < 0 { digits = Array(repeating: "0", count: -point) + digits; point = 0 }
        if point > digits.count { digits += Array(repeating: "0", count: point - digits.count) }
        var head = String(digits[..<point]), tail = String(digits[point...])
        while head.count > 1, head.first == "0" { head.removeFirst() }
        if head.isEmpty { head = "0" }
        let keptDecimals = min(fraction.count, 2)
        while tail.count > keptDecimals, tail.last == "0" { tail.removeLast() }
        while tail.count < keptDecimals { tail += "0" }
        let result = tail.isEmpty ? head : head + "." + tail
        return (result.allSatisfy { $0 == "0" || $0 == "." } ? "" : sign) + result
    }

    /// The integer part without digit-group commas, when they stand every
    /// three digits ("2,124,000"); nil for commas elsewhere ("21,24").
    private static func ungrouped(_ whole: String) -> String? {
        guard whole.contains(",") else { return whole }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.joined()
    }
}
