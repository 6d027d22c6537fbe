import Evaluation
import Foundation

/// Number formats whose display FormPrint does not reproduce exactly as
/// Excel and WPS do. For them the cell's stored value is kept and a located
/// note says so: importing `[DBNum1]`, a condition such as `[>=100]`, or a
/// fraction `# ?/?` as if they were plain formats printed a different
/// number silently (issue 14).
enum UnsupportedNumberFormat {
    /// Why `code` cannot be shown as the office suites show it, or nil.
    static func reason(_ code: String) -> Message? {
        let outsideQuotes = unquoted(code).lowercased()
        if outsideQuotes.contains("[dbnum") { return Message(chinese: "它把数字写成中文数字（[DBNum]）", english: "it writes the digits as Chinese numerals ([DBNum])") }
        if outsideQuotes.range(of: #"\[(<|>|=|<=|>=|<>)-?[0-9.]+\]"#, options: .regularExpression) != nil {
            return Message(chinese: "它按条件选择格式段（[>=100] …）", english: "it chooses its section by a condition ([>=100] …)")
        }
        if outsideQuotes.range(of: #"[0#?]\s*/\s*[0-9#?]"#, options: .regularExpression) != nil {
            return Message(chinese: "它显示为分数（# ?/?）", english: "it shows a fraction (# ?/?)")
        }
        return nil
    }

    /// The code without its quoted literals, escaped characters and
    /// bracketed currency or locale parts, so that a literal "/" or "[" in
    /// quotes is not taken for a fraction or condition.
    static func unquoted(_ code: String) -> String {
        var result = ""
        var inQuotes = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if character == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if character == "\\" || character == "!" { escaped = true; continue }
            result.append(character)
        }
        return result
    }
}
