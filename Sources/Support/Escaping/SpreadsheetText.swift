import Foundation

/// Text for a cell of a file that Excel or WPS opens (summary.csv,
/// findings.xlsx, the access codes' list): a
/// cell that starts with = + - @, a tab or a carriage return is read as a
/// formula there, so a unit named `=HYPERLINK(…)` would run in the
/// reviewer's spreadsheet (CSV injection, issue 14). As OWASP recommends,
/// such a cell is prefixed with a single quote, which the spreadsheet shows
/// as text and does not print.
package enum SpreadsheetText {
    package static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    package static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first.map(Character.init), formulaStarts.contains(first) else { return field }
        return "'" + field
    }

    /// One field of a CSV line: neutralised, then quoted as RFC 4180 says
    /// when it holds a comma, a quote or a line break, or starts with a
    /// space (which a spreadsheet would drop), its quotes doubled.
    package static func csvField(_ field: String) -> String {
        let field = neutralised(field)
        // The bytes first: a field without a comma, a quote or a line break
        // among them has none among its Characters either, and the
        // Characters cost tens of instructions a byte (issue 25).
        let needsQuotes = field.hasPrefix(" ") || (UTF8LineBreak.contains(in: field, orAny: [UInt8(ascii: ","), UInt8(ascii: "\"")])
            && field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }))
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
