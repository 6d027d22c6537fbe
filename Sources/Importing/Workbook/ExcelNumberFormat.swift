import Evaluation
import Foundation

/// Shows a stored number the way Excel or WPS displays it with its cell's
/// number format, so the unit file holds what the person saw: 0.8106 with
/// "0.00%" is "81.06%", 212.4 with "0.00" is "212.40", 45352 with
/// `yyyy"年"m"月"d"日"` is "2024年3月1日". Rounding is decimal and half away
/// from zero, as Excel's.
struct ExcelNumberFormat {
    let code: String

    /// Built-in formats by id, as a Chinese (zh-CN) Excel shows them.
    static func builtIn(_ id: Int) -> String? {
        switch id {
        case 0: "General"
        case 1: "0"
        case 2: "0.00"
        case 3: "#,##0"
        case 4: "#,##0.00"
        case 5, 37: "#,##0;-#,##0"
        case 6, 38: "#,##0;-#,##0"
        case 7, 39: "#,##0.00;-#,##0.00"
        case 8, 40: "#,##0.00;-#,##0.00"
        case 9: "0%"
        case 10: "0.00%"
        case 11: "0.00E+00"
        case 12: "# ?/?"
        case 13: "# ??/??"
        case 14: "yyyy/m/d"
        case 15: "d-mmm-yy"
        case 16: "d-mmm"
        case 17: "mmm-yy"
        case 18: "h:mm AM/PM"
        case 19: "h:mm:ss AM/PM"
        case 20: "h:mm"
        case 21: "h:mm:ss"
        case 22: "yyyy/m/d h:mm"
        case 27, 36, 50, 52, 57: #"yyyy"年"m"月""#
        case 28, 29, 51, 53, 54, 58: #"m"月"d"日""#
        case 30: "m-d-yy"
        case 31: #"yyyy"年"m"月"d"日""#
        case 32: #"h"时"mm"分""#
        case 33: #"h"时"mm"分"ss"秒""#
        case 34, 55: #"上午/下午h"时"mm"分""#
        case 35, 56: #"上午/下午h"时"mm"分"ss"秒""#
        case 45: "mm:ss"
        case 46: "[h]:mm:ss"
        case 47: "mm:ss.0"
        case 48: "##0.0E+0"
        case 49: "@"
        default: nil
        }
    }

    /// The cell's text as Excel shows it, or its stored value, with a note
    /// when the text is not simply that: the stored value kept (a format
    /// FormPrint cannot show exactly, a number too large for it), or a
    /// minus sign the format hides (`0.00;[Red]0.00` shows −5 as a red
    /// "5.00"; the printed form has no red, so it prints -5.00). Never a
    /// different number without a note.
    func checkedDisplay(_ raw: String, date1904: Bool) -> (text: String, note: Message?) {
        let value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX"))
        if value != nil, let reason = UnsupportedNumberFormat.reason(code) {
            return (raw, Self.keptNote(raw, code: code, reason))
        }
        let text = display(raw, date1904: date1904)
        if text.contains("NaN") || text.contains("nan") {
            return (raw, Self.keptNote(raw, code: code, Message(chinese: "数字太大，无法按此格式显示", english: "the number is too large to show with this format")))
        }
        if let value, value < 0, let signed = Self.withMinusSign(text, section: Self.sections(code).dropFirst().first) {
            let red = Self.sections(code)[1].lowercased().contains("[red]") || Self.sections(code)[1].contains("[红色]")
            return (signed, Message(
                chinese: "该单元格存的是负数\(raw)，数字格式\(code)把它显示为“\(text)”（" + (red ? "红色，" : "") + "不带负号）；打印的表格没有颜色，按负数打印为\(signed)，请核对",
                english: "the cell holds the negative number \(raw), which its number format \(code) shows as \(text) (" + (red ? "in red, " : "") + "without a minus sign); a printed form has no colour, so it prints as \(signed) — check it"))
        }
        return (text, nil)
    }

