/// Turns paginated rows into positioned draw items: the title above the
/// table on the first page, cell borders and cell text, and the footer
/// below the table on the last page.
public enum TableComposer {
    public static func compose(_ table: MeasuredTable, pages: [TablePage], page spec: PageSpec) -> [Page] {
        let content = spec.contentRect
        let left = content.minX + (content.size.width - table.width) / 2
        let titleHeight = table.title.reduce(Length.zero) { $0 + $1.height }
        return pages.map { tablePage in
            var items: [DrawItem] = []
            var top = content.minY
            if tablePage.isFirst {
                items += lines(table.title, left: left, width: table.width, top: top)
                top += titleHeight
            }
            let grid = GridPage(table: table, page: tablePage, left: left, top: top)
            items += grid.items()
            if tablePage.isLast {
                let bottom = tablePage.rows.last.map { top + $0.y + $0.height + .mm(3) } ?? top
                items += lines(table.footer, left: left, width: table.width, top: bottom)
            }
            return Page(size: spec.size, items: items)
        }
    }

    static func lines(_ lines: [MeasuredLine], left: Length, width: Length, top: Length) -> [DrawItem] {
        var items: [DrawItem] = []
        var y = top
        for line in lines {
            let pitch = line.line.style.size * line.line.style.lineSpacing
            for text in line.lines {
                let x = aligned(line.line.style.align, text.width, left: left, width: width)
                items.append(.text(TextRun(text: text.text, font: line.line.style.font,
                                           origin: Point(x: x, y: baseline(lineTop: y, pitch: pitch, size: line.line.style.size)))))
                y += pitch
            }
            y += line.line.spaceAfter
        }
        return items
    }

    static func aligned(_ align: HorizontalAlignment, _ lineWidth: Length, left: Length, width: Length) -> Length {
        switch align {
        case .left: left
        case .center: left + (width - lineWidth) / 2
        case .right: left + width - lineWidth
        }
    }
}

/// One page of the grid: each cell cut to the rows placed on this page.
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
        var seen = Set<LineSegment>()
        var texts: [DrawItem] = []
        for cell in table.cells {
            let placed = cell.cell.rows.compactMap { placedByRow[$0] }
            guard let first = placed.first, let last = placed.last else { continue }
            let frame = Rect(x: left + table.columnEdges[cell.cell.column], y: top + first.y,
                             width: table.columnEdges[cell.cell.column + cell.cell.columnSpan] - table.columnEdges[cell.cell.column],
                             height: last.y + last.height - first.y)
            for edge in edges(of: frame) where seen.insert(edge).inserted { rules.append(edge) }
            let isFirstFragment = first.row == cell.cell.row
            let textHeight = cell.linePitch * Double(cell.lines.count)
            let fits = (textHeight + table.table.padding.vertical * 2).fits(in: frame.size.height)
            guard (isFirstFragment || cell.cell.repeatsOnContinuation) && (fits || isFirstFragment) else { continue }
            texts += text(of: cell, in: frame)
        }
        return rules.map(DrawItem.line) + texts
    }

    func edges(of frame: Rect) -> [LineSegment] {
        let width = table.table.ruleWidth
        let corners = (Point(x: frame.minX, y: frame.minY), Point(x: frame.maxX, y: frame.minY),
                       Point(x: frame.maxX, y: frame.maxY), Point(x: frame.minX, y: frame.maxY))
        return [LineSegment(from: corners.0, to: corners.1, width: width), LineSegment(from: corners.1, to: corners.2, width: width),
                LineSegment(from: corners.3, to: corners.2, width: width), LineSegment(from: corners.0, to: corners.3, width: width)]
    }

    /// Lines centred vertically in the cell, aligned horizontally by style.
    func text(of cell: MeasuredCell, in frame: Rect) -> [DrawItem] {
        let padding = table.table.padding
        let textHeight = cell.linePitch * Double(cell.lines.count)
        var lineTop = frame.minY + (frame.size.height - textHeight) / 2
        let innerLeft = frame.minX + padding.horizontal
        let innerWidth = frame.size.width - padding.horizontal * 2
        var items: [DrawItem] = []
        for line in cell.lines {
            let alignment = cell.cell.style.vertical ? .center : cell.cell.style.align
            let x = TableComposer.aligned(alignment, line.width, left: innerLeft, width: innerWidth)
            items.append(.text(TextRun(text: line.text, font: cell.cell.style.font,
                                       origin: Point(x: x, y: baseline(lineTop: lineTop, pitch: cell.linePitch, size: cell.cell.style.size)))))
            lineTop += cell.linePitch
        }
        return items
    }
}
