import Evaluation

/// Why a document could not be laid out, with enough context to fix the
/// input: which text, where it comes from, and what did not fit.
public enum LayoutFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Characters no bundled font covers.
    case missingGlyphs([Character], in: TextOrigin, text: String)
    /// A row that does not fit on an empty page.
    case rowTooTall(row: Int, height: Length, available: Length, firstText: String)
    /// Text that does not fit its fixed-height cell even at the style's `minSize`.
    case textDoesNotFit(row: Int, column: Int, text: String, origin: TextOrigin, needed: Length, available: Length)
    /// A column narrower (inside its padding) than one character of its text.
    case columnTooNarrow(row: Int, column: Int, character: Character, origin: TextOrigin, needed: Length, available: Length)
    /// A spanning label (side label, merged group) taller than its rows can
    /// hold once the table is cut into pages.
    case labelTooTall(row: Int, column: Int, text: String, origin: TextOrigin, printedLines: Int, lines: Int)
    /// A signature field (label and value) wider than the whole table.
    case signatureTooWide(text: String, origin: TextOrigin, needed: Length, available: Length)

    public var description: String {
        switch self {
        case .missingGlyphs(let characters, let origin, let text):
            let list = characters.map { c in
                "'\(c)' (" + c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ") + ")"
            }.joined(separator: ", ")
            return "\(origin): no bundled font has a glyph for \(list) in \"\(text.prefix(30))\"; replace the character, add a font that covers it to Fonts/, or allow the machine's fonts with --font-fallback system"
        case .rowTooTall(let row, let height, let available, let firstText):
            return "row \(row + 1) (\"\(firstText.prefix(20))…\") is \(height) tall but a page has only \(available) for it; shorten its text or split it over several rows"
        case .textDoesNotFit(let row, let column, let text, let origin, let needed, let available):
            return "\(origin): the text \"\(text.prefix(30))\" in row \(row + 1), column \(column + 1) needs \(needed) but its row is fixed at \(available); shorten the text, lower the style's minSize, or remove the block's rowHeight"
        case .columnTooNarrow(let row, let column, let character, let origin, let needed, let available):
            return "\(origin): row \(row + 1), column \(column + 1) has \(available) for text inside its padding, less than the \(needed) of the character '\(character)'; widen the column, reduce its padding or use a smaller style"
        case .labelTooTall(let row, let column, let text, let origin, let printed, let lines):
            return "\(origin): the label \"\(text.prefix(30))\" in row \(row + 1), column \(column + 1) has \(lines) lines but its rows, cut over pages, hold only \(printed) of them; shorten it, widen its column or use a smaller style"
        case .signatureTooWide(let text, let origin, let needed, let available):
            return "\(origin): the signature field \"\(text.prefix(30))\" needs \(needed) but the table is \(available) wide; shorten the value"
        }
    }
}
