import Foundation

/// Form labels compared the way a person reads them.
///
/// Three strengths, because close variants differ only in decorations:
/// `normalise` drops spaces and line breaks and folds full-/half-width
/// brackets and colons ("年度总体 目标" is 年度总体目标) and the "（A）"/"（B/A）"
/// markers; `exact` keeps the markers, so that a form printing
/// 执行率（B/A） is told from one printing 执行率; `folded` also drops the
/// notes units add to a label — "（盖章）", "（万元）", "(50分)", a
/// trailing colon — so that 实施单位（盖章） still names 实施单位.
enum Label {
    static func normalise(_ text: String) -> String {
        var result = exact(text)
        for marker in markers { result = result.replacingOccurrences(of: marker, with: "") }
        return result
    }

    /// Spaces dropped, brackets and colons full-width; nothing else changed.
    static func exact(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{3000}", "\u{A0}": continue
            case "(": result += "（"
            case ")": result += "）"
            case ":": result += "："
            case "／": result += "/"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The label without the notes a unit may add to it: the column markers,
    /// a bracketed unit or remark at the end, a weight "(50分)", a colon.
    static func folded(_ text: String) -> String {
        var result = normalise(text)
        while result.hasSuffix("：") { result.removeLast() }
        // A trailing bracket that holds a note, not the label's own words:
        // （盖章）, （万元）, （元）, （%）, （50分）, （签字）.
        while let open = result.lastIndex(of: "（"), result.hasSuffix("）"), open != result.startIndex {
            let inner = result[result.index(after: open)..<result.index(before: result.endIndex)]
            guard notes.contains(String(inner)) || inner.range(of: #"^[0-9.]+分$"#, options: .regularExpression) != nil else { break }
            result = String(result[..<open])
            while result.hasSuffix("：") { result.removeLast() }
        }
        return result
    }

    static let markers = ["（A）", "（B）", "（B/A）"]
    private static let notes: Set<String> = ["盖章", "签字", "签章", "万元", "元", "千元", "亿元", "%", "分", "单位盖章"]
}

extension StringProtocol {
    /// Drops spaces (ASCII and full-width) and line breaks at both ends.
    var trimmedCell: String {
        let blanks: Set<Character> = [" ", "\t", "\n", "\r", "\r\n", "\u{3000}", "\u{A0}"]
        var slice = Substring(self)
        while let first = slice.first, blanks.contains(first) { slice.removeFirst() }
        while let last = slice.last, blanks.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
