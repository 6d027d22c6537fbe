/// How a text value is written in a unit file so that reading it back gives
/// exactly the same text: plain when YAML would read it back unchanged
/// (`212.40`, `81.06%`, `柳河县…局`), double-quoted with escapes otherwise
/// (`">=148.万元"`, `"null"`, text with line breaks or a leading space).
package enum YAMLScalar {
    /// `text` as a plain or double-quoted scalar; `inFlow` for values inside
    /// `{…}`, where "," and brackets end a plain scalar.
    package static func format(_ text: String, inFlow: Bool = false) -> String {
        isPlainSafe(text, inFlow: inFlow) ? text : quoted(text)
    }

    package static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        let indicators = "-?:,[]{}#&*!|>'\"%@`=~<"
        if indicators.unicodeScalars.contains(first) { return false }
        let blanks: Set<Unicode.Scalar> = [" ", "\u{3000}", "\u{A0}"]
        if blanks.contains(first) || blanks.contains(last) || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        if inFlow && text.unicodeScalars.contains(where: { ",[]{}:".unicodeScalars.contains($0) }) { return false }
        if text.unicodeScalars.contains(where: needsEscape) { return false }
        // Words YAML reads as null or booleans.
        let reserved: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]
        return !reserved.contains(text.lowercased())
    }

    package static func quoted(_ text: String) -> String {
        let body = ScalarEscaping.escaped(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\t": "\\t"
            case "\r": "\\r"
            case _ where needsEscape(scalar):
                scalar.value <= 0xFF ? "\\x" + hex(scalar, digits: 2) : "\\u" + hex(scalar, digits: 4)
            default: nil
            }
        }
        return "\"" + body + "\""
    }

    /// The scalar's value in upper-case hexadecimal, at least `digits` long.
    private static func hex(_ scalar: Unicode.Scalar, digits: Int) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    /// Characters a YAML scalar cannot hold literally: controls, line and
    /// paragraph separators, the byte-order mark.
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            || scalar == "\u{FEFF}"
    }
}
