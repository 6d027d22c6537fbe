/// Text made safe inside markup, for every writer of XML or HTML: the
/// spreadsheet and OFD parts, fontconfig's configuration, the findings
/// report and the desk's pages. One place, so that a character one writer
/// learned to escape is escaped by all.
package enum MarkupEscaping {
    /// XML 1.0 text or a double-quoted attribute value: `&`, `<`, `>` and
    /// `"` escaped; tab, newline and return as character references, since
    /// a reader turns a literal return into a newline in text, and all three
    /// into spaces in an attribute; the other control characters, which
    /// XML 1.0 cannot hold, dropped — a unit file cannot print them either.
    package static func xml(_ text: String) -> String {
        escaped(text, xmlTable)
    }

    /// HTML text or an attribute value in either quotes: `&`, `<`, `>`,
    /// `"` and `'` escaped, everything else kept as it is.
    package static func html(_ text: String) -> String {
        escaped(text, htmlTable)
    }

    /// What each ASCII character becomes (nil: kept as it is), by code: one
    /// table for the quick test and the escaping alike, so the two cannot
    /// disagree. Nothing outside ASCII is escaped.
    private static let xmlTable: [String?] = (0..<128).map { code in
        switch Unicode.Scalar(UInt8(code)) {
        case "\t": "&#9;"
        case "\n": "&#10;"
        case "\r": "&#13;"
        case let scalar where scalar.value < 0x20: ""
        case let scalar: markup(scalar)
        }
    }

    private static let htmlTable: [String?] = (0..<128).map { code in
        let scalar = Unicode.Scalar(UInt8(code))
        return scalar == "'" ? "&#39;" : markup(scalar)
    }

    private static func escaped(_ text: String, _ table: [String?]) -> String {
        // Most texts need nothing: returned as they are, without the copy
        // scalar by scalar (the findings report escapes every cell).
        guard text.utf8.contains(where: { $0 < 0x80 && table[Int($0)] != nil }) else { return text }
        return ScalarEscaping.escaped(text) { scalar in scalar.isASCII ? table[Int(scalar.value)] : nil }
    }

    /// The four characters both languages must escape.
    private static func markup(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        default: nil
        }
    }
}
