/// One page of the grid: each cell cut to the rows placed on this page,
/// closed with a border at the page foot, and its text — on a continuation
/// page, a repeated label's "…（续）" text.
struct GridPage {
    let table: MeasuredTable
    let page: TablePage
    let left: Length
    let top: Length

    func items() -> [DrawItem] {
        var placedByRow: [Int: PlacedRow] = [:]
        for row in page.rows { placedByRow[row.row] = row }
        guard !placedByRow.isEmpty else { return [] }
        var rules: [LineSegment] = []
        var texts: [DrawItem] = []
        for (index, cell) in table.cells.enumerated() {
            let placed = cell.cell.rows.compactMap { placedByRow[$0] }
            guard let first = placed.first, let last = placed.last else { continue }
            let frame = Rect(x: left + table.columnEdges[cell.cell.column], y: top + first.y,
                             width: table.columnEdges[cell.cell.column + cell.cell.columnSpan] - table.columnEdges[cell.cell.column],
                             height: last.y + last.height - first.y)
            rules += edges(of: frame)
            // A side label that starts at a repeated header runs on from an earlier page.
            let runsOn = first.isRepeatedHeader && placed.contains { !$0.isRepeatedHeader }
            let startsHere = first.row == cell.cell.row && first.startsRow && !runsOn
            if let slice = first.slice, cell.cell.rowSpan == 1 {
                // A piece of a row taller than a page: the lines of this piece, from the top.
                texts += text(Array(cell.lines[slice.lines[index] ?? 0..<0]), of: cell, in: frame, centred: false)
            } else if startsHere {
                texts += text(cell.lines, of: cell, in: frame, centred: true)
            } else if cell.cell.repeatsOnContinuation,
                      cell.continuedRequiredHeight.fits(in: frame.size.height) {
                texts += text(cell.continuedLines, of: cell, in: frame, centred: true)
            }
        }
        return RuleMerger.merged(rules).map(DrawItem.line) + texts
    }

    func edges(of frame: Rect) -> [LineSegment] {
        let width = table.table.ruleWidth
        let corners = (Point(x: frame.minX, y: frame.minY), Point(x: frame.maxX, y: frame.minY),
                       Point(x: frame.maxX, y: frame.maxY), Point(x: frame.minX, y: frame.maxY))
        return [LineSegment(from: corners.0, to: corners.1, width: width), LineSegment(from: corners.1, to: corners.2, width: width),
                LineSegment(from: corners.3, to: corners.2, width: width), LineSegment(from: corners.0, to: corners.3, width: width)]
    }

    /// Lines centred vertically in the cell (or from its top, for a piece of
    /// a split row), aligned horizontally by style.
    func text(_ lines: [TextLine], of cell: MeasuredCell, in frame: Rect, centred: Bool) -> [DrawItem] {
        let padding = table.table.padding
        let textHeight = cell.linePitch * Double(lines.count)
        var lineTop = centred ? frame.minY + (frame.size.height - textHeight) / 2 : frame.minY + padding.vertical
        let innerLeft = frame.minX + padding.horizontal
        let innerWidth = frame.size.width - padding.horizontal * 2
        let alignment = cell.cell.style.vertical ? .center : cell.cell.style.align
        var items: [DrawItem] = []
        for line in lines {
            let x = TableComposer.aligned(alignment, line.width, left: innerLeft, width: innerWidth)
            items.append(.text(TextRun(text: line.text, font: cell.font,
                                       origin: Point(x: x, y: baseline(lineTop: lineTop, pitch: cell.linePitch, size: cell.font.size)))))
            lineTop += cell.linePitch
        }
        return items
    }
}