    /// The text of a negative number shown by its format's own negative
    /// section, with the minus sign that section leaves out (its red colour
    /// or its brackets stand for it); nil when the text shows the sign, or
    /// the section shows no number.
    static func withMinusSign(_ text: String, section: String?) -> String? {
        guard let section, tokens(section).contains(where: { if case .digit = $0 { true } else { false } }),
              !tokens(section).contains(where: { if case .date = $0 { true } else { false } }),
              !text.contains(where: { "-−－".contains($0) }) else { return nil }
        var body = text.trimmingCharacters(in: .whitespaces)
        if (body.hasPrefix("(") && body.hasSuffix(")")) || (body.hasPrefix("（") && body.hasSuffix("）")) {
            body = String(body.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return "-" + body
    }

    /// The note for a stored value kept because its format cannot be shown
    /// as Excel shows it (`checkedDisplay`'s reason), for .xlsx and .xls alike.
    static func keptNote(_ raw: String, code: String, _ reason: Message) -> Message {
        Message(chinese: "保留了存储值\(raw)：该单元格的数字格式\(code)无法按Excel和WPS的方式显示（\(reason.chinese)）；请核对该值",
                english: "the stored value \(raw) is kept: the cell's number format \(code) cannot be shown as Excel and WPS show it (\(reason.english)); check the value")
    }

    /// `raw` is the cell's stored value (e.g. "0.81059999999999999").
    func display(_ raw: String, date1904: Bool) -> String {
        guard let value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")) else { return raw }
        let sections = Self.sections(code)
        var section = sections.first ?? ""
        var number = value
        var automaticMinus = value < 0
        if value < 0, sections.count >= 2 {
            section = sections[1]
            number = -value
            automaticMinus = false
        } else if value == 0, sections.count >= 3 {
            section = sections[2]
        }
        let tokens = Self.tokens(section)
        if tokens.isEmpty || tokens.contains(.general) || tokens == [.text] { return Self.general(value) }
        if tokens.contains(where: { if case .date = $0 { true } else { false } }) {
            return DateDisplay.display(value, tokens: tokens, date1904: date1904) ?? raw
        }
        if !tokens.contains(where: { if case .digit = $0 { true } else { false } }) {
            // A section of text only, such as the "-" accountants show for zero.
            return tokens.map { if case .literal(let text) = $0 { text } else { "" } }.joined()
        }
        return (automaticMinus ? "-" : "") + Self.number(automaticMinus ? -number : number, tokens: tokens)
    }

    // MARK: - Tokens

    enum Token: Equatable {
        case literal(String)
        case digit(Character)
        case decimalPoint
        case thousands
        case percent
        case exponent(String)
        case date(String)
        case general
        case text
    }

    /// The format's sections, split at ";" outside quotes and brackets.
    static func sections(_ code: String) -> [String] {
        var sections: [String] = []
        var current = ""
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true; current.append(character)
            case "\"": inQuotes.toggle(); current.append(character)
            case "[" where !inQuotes: inBrackets = true; current.append(character)
            case "]" where !inQuotes: inBrackets = false; current.append(character)
            case ";" where !inQuotes && !inBrackets: sections.append(current); current = ""
            default: current.append(character)
            }
        }
        sections.append(current)
        return sections
    }

