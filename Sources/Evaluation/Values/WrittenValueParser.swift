import Foundation
import Support

/// Reads the text of a value into a `WrittenValue`.
///
/// Grammar, after trimming spaces (ASCII and full-width):
///   [comparator] number [unit] [suffix comparator] [(remark)]
///   [comparator] year 年 [month 月 [day 日]] [底|末|前|内|…] [(remark)]
///   [comparator] year -month [-day] [底|末|前|内|…] [(remark)]   ("/" as well as "-")
/// The comparator has ASCII, full-width, mathematical and word forms
/// (`ValueComparator.prefixes`). Numbers are digits with an optional fraction;
/// full-width digits, digit-group commas and a trailing "." are read with a
/// recorded assumption. A unit is short (at most `maximumUnitLength`
/// characters) and holds no digits or sentence punctuation; anything longer
/// is text, not a unit, and the whole value reads as qualitative.
public enum WrittenValueParser {
    static let maximumUnitLength = 6
    /// What forms write for "not applicable"; the importer reads a layout's "—" cell by it too.
    package static let placeholders: Set<String> = ["—", "——", "-", "－", "--", "–", "―", "/", "／", "\\", "N/A", "n/a", "NA"]
    /// Endings after a date that keep it a date: 年底, 年末, 12月底前, 年内.
    static let timeEndings: Set<String> = ["底", "末", "前", "内", "以前", "之前", "底前", "末前", "中", "初"]
    /// Units written as words, and what they mean.
    static let unitWords: [String: String] = ["百分比": "%", "百分点": "%"]
    static let sentencePunctuation: Set<Character> = ["，", ",", "。", "；", ";", "、", "：", ":", "！", "？", " ", "　"]

    public static func parse(_ text: String) -> WrittenValue {
        // Swift's String equality is canonical equivalence ("é" is
        // "e\u{301}", 豈 U+F900 is U+8C48), so a remembered value counts
        // only if its text is byte for byte this one: a value keeps the
        // text as the unit wrote it.
        if let known = readValues.withLock({ $0[text] }), known.text.utf8.elementsEqual(text.utf8) { return known }
        let value = read(text)
        readValues.withLock { values in
            if values.count >= maximumRemembered { values.removeAll(keepingCapacity: true) }
            values[text] = value
        }
        return value
    }

    /// Values already read, by their text. The binder, the checks, the
    /// scoring and the conservation check each read a unit's figures, about
    /// 220 reads of 40 texts a one-page unit, and a read costs about 11 K
    /// instructions (issue 25); a read depends on the text alone. Emptied
    /// when full, so that a long batch's memory stays flat.
    private static let readValues = Locked([String: WrittenValue]())
    static let maximumRemembered = 4096

    /// The text read, without the memory of values already read.
    static func read(_ text: String) -> WrittenValue {
        // Character.isWhitespace covers the full-width space U+3000; a
        // Foundation character set built per value cost more than the parse.
        let trimmed: String
        if let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) {
            trimmed = first == text.startIndex && last == text.index(before: text.endIndex) ? text : String(text[first...last])
        } else {
            trimmed = ""
        }
        if trimmed.isEmpty { return WrittenValue(text: text, reading: .empty) }
        if placeholders.contains(trimmed) { return WrittenValue(text: text, reading: .placeholder) }

        var rest = Substring(trimmed)
        var comparator: ValueComparator?
        // Only text that starts like a comparator is matched against all of
        // them: comparing every value with every spelling was most of a parse.
        if let head = rest.first, ValueComparator.initials.contains(head),
           let prefix = ValueComparator.prefixes.first(where: { rest.hasPrefix($0.text) }) {
            comparator = prefix.comparator
            rest = rest.dropFirst(prefix.text.count).drop { $0.isWhitespace }
        }
        guard let number = scanNumber(&rest) else {
            let assumptions: [ValueAssumption] = comparator == nil ? [] : [.comparatorOnText]
            return WrittenValue(text: text, reading: .qualitative(trimmed), assumptions: assumptions)
        }
        var assumptions = number.assumptions
        rest = rest.drop { $0.isWhitespace }

