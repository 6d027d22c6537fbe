import Foundation

/// Form labels compared the way a person reads them: without spaces or
/// line breaks ("年度总体 目标" is 年度总体目标), with full-width and
/// half-width brackets and colons alike, and without the "（A）" / "（B/A）"
/// markers some variants append to column labels.
enum Label {
    static func normalise(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{3000}", "\u{A0}": continue
            case "(": result += "（"
            case ")": result += "）"
            case ":": result += "："
            default: result.unicodeScalars.append(scalar)
            }
        }
        for marker in ["（A）", "（B）", "（B/A）", "（B／A）"] {
            result = result.replacingOccurrences(of: marker, with: "")
        }
        return result
    }
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
