/// One page of the grid: each cell cut to the rows placed on this page,
/// closed with a border at the page foot, and its text — on a continuation
/// page, a repeated label's "…（续）" text.
///
/// A spanning label (a side label, a merged 一级/二级 group) prints the lines
/// the paginator gave it on this page (`TablePage.labels`).
struct GridPage {
    let table: MeasuredTable
    let page: TablePage
    let left: Length
    let top: Length
    /// The cells (indices into `table.cells`, in order) that cover a row
    /// of the page: looking only at them keeps composing linear in the
    /// size of the table.
    let cells: [Int]

    func items() -> [DrawItem] {
        guard !page.rows.isEmpty else { return [] }
        var rules: [LineSegment] = []
        var texts: [DrawItem] = []
        for index in cells {
            let cell = table.cells[index]
            let placed = page.rows.filter { cell.cell.rows.contains($0.row) }
            guard let first = placed.first, let last = placed.last else { continue }
            let frame = Rect(x: left + table.columnEdges[cell.cell.column], y: top + first.y,
                             width: table.columnEdges[cell.cell.column + cell.cell.columnSpan] - table.columnEdges[cell.cell.column],
                             height: last.y + last.height - first.y)
            rules += edges(of: frame)
            // A side label that starts at a repeated header runs on from an earlier page.
            let runsOn = first.isRepeatedHeader && placed.contains { !$0.isRepeatedHeader }
            let startsHere = first.row == cell.cell.row && first.startsRow && !runsOn
            if let slice = first.slice, cell.cell.rowSpan == 1 {
                // A piece of a row taller than a page: the lines of this piece,
                // from the top; a label whose lines are all printed shows its
                // "…（续）" text on the pieces that follow.
                let range = slice.lines[index] ?? 0..<0
                if range.isEmpty && !slice.isFirst && cell.cell.repeatsOnContinuation {
                    texts += text(repeated(cell, in: frame), of: cell, in: frame, centred: true)
                } else {
                    texts += text(Array(cell.lines[range]), of: cell, in: frame, centred: false)
                }
            } else if cell.cell.rowSpan == 1 {
                // A whole single row: measured to hold all its lines.
                if startsHere { texts += text(cell.lines, of: cell, in: frame, centred: true) }
            } else {
                switch page.labels[index] {
                case .lines(let range)?: texts += text(Array(cell.lines[range]), of: cell, in: frame, centred: true)
                case .continued?: texts += text(repeated(cell, in: frame), of: cell, in: frame, centred: true)
                case nil: break
                }
            }
        }
        return RuleMerger.merged(rules).map(DrawItem.line) + texts
    }

    /// A repeated label on a continuation page: its "…（续）" text when all
    /// of it fits, else the mark "（续）" alone, else nothing — never the
    /// first lines of the label cut short (35 of 93 characters printed,
    /// issue 14). The label itself is printed in full where it starts.
    func repeated(_ cell: MeasuredCell, in frame: Rect) -> [TextLine] {
        let fitting = capacity(of: cell, in: frame)
        if cell.continuedLines.count <= fitting { return cell.continuedLines }
        return cell.markLines.count <= fitting ? cell.markLines : []
    }

    /// How many lines of `cell` fit in `frame` inside the padding.
    func capacity(of cell: MeasuredCell, in frame: Rect) -> Int {
        guard cell.linePitch.points > 0 else { return cell.lines.count }
        let space = frame.size.height - table.table.padding.vertical * 2
        return max(0, Int((space.points + Length.tolerance) / cell.linePitch.points))
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
            let x = alignment.start(of: line.width, left: innerLeft, width: innerWidth)
            items.append(.text(TextRun(text: line.text, font: cell.font,
                                       origin: Point(x: x, y: baseline(lineTop: lineTop, pitch: cell.linePitch, size: cell.font.size)),
                                       isComputed: cell.cell.origin.isComputed)))
            lineTop += cell.linePitch
        }
        return items
    }
}
