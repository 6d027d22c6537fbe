import Evaluation

/// The measure phase for forms: breaks every cell's text into lines at its
/// column width and derives row heights, so that no text is ever clipped.
package enum TableMeasurer {
    package static func measure(_ table: ResolvedTable, with measurer: some TextMeasurer) throws(LayoutFailure) -> MeasuredTable {
        var edges: [Length] = [.zero]
        for width in table.columns { edges.append(edges.last! + width) }
        var cells: [MeasuredCell] = []
        cells.reserveCapacity(table.cells.count)
        for cell in table.cells {
            let width = edges[cell.column + cell.columnSpan] - edges[cell.column] - table.padding.horizontal * 2
            let fixedHeight = cell.rowSpan == 1 ? table.fixedRowHeights[cell.row] : nil
            cells.append(try measureCell(cell, width: width, fixedHeight: fixedHeight, padding: table.padding.vertical, measurer))
        }
        let heights = rowHeights(table, cells)
        let tableWidth = edges.last!
        func measureLines(_ lines: [ResolvedLine]) throws(LayoutFailure) -> [MeasuredLine] {
            var measured: [MeasuredLine] = []
            for line in lines {
                measured.append(MeasuredLine(line: line, lines: try breakLines(line.text, style: line.style, font: line.style.font,
                                                                                width: tableWidth, origin: line.origin, measurer)))
            }
            return measured
        }
        var footer: [MeasuredFooterLine] = []
        for line in table.footer {
            switch line {
            case .text(let text): footer.append(.text(try measureLines([text])[0]))
            case .signatures(let signatures):
                footer.append(.signatures(try SignatureLineMeasurer.measure(signatures, width: tableWidth, measurer)))
            }
        }
        return MeasuredTable(table: table, columnEdges: edges, rowHeights: heights, cells: cells,
                             title: try measureLines(table.title), continuedTitle: try measureLines(table.continuedTitle),
                             footer: footer)
    }

    /// Breaks a cell's text at its width. In a fixed-height row a style with
    /// a `minSize` shrinks in half-point steps until the text fits; text
    /// that still does not fit is an error, never clipped.
    static func measureCell(_ cell: ResolvedCell, width: Length, fixedHeight: Length?, padding: Length,
                            _ measurer: some TextMeasurer) throws(LayoutFailure) -> MeasuredCell {
        var font = cell.style.font
        while true {
            let pitch = font.size * cell.style.lineSpacing
            let lines = try breakLines(cell.text, style: cell.style, font: font, width: width, origin: cell.origin, measurer)
            let required = pitch * Double(lines.count) + padding * 2
            if let fixedHeight, !required.fits(in: fixedHeight) {
                let smaller = Length(points: font.size.points - 0.5)
                if let minimum = cell.style.minimumSize, minimum.fits(in: smaller) {
                    font.size = smaller
                    continue
                }
                throw LayoutFailure.textDoesNotFit(row: cell.row, column: cell.column, text: cell.text, origin: cell.origin,
                                                   needed: required, available: fixedHeight)
            }
            // Lines are broken to the width, but a single character wider
            // than the column cannot be: it would print over its neighbours.
            if let line = lines.first(where: { $0.text.count == 1 && !$0.width.fits(in: width) }) {
                throw LayoutFailure.columnTooNarrow(row: cell.row, column: cell.column, character: line.text.first!, origin: cell.origin,
                                                    needed: line.width, available: max(width, .zero))
            }
            var continued = lines
            var mark: [TextLine] = []
            if cell.repeatsOnContinuation && cell.continuedText != cell.text {
                continued = try breakLines(cell.continuedText, style: cell.style, font: font, width: width, origin: cell.origin, measurer)
                if cell.continuedText.hasPrefix(cell.text) {
                    mark = try breakLines(String(cell.continuedText.dropFirst(cell.text.count)), style: cell.style, font: font, width: width,
                                          origin: cell.origin, measurer)
                }
            }
            var measured = MeasuredCell(cell: cell, font: font, lines: lines, continuedLines: continued, linePitch: pitch,
                                        requiredHeight: required, continuedRequiredHeight: pitch * Double(continued.count) + padding * 2)
            measured.markLines = mark
            return measured
        }
    }

    static func breakLines(_ text: String, style: TextStyle, font: FontSpec, width: Length, origin: TextOrigin,
                           _ measurer: some TextMeasurer) throws(LayoutFailure) -> [TextLine] {
        if text.isEmpty { return [] }
        do {
            if style.vertical {
                // One character per line, as official forms stack narrow side
                // labels; brackets turn to their vertical forms (︵ ︶).
                var lines: [TextLine] = []
                for character in text where !character.isWhitespace {
                    let shown = VerticalText.form(of: character)
                    lines.append(TextLine(text: String(shown), width: try measurer.width(of: String(shown), font: font)))
                }
                return lines
            }
            return try measurer.lines(of: text, font: font, width: width)
        } catch {
            switch error {
            case .missingGlyphs(let characters):
                throw LayoutFailure.missingGlyphs(characters, in: origin, text: text)
            }
        }
    }

    /// Single-row cells set their row's height (a fixed `rowHeight` wins);
    /// a spanning cell that needs more than its rows give spreads the
    /// difference evenly over them.
    static func rowHeights(_ table: ResolvedTable, _ cells: [MeasuredCell]) -> [Length] {
        var heights = Array(repeating: table.minimumRowHeight, count: table.rowCount)
        for (row, height) in table.fixedRowHeights { heights[row] = height }
        for cell in cells where cell.cell.rowSpan == 1 && table.fixedRowHeights[cell.cell.row] == nil {
            heights[cell.cell.row] = max(heights[cell.cell.row], cell.requiredHeight)
        }
        for cell in cells.filter({ $0.cell.rowSpan > 1 }).sorted(by: { $0.cell.rowSpan < $1.cell.rowSpan }) {
            let available = cell.cell.rows.reduce(Length.zero) { $0 + heights[$1] }
            if !cell.requiredHeight.fits(in: available) {
                let extra = (cell.requiredHeight - available) / Double(cell.cell.rowSpan)
                for row in cell.cell.rows { heights[row] += extra }
            }
        }
        return heights
    }
}

/// Characters as they are set in vertical (stacked) text: brackets and
/// dashes turn upright to their vertical presentation forms.
enum VerticalText {
    static let forms: [Character: Character] = [
        "（": "︵", "）": "︶", "(": "︵", ")": "︶", "《": "︽", "》": "︾", "「": "﹁", "」": "﹂",
        "【": "︻", "】": "︼", "—": "︱", "…": "︙",
    ]

    static func form(of character: Character) -> Character { forms[character] ?? character }
}