    static func tokens(_ section: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(section)
        var index = 0
        func literal(_ text: String) {
            if case .literal(let previous) = tokens.last { tokens[tokens.count - 1] = .literal(previous + text) } else { tokens.append(.literal(text)) }
        }
        while index < characters.count {
            let character = characters[index]
            let rest = String(characters[index...])
            if rest.lowercased().hasPrefix("general") {
                tokens.append(.general)
                index += 7
                continue
            }
            if rest.hasPrefix("AM/PM") || rest.hasPrefix("am/pm") {
                tokens.append(.date("AM/PM"))
                index += 5
                continue
            }
            if rest.hasPrefix("上午/下午") {
                tokens.append(.date("上午/下午"))
                index += 5
                continue
            }
            switch character {
            case "\"":
                var text = ""
                index += 1
                while index < characters.count, characters[index] != "\"" { text.append(characters[index]); index += 1 }
                literal(text)
            case "\\", "!":
                // "\." and "!." both write the next character as it is.
                if index + 1 < characters.count { literal(String(characters[index + 1])) }
                index += 1
            case "_":
                literal(" ")
                index += 1  // skips the character whose width the space stands for
            case "*":
                index += 1  // a fill character: nothing to show in a value
            case "[":
                var inner = ""
                index += 1
                while index < characters.count, characters[index] != "]" { inner.append(characters[index]); index += 1 }
                // "[$¥-804]" shows ¥; "[$-804]" only names the locale.
                if inner.hasPrefix("$") {
                    let symbol = inner.dropFirst().prefix { $0 != "-" }
                    if !symbol.isEmpty { literal(String(symbol)) }
                }
                if ["h", "hh", "m", "mm", "s", "ss"].contains(inner.lowercased()) { tokens.append(.date("[" + inner.lowercased() + "]")) }
            case "0", "#", "?":
                tokens.append(.digit(character))
            case ".":
                tokens.append(.decimalPoint)
            case ",":
                tokens.append(.thousands)
            case "%":
                tokens.append(.percent)
            case "@":
                tokens.append(.text)
            case "E" where index + 1 < characters.count && (characters[index + 1] == "+" || characters[index + 1] == "-"):
                tokens.append(.exponent(String(characters[index + 1])))
                index += 1
            case "a" where index + 2 < characters.count && characters[index + 1] == "a" && characters[index + 2] == "a":
                // aaa: 一, aaaa: 星期一 (the Chinese weekday codes of Excel and WPS).
                let four = index + 3 < characters.count && characters[index + 3] == "a"
                tokens.append(.date(four ? "aaaa" : "aaa"))
                index += four ? 3 : 2
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S", "e":
                var run = String(character).lowercased()
                while index + 1 < characters.count, characters[index + 1].lowercased() == run.first.map(String.init) {
                    run.append(run.first!)
                    index += 1
                }
                tokens.append(.date(run == "e" ? "yyyy" : run))
            default:
                literal(String(character))
            }
            index += 1
        }
        return tokens
    }

    // MARK: - Numbers

    static func general(_ value: Decimal) -> String {
        let double = NSDecimalNumber(decimal: value).doubleValue
        if double == double.rounded(), abs(double) < 1e15 { return String(format: "%.0f", double) }
        var text = String(format: "%.15g", double)
        if text.contains("e") { text = text.replacingOccurrences(of: "e", with: "E") }
        return text
    }

    static func number(_ value: Decimal, tokens: [Token]) -> String {
        var value = value
        let percents = tokens.filter { $0 == .percent }.count
        for _ in 0..<percents { value *= 100 }
        // Integer and decimal placeholders; commas between integer digits
        // group thousands, commas after the last digit scale by 1000.
        var integerDigits: [Character] = [], decimalDigits: [Character] = []
        var grouping = false, scaling = 0, seenPoint = false, seenDigit = false, exponent: String?
        for (index, token) in tokens.enumerated() {
            switch token {
            case .digit(let digit):
                if exponent != nil { continue }
                if seenPoint { decimalDigits.append(digit) } else { integerDigits.append(digit) }
                seenDigit = true
            case .decimalPoint: seenPoint = true
            case .thousands where seenDigit:
                // Between integer digits a comma groups thousands; after the
                // last digit placeholder (also after the decimals, as in
                // `#,##0.00,`) each comma divides by 1000.
                let isDigit = { (token: Token) -> Bool in if case .digit = token { true } else { false } }
                if !tokens[(index + 1)...].contains(where: isDigit) {
                    scaling += 1
                } else if !seenPoint && tokens[(index + 1)...].prefix(while: { $0 != .decimalPoint }).contains(where: isDigit) {
                    grouping = true
                }
            case .exponent(let sign): exponent = sign
            default: break
            }
        }
        for _ in 0..<scaling { value /= 1000 }
        var digits: String
        if let exponent {
            digits = scientific(value, integerDigits: integerDigits, decimals: decimalDigits.count, sign: exponent,
                                exponentDigits: max(1, tokens.drop { $0 != .exponent(exponent) }.dropFirst().filter { if case .digit = $0 { true } else { false } }.count))
        } else if !seenPoint, let split = Self.splitDigits(value, tokens: tokens) {
            // Literals between the digit placeholders of the integer part:
            // the 万元 display tricks `0"."0000`, `0\.0000`, `0!.0000"万元"`
            // show 2124000 (元) as 212.4000.
            return split
        } else {
            digits = fixed(value, integerDigits: integerDigits, decimalDigits: decimalDigits, grouping: grouping)
        }
        // Literals and % keep their places around the number.
        var result = ""
        var emitted = false
        for token in tokens {
            switch token {
            case .literal(let text): result += text
            case .percent: result += "%"
            case .digit, .decimalPoint, .thousands, .exponent:
                if !emitted { result += digits; emitted = true }
            case .text, .general, .date: break
            }
        }
        return result
    }

