/// Amounts as the money columns print them: two decimals, when that loses no
/// digit the unit wrote. It works on the written digits themselves, never
/// through `Double` or a fixed-width integer, so any length is exact and
/// nothing can trap: "220102199001011234" → "220102199001011234.00",
/// "212.4" → "212.40", "1.2500" → "1.25". An amount with more decimals
/// ("132.912") prints as written — never silently rounded — and FP109
/// says so.
public enum MoneyDigits {
    /// The amount with two decimals, or nil when `written` is not a plain
    /// decimal (an optional "-", ASCII digits, at most one ".") or has a
    /// digit other than 0 after the second decimal, in which case the
    /// caller prints it as written (FP106 reports what is not a number,
    /// FP109 the decimals).
    public static func twoDecimals(_ written: String) -> String? {
        var text = Substring(written.trimmingSpaces)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty || !fraction.isEmpty,
              (whole + fraction).utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        // Digits of the amount in cents, most significant first; decimals
        // beyond the second may only be zeros.
        guard fraction.utf8.dropFirst(2).allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
        var cents = Array((whole.isEmpty ? "0" : whole).utf8).map { $0 - UInt8(ascii: "0") }
        let kept = Array(fraction.utf8.prefix(2)).map { $0 - UInt8(ascii: "0") }
        cents += kept + Array(repeating: 0, count: 2 - kept.count)
        while cents.count > 3, cents[0] == 0 { cents.removeFirst() }
        let isZero = cents.allSatisfy { $0 == 0 }
        let digits = String(decoding: cents.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        return (negative && !isZero ? "-" : "") + digits.dropLast(2) + "." + digits.suffix(2)
    }
}

private extension String {
    /// Without the spaces and tabs around it, as the old formatter trimmed.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
