/// A flowing document (the report): a title, numbered headings and
/// paragraphs, set line by line on pages.
package struct FlowSpec: Sendable {
    package var title: TextStyle
    /// Lines (of `lineHeight`) left empty below the title.
    package var linesAfterTitle: Int
    /// Heading styles and numbering by depth: index 0 is 一、, 1 is （一）, …
    package var headings: [HeadingSpec]
    package var body: TextStyle
    /// Fixed line pitch for body and headings (GB/T 9704: 22 lines in 225 mm).
    package var lineHeight: Length
    /// First-line indent of paragraphs and headings, in characters of the body size.
    package var firstLineIndent: Double
    /// 署名/成文日期 distance from the right edge, in characters.
    package var signatureRightIndent: Double
    /// Page number format; `{page}` is replaced by the number.
    package var pageNumber: PageNumberSpec?
    /// Styles of tables inside the report.
    package var tables: FlowTableStyles
}

/// How tables inside the report are set: each line of a cell takes one
/// line of the page's fixed pitch, so the text after a table stays on the
/// grid.
package struct FlowTableStyles: Sendable {
    package var title: TextStyle
    package var header: TextStyle
    package var text: TextStyle
    /// Cell padding left and right.
    package var padding: Length
    package var rule: Length
}

package struct HeadingSpec: Sendable {
    package var style: TextStyle
    package var numbering: HeadingNumbering
}

package enum HeadingNumbering: String, Sendable, CaseIterable {
    /// 一、二、三、
    case chineseComma = "一、"
    /// （一）（二）
    case chineseParenthesized = "（一）"
    /// 1. 2.
    case arabicDot = "1."
    /// （1）（2）
    case arabicParenthesized = "（1）"
    case none

    /// The heading number for a 1-based position.
    package func label(_ number: Int) -> String {
        switch self {
        case .chineseComma: ChineseNumeral.text(number) + "、"
        case .chineseParenthesized: "（" + ChineseNumeral.text(number) + "）"
        case .arabicDot: "\(number)."
        case .arabicParenthesized: "（\(number)）"
        case .none: ""
        }
    }
}

package struct PageNumberSpec: Sendable {
    /// e.g. "— {page} —" or "第 {page} 页 共 {pages} 页".
    package var format: String
    package var style: TextStyle
    /// Distance from the bottom of the text block to the top of the number.
    package var gap: Length
    /// Odd pages right, even pages left (GB/T 9704 §7.5), else centred.
    package var alternate: Bool
    /// Inset from the text block's edge, in characters of the number's size.
    package var inset: Double
    /// Number a document of a single page too (forms leave it off by default).
    package var singlePage: Bool

    /// The number as printed on `page` of `pages`.
    package func text(page: Int, of pages: Int) -> String {
        format.replacingOccurrences(of: "{page}", with: String(page)).replacingOccurrences(of: "{pages}", with: String(pages))
    }
}

/// 一, 二, … 九十九, 一百, 一百零一, … 九千九百九十九 as used in heading
/// numbers. A report may have any number of sections, so this never traps
/// (it did past 99, issue 14): from 10 000 on the number is in digits.
package enum ChineseNumeral {
    static let digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    package static func text(_ number: Int) -> String {
        guard number > 0, number < 10_000 else { return String(number) }
        if number < 10 { return digits[number] }
        if number < 100 {
            let tens = number / 10, ones = number % 10
            return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
        }
        // 一百零一, 一千零二十, 一千一百: a 零 stands for the zeros between digits.
        var text = ""
        var pendingZero = false
        for (value, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
            let digit = number / value % 10
            if digit == 0 {
                if !text.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { text += "零"; pendingZero = false }
            text += digits[digit] + name
        }
        return text
    }
}

extension String {
    /// Every `target` replaced, for the page number's format: a literal
    /// split and join, without importing Foundation for it.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
