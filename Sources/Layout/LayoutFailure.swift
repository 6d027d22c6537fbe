import Evaluation

/// Why a document could not be laid out, with enough context to fix the
/// input: which text, where it comes from, and what did not fit.
package enum LayoutFailure: Error, Sendable, Equatable, HasMessage {
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
    /// A value that would print as another text than the one written
    /// (`FigureConservation`): never printed silently.
    case figureChanged(written: String, printed: String, in: TextOrigin)

    /// The type's catalogue of sentences, in Chinese and English.
    package var message: Message {
        switch self {
        case .missingGlyphs(let characters, let origin, let text):
            let list = characters.map { c in
                "'\(c)' (" + c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ") + ")"
            }.joined(separator: ", ")
            return Message(
                chinese: "\(origin)：该处所用的随附字体没有“\(text.prefix(30))”里\(list)的字形（FormPrint不会在同一栏中不加说明地换用另一种字体）；请替换该字符，把含有它的字体加入 Fonts/，或用 --font-fallback system 允许使用其他随附字体和本机字体",
                english: "\(origin): no bundled font of this text's face has a glyph for \(list) in \"\(text.prefix(30))\" (FormPrint never sets it in another face without saying so); replace the character, add a font that covers it to Fonts/, or allow the other bundled and the machine's fonts with --font-fallback system")
        case .rowTooTall(let row, let height, let available, let firstText):
            return Message(
                chinese: "第\(row + 1)行（“\(firstText.prefix(20))…”）高\(height)，但一页只有\(available)可用；请缩短其文字或拆成几行",
                english: "row \(row + 1) (\"\(firstText.prefix(20))…\") is \(height) tall but a page has only \(available) for it; shorten its text or split it over several rows")
        case .textDoesNotFit(let row, let column, let text, let origin, let needed, let available):
            return Message(
                chinese: "\(origin)：第\(row + 1)行第\(column + 1)列的文字“\(text.prefix(30))”需要\(needed)，但该行固定为\(available)；请缩短文字、调低样式的 minSize，或去掉该块的 rowHeight",
                english: "\(origin): the text \"\(text.prefix(30))\" in row \(row + 1), column \(column + 1) needs \(needed) but its row is fixed at \(available); shorten the text, lower the style's minSize, or remove the block's rowHeight")
        case .columnTooNarrow(let row, let column, let character, let origin, let needed, let available):
            return Message(
                chinese: "\(origin)：第\(row + 1)行第\(column + 1)列除去内边距只有\(available)，小于字符“\(character)”所需的\(needed)；请加宽该列、减小内边距或换用较小的样式",
                english: "\(origin): row \(row + 1), column \(column + 1) has \(available) for text inside its padding, less than the \(needed) of the character '\(character)'; widen the column, reduce its padding or use a smaller style")
        case .labelTooTall(let row, let column, let text, let origin, let printed, let lines):
            return Message(
                chinese: "\(origin)：第\(row + 1)行第\(column + 1)列的标签“\(text.prefix(30))”有\(lines)行，但它所跨的行分页后只容得下\(printed)行；请缩短、加宽该列或换用较小的样式",
                english: "\(origin): the label \"\(text.prefix(30))\" in row \(row + 1), column \(column + 1) has \(lines) lines but its rows, cut over pages, hold only \(printed) of them; shorten it, widen its column or use a smaller style")
        case .signatureTooWide(let text, let origin, let needed, let available):
            return Message(
                chinese: "\(origin)：签署栏“\(text.prefix(30))”需要\(needed)，但表格只有\(available)宽；请缩短该值",
                english: "\(origin): the signature field \"\(text.prefix(30))\" needs \(needed) but the table is \(available) wide; shorten the value")
        case .figureChanged(let written, let printed, let origin):
            return Message(
                chinese: "\(origin)：填写的是“\(written.prefix(40))”，表上却会印成“\(printed.prefix(40))”；FormPrint 不会不加说明地改动所填的数字或文字，所以没有生成这份表。请把该值按表格的格式填写（金额最多两位小数），若仍出现此提示，请把该文件报告给 FormPrint 的维护者",
                english: "\(origin): written \"\(written.prefix(40))\", but the form would print \"\(printed.prefix(40))\"; FormPrint never changes a written figure or text without a word, so this form was not made. Write the value in the form's format (amounts with at most two decimals); if this message stays, report the file to FormPrint's maintainers")
        }
    }

    /// The unit file's field the failure is about, when it names one: its
    /// line and column go into the message.
    package var fieldPath: FieldPath? {
        switch self {
        case .missingGlyphs(_, let origin, _), .figureChanged(_, _, let origin): origin.fieldPath
        default: nil
        }
    }
}