    /// A format whose digit placeholders (no decimal point) have literals
    /// between them, shown as Excel shows it: the rounded integer's digits
    /// fill the placeholders from the right, literals stay between them,
    /// and digits beyond the placeholders go before the first. Nil when
    /// no literal sits between two placeholders.
    static func splitDigits(_ value: Decimal, tokens: [Token]) -> String? {
        guard let first = tokens.firstIndex(where: { if case .digit = $0 { true } else { false } }),
              let last = tokens.lastIndex(where: { if case .digit = $0 { true } else { false } }),
              tokens[first...last].contains(where: { if case .literal = $0 { true } else { false } }),
              !tokens.contains(.thousands), !tokens.contains(where: { if case .exponent = $0 { true } else { false } }) else { return nil }
        let zeros = tokens[first...last].filter { $0 == .digit("0") }.count
        var digits = plain(rounded(value, scale: 0))
        while digits.count < zeros { digits = "0" + digits }
        var remaining = Array(digits)
        var middle = ""
        for token in tokens[first...last].reversed() {
            switch token {
            case .digit: middle = (remaining.popLast().map(String.init) ?? "") + middle
            case .literal(let text): middle = text + middle
            default: break
            }
        }
        middle = String(remaining) + middle
        var result = ""
        for token in tokens[..<first] { if case .literal(let text) = token { result += text } else if token == .percent { result += "%" } }
        result += middle
        for token in tokens[(last + 1)...] { if case .literal(let text) = token { result += text } else if token == .percent { result += "%" } }
        return result
    }

    private static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value, output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }

    /// `value` (not negative) with the format's integer and decimal digits.
    private static func fixed(_ value: Decimal, integerDigits: [Character], decimalDigits: [Character], grouping: Bool) -> String {
        let text = plain(rounded(value, scale: decimalDigits.count))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        let minimumInteger = integerDigits.filter { $0 == "0" }.count
        if integer == "0" && minimumInteger == 0 { integer = "" }
        while integer.count < minimumInteger { integer = "0" + integer }
        if grouping { integer = group(integer) }
        while fraction.count < decimalDigits.count { fraction += "0" }
        // Optional decimal places (#, ?) drop trailing zeros.
        let required = decimalDigits.lastIndex(of: "0").map { $0 + 1 } ?? 0
        while fraction.count > required, fraction.hasSuffix("0") { fraction.removeLast() }
        return decimalDigits.isEmpty ? integer : integer + "." + fraction
    }

    private static func scientific(_ value: Decimal, integerDigits: [Character], decimals: Int, sign: String, exponentDigits: Int) -> String {
        let double = NSDecimalNumber(decimal: value).doubleValue
        guard double != 0 else {
            return "0" + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "") + "E+" + String(repeating: "0", count: exponentDigits)
        }
        var exponent = Int(floor(log10(abs(double))))
        var mantissa = double / pow(10, Double(exponent))
        if Double(String(format: "%.\(decimals)f", mantissa)) ?? 0 >= 10 { mantissa /= 10; exponent += 1 }
        let exponentText = String(abs(exponent))
        let padded = String(repeating: "0", count: max(0, exponentDigits - exponentText.count)) + exponentText
        return String(format: "%.\(decimals)f", mantissa) + "E" + (exponent < 0 ? "-" : sign == "+" ? "+" : "") + padded
    }

    /// A decimal without exponent notation ("0.5", "212.4", "1200").
    static func plain(_ value: Decimal) -> String {
        let text = NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
        return text.hasPrefix("-") && Decimal(string: text) == 0 ? String(text.dropFirst()) : text
    }

    private static func group(_ integer: String) -> String {
        var result = ""
        for (index, character) in integer.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }
}
