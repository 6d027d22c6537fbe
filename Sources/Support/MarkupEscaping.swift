/// Text made safe inside markup, for every writer of XML or HTML: the
/// spreadsheet and OFD parts, fontconfig's configuration, the findings
/// report and the desk's pages. One place, so that a character one writer
/// learned to escape is escaped by all.
package enum MarkupEscaping {
    /// XML 1.0 text or a double-quoted attribute value: `&`, `<`, `>` and
    /// `"` escaped; the control characters XML 1.0 cannot hold dropped
    /// (tab, newline and return kept) — a unit file cannot print them either.
    package static func xml(_ text: String) -> String {
        // Most texts need nothing: returned as they are, without the copy
        // scalar by scalar (the findings report escapes every cell).
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// HTML text or an attribute value in either quotes: `&`, `<`, `>`,
    /// `"` and `'` escaped, everything else kept as it is.
    package static func html(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
