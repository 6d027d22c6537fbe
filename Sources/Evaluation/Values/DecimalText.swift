import Foundation

/// Rounding and writing numbers the way the forms print them: scores to a
/// fixed number of decimals ("8.11", "12.50"), weights without trailing
/// zeros ("10", "12.5"). Rounding is half away from zero ("四舍五入"), on
/// exact decimals, so 8.105 gives 8.11 and never 8.10.
extension Decimal {
    public func rounded(places: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, places, .plain)
        return result
    }

    /// "8.11", "12.50", "100.00" for `places` = 2.
    public func fixed(places: Int) -> String {
        let text = rounded(places: places).description
        guard places > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: Swift.max(0, places - fraction.count))
    }

    /// "10", "12.5", "4.29" for `places` = 2.
    public func trimmed(places: Int) -> String {
        rounded(places: places).description
    }

    /// The number of decimals written in `digits` ("81.06" → 2, "8" → 0).
    public static func places(in digits: String) -> Int {
        guard let point = digits.firstIndex(of: ".") else { return 0 }
        return digits.distance(from: point, to: digits.endIndex) - 1
    }
}
