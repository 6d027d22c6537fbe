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
        // Most texts need nothing: returned as they are, without the copy
        // scalar by scalar (the findings report escapes every cell).
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) else { return text }
        return ScalarEscaping.escaped(text) { scalar in
            switch scalar {
            case "\t": "&#9;"
            case "\n": "&#10;"
            case "\r": "&#13;"
            case _ where scalar.value < 0x20: ""
            default: markup(scalar)
            }
        }
    }

    /// HTML text or an attribute value in either quotes: `&`, `<`, `>`,
    /// `"` and `'` escaped, everything else kept as it is.
    package static func html(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        return ScalarEscaping.escaped(text) { scalar in
            scalar == "'" ? "&#39;" : markup(scalar)
        }
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