        var (body, remark) = splitRemark(String(rest))
        if comparator == nil, let suffix = ValueComparator.suffixes.first(where: { body.hasSuffix($0.text) }) {
            comparator = suffix.comparator
            body = String(body.dropLast(suffix.text.count)).trimmingSpaces()
        }
        if let point = calendarPoint(number, body) {
            return WrittenValue(text: text, reading: .time(TimeValue(comparator: comparator, point: point)), assumptions: assumptions)
        }
        guard isUnit(body) else { return WrittenValue(text: text, reading: .qualitative(trimmed)) }
        var unit = body == "％" ? "%" : body
        if let read = unitWords[unit] {
            assumptions.append(.unitWord(written: unit, read: read))
            unit = read
        }
        let quantity = Quantity(comparator: comparator, number: number.value, digits: number.digits,
                                unit: MeasureUnit(unit), remark: remark)
        return WrittenValue(text: text, reading: .quantity(quantity), assumptions: assumptions)
    }

    struct ScannedNumber {
        var value: Decimal
        /// ASCII digits with "." as written, minus what was assumed away.
        var digits: String
        var assumptions: [ValueAssumption]
        var hasFraction: Bool
    }

    /// Consumes a number at the start of `text`, if there is one.
    static func scanNumber(_ text: inout Substring) -> ScannedNumber? {
        var digits = ""
        var assumptions: [ValueAssumption] = []
        var index = text.startIndex
        var sawPoint = false
        var fractionDigits = 0
        // A minus sign right before a digit: "-12.5" is a number (a refund,
        // a fall), not text (issue 14). "－" and "−" are how Chinese input
        // methods and word processors write it.
        var negative = false
        if let sign = text.first, sign == "-" || sign == "－" || sign == "−",
           let next = text.dropFirst().first, next.isNumber {
            negative = true
            index = text.index(after: index)
        }

        func digit(_ character: Character) -> Character? {
            if let ascii = character.asciiValue, (48...57).contains(ascii) { return character }
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               (0xFF10...0xFF19).contains(scalar.value) {
                if !assumptions.contains(.fullWidthDigits) { assumptions.append(.fullWidthDigits) }
                return Character(UnicodeScalar(scalar.value - 0xFF10 + 48)!)
            }
            return nil
        }

        while index < text.endIndex {
            let character = text[index]
            if let ascii = digit(character) {
                digits.append(ascii)
                if sawPoint { fractionDigits += 1 }
                index = text.index(after: index)
            } else if (character == "," || character == "，") && !sawPoint && !digits.isEmpty,
                      groupFollows(text[text.index(after: index)...]) {
                if !assumptions.contains(.groupingSeparators) { assumptions.append(.groupingSeparators) }
                index = text.index(after: index)
            } else if character == ".", !sawPoint, digits.isEmpty, let next = text[text.index(after: index)...].first,
                      next.isASCII, next.isNumber {
                // ".5" is 0.5, as Excel and WPS read it and the money column prints it.
                sawPoint = true
                digits = "0."
                index = text.index(after: index)
            } else if (character == "." || character == "．") && !sawPoint && !digits.isEmpty {
                if character == "．", !assumptions.contains(.fullWidthDigits) { assumptions.append(.fullWidthDigits) }
                sawPoint = true
                digits.append(".")
                index = text.index(after: index)
            } else {
                break
            }
        }
        guard digits.contains(where: { $0 != "." }) else { return nil }
        if sawPoint && fractionDigits == 0 {
            assumptions.append(.strayDecimalPoint)
            digits.removeLast()
        }
        if negative { digits = "-" + digits }
        guard let value = Decimal(string: digits) else { return nil }
        text = text[index...]
        return ScannedNumber(value: value, digits: digits, assumptions: assumptions, hasFraction: fractionDigits > 0)
    }

    /// A digit-group separator is followed by exactly three digits.
    static func groupFollows(_ text: Substring) -> Bool {
        let group = text.prefix(4)
        let digitCount = group.prefix { $0.isASCII && $0.isNumber }.count
        return digitCount == 3 && (group.count < 4 || !(group.last!.isASCII && group.last!.isNumber))
    }

    /// "100%(历史标准)" → ("%", "历史标准").
    static func splitRemark(_ text: String) -> (String, String) {
        guard let last = text.last, last == ")" || last == "）",
              let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return (text, "") }
        let remark = text[text.index(after: open)..<text.index(before: text.endIndex)]
        return (text[..<open].trimmingSpaces(), String(remark))
    }

    /// "2025" + "年" → 2025年; "2024" + "年12月底前" → 2024年12月;
    /// "2024" + "-12" → 2024年12月; "2024" + "/12/31" → 2024年12月31日.
    static func calendarPoint(_ number: ScannedNumber, _ body: String) -> CalendarPoint? {
        guard !number.hasFraction, let year = Int(number.digits), CalendarPoint.plausibleYears.contains(year) else { return nil }
        if let separator = body.first, separator == "-" || separator == "/" {
            return numericDate(year, Substring(body), separator: separator)
        }
        guard body.hasPrefix("年") else { return nil }
        var rest = Substring(body.dropFirst())
        var point = CalendarPoint(year: year)
        if let month = leadingInteger(&rest, before: "月") {
            // "2024年13月" is no date: read it as text rather than as 2024.
            guard (1...12).contains(month) else { return nil }
            point.month = month
            if let day = leadingInteger(&rest, before: "日") {
                guard (1...31).contains(day) else { return nil }
                point.day = day
            }
        }
        if rest.hasPrefix("度") { rest = rest.dropFirst() }
        return rest.isEmpty || timeEndings.contains(String(rest)) ? point : nil
    }

    /// "-12", "-12-31", "/12" after a year: a month (1–12) and an optional
    /// day (1–31), then nothing or a time ending ("2024-12前").
    static func numericDate(_ year: Int, _ body: Substring, separator: Character) -> CalendarPoint? {
        var rest = body
        var point = CalendarPoint(year: year)
        func part(_ range: ClosedRange<Int>) -> Int? {
            guard rest.first == separator else { return nil }
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard (1...2).contains(digits.count), let value = Int(digits), range.contains(value) else { return nil }
            rest = rest.dropFirst(1 + digits.count)
            return value
        }
        guard let month = part(1...12) else { return nil }
        point.month = month
        if rest.first == separator {
            guard let day = part(1...31) else { return nil }
            point.day = day
        }
        return rest.isEmpty || timeEndings.contains(String(rest)) ? point : nil
    }

    static func leadingInteger(_ text: inout Substring, before marker: Character) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, text.dropFirst(digits.count).first == marker, let value = Int(digits) else { return nil }
        text = text.dropFirst(digits.count + 1)
        return value
    }

    /// Note: `Character.isNumber` is no test for digits here, since 万 and 百
    /// are numeric characters in Unicode and belong in units (万元, 百分比).
    static func isUnit(_ text: String) -> Bool {
        text.count <= maximumUnitLength && !text.contains { $0.isWholeNumber && $0.isASCII || ("０"..."９").contains($0) || sentencePunctuation.contains($0) }
    }
}
