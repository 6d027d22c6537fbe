/// The number in front of a report heading or list item, in the four
/// levels of GB/T 9704: "一、" → "（一）" → "1." → "（1）". Parsing also
/// notices the defects real reports have: half-width "(一)" and an extra
/// "、" after the bracket ("（二）、").
struct HeadingNumber: Equatable {
    var level: Int
    var value: Int
    /// The number as written, e.g. "(一)" or "（二）、".
    var marker: String
    /// The text after the number.
    var rest: Substring
    var halfWidthBrackets: Bool
    var extraComma: Bool

    static func parse(_ text: String) -> HeadingNumber? {
        bracketed(text) ?? chineseWithComma(text) ?? arabicWithDot(text)
    }

    /// "（一）", "(一)", "（1）", "(1)", optionally followed by an extra "、".
    private static func bracketed(_ text: String) -> HeadingNumber? {
        guard let open = text.first, open == "（" || open == "(" else { return nil }
        guard let close = text.prefix(8).firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
        let inner = text[text.index(after: text.startIndex)..<close].trimmedCell
        let level: Int, value: Int
        if let chinese = chineseNumber(inner) {
            (level, value) = (2, chinese)
        } else if inner.count <= 2, let arabic = Int(inner) {
            (level, value) = (4, arabic)
        } else {
            return nil
        }
        var restStart = text.index(after: close)
        let extraComma = restStart < text.endIndex && text[restStart] == "、"
        if extraComma { restStart = text.index(after: restStart) }
        return HeadingNumber(level: level, value: value, marker: String(text[..<restStart]), rest: text[restStart...],
                             halfWidthBrackets: open == "(" || text[close] == ")", extraComma: extraComma)
    }

    /// "一、" … "二十、".
    private static func chineseWithComma(_ text: String) -> HeadingNumber? {
        guard let comma = text.prefix(5).firstIndex(of: "、"),
              let value = chineseNumber(String(text[..<comma])) else { return nil }
        let restStart = text.index(after: comma)
        return HeadingNumber(level: 1, value: value, marker: String(text[..<restStart]), rest: text[restStart...],
                             halfWidthBrackets: false, extraComma: false)
    }

    /// "1." "1．" "1、" — but not "1.5万元" or "2024年".
    private static func arabicWithDot(_ text: String) -> HeadingNumber? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let value = Int(digits) else { return nil }
        let afterDigits = text[digits.endIndex...]
        guard let dot = afterDigits.first, dot == "." || dot == "．" || dot == "、" else { return nil }
        let restStart = afterDigits.index(after: afterDigits.startIndex)
        if restStart < text.endIndex, text[restStart].isNumber { return nil }
        return HeadingNumber(level: 3, value: value, marker: String(text[..<restStart]), rest: text[restStart...],
                             halfWidthBrackets: false, extraComma: false)
    }

    /// 一 … 九十九 as an Int; nil for anything else.
    static func chineseNumber(_ text: String) -> Int? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let characters = Array(text)
        switch characters.count {
        case 1:
            if characters[0] == "十" { return 10 }
            return digits[characters[0]]
        case 2:
            if characters[0] == "十", let ones = digits[characters[1]] { return 10 + ones }
            if characters[1] == "十", let tens = digits[characters[0]] { return tens * 10 }
            return nil
        case 3:
            guard characters[1] == "十", let tens = digits[characters[0]], let ones = digits[characters[2]] else { return nil }
            return tens * 10 + ones
        default:
            return nil
        }
    }

    /// The number as FormPrint prints it at this level (for messages).
    var standardMarker: String {
        let chinese = Self.chineseNumeral(value)
        switch level {
        case 1: return "\(chinese)、"
        case 2: return "（\(chinese)）"
        case 3: return "\(value)."
        default: return "（\(value)）"
        }
    }

    static func chineseNumeral(_ value: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if value < 10 { return digits[value] }
        if value < 20 { return "十" + digits[value - 10] }
        return digits[value / 10] + "十" + digits[value % 10]
    }
}
