import Evaluation

/// The measure phase for forms: breaks every cell's text into lines at its
/// column width and derives row heights, so that no text is ever clipped.
public enum TableMeasurer {
    public static func measure(_ table: ResolvedTable, with measurer: some TextMeasurer) throws(LayoutFailure) -> MeasuredTable {
        var edges: [Length] = [.zero]
        for width in table.columns { edges.append(edges.last! + width) }
        var cells: [MeasuredCell] = []
        cells.reserveCapacity(table.cells.count)
        for cell in table.cells {
            let width = edges[cell.column + cell.columnSpan] - edges[cell.column] - table.padding.horizontal * 2
            let lines = try breakLines(cell.text, style: cell.style, width: width, origin: cell.origin, measurer)
            let pitch = cell.style.size * cell.style.lineSpacing
            let required = pitch * Double(lines.count) + table.padding.vertical * 2
            cells.append(MeasuredCell(cell: cell, lines: lines, linePitch: pitch, requiredHeight: required))
        }
        let heights = rowHeights(table, cells)
        let tableWidth = edges.last!
        func measureLines(_ lines: [ResolvedLine]) throws(LayoutFailure) -> [MeasuredLine] {
            var measured: [MeasuredLine] = []
            for line in lines {
                let broken = try breakLines(line.text, style: line.style, width: tableWidth,
                                            origin: line.origin, measurer)
                measured.append(MeasuredLine(line: line, lines: broken))
            }
            return measured
        }
        return MeasuredTable(table: table, columnEdges: edges, rowHeights: heights, cells: cells,
                             title: try measureLines(table.title), footer: try measureLines(table.footer))
    }

    static func breakLines(_ text: String, style: TextStyle, width: Length, origin: TextOrigin,
                           _ measurer: some TextMeasurer) throws(LayoutFailure) -> [TextLine] {
        if text.isEmpty { return [] }
        do {
            if style.vertical {
                // One character per line, as official forms stack narrow side labels.
                var lines: [TextLine] = []
                for character in text where !character.isWhitespace {
                    lines.append(TextLine(text: String(character), width: try measurer.width(of: String(character), font: style.font)))
                }
                return lines
            }
            return try measurer.lines(of: text, font: style.font, width: width)
        } catch {
            switch error {
            case .missingGlyphs(let characters):
                throw LayoutFailure.missingGlyphs(characters, in: origin, text: text)
            }
        }
    }

    /// Single-row cells set their row's height; a spanning cell that needs
    /// more than its rows give spreads the difference evenly over them.
    static func rowHeights(_ table: ResolvedTable, _ cells: [MeasuredCell]) -> [Length] {
        var heights = Array(repeating: table.minimumRowHeight, count: table.rowCount)
        for cell in cells where cell.cell.rowSpan == 1 {
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
