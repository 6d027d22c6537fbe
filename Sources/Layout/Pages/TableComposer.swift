/// Turns paginated rows into positioned draw items: the title above the
/// table on the first page (the continued title on the others), cell
/// borders and cell text, the footer below the table on the last page, and
/// page numbers.
package enum TableComposer {
    package static func compose(_ table: MeasuredTable, pages: [TablePage], page spec: PageSpec,
                               measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        let content = spec.contentRect
        let left = content.minX + (content.size.width - table.width) / 2
        var result: [Page] = []
        var cellsByRow: [Int: [Int]] = [:]
        for (index, cell) in table.cells.enumerated() {
            for row in cell.cell.rows { cellsByRow[row, default: []].append(index) }
        }
        for (index, tablePage) in pages.enumerated() {
            var items: [DrawItem] = []
            var top = content.minY
            let title = tablePage.isFirst ? table.title : table.continuedTitle
            items += lines(title, left: left, width: table.width, top: top)
            top += tablePage.isFirst ? table.titleHeight : table.continuedTitleHeight
            let cells = Set(tablePage.rows.flatMap { cellsByRow[$0.row] ?? [] }).sorted()
            let grid = GridPage(table: table, page: tablePage, left: left, top: top, cells: cells)
            items += grid.items()
            if tablePage.isLast {
                let bottom = tablePage.rows.last.map { top + $0.y + $0.height + Regions.footerGap } ?? top
                items += footer(table.footer, left: left, width: table.width, top: bottom, rule: table.table.ruleWidth)
            }
            if let numbering = table.table.pageNumber, numbering.singlePage || pages.count > 1 {
                items.append(try PageNumbering.item(page: index + 1, of: pages.count, numbering, content: content, measurer: measurer))
            }
            result.append(Page(size: spec.size, items: items, bookmarks: bookmarks(table, tablePage, cells: cells, isFirstPage: index == 0,
                                                                                  long: pages.count > 1)))
        }
        return result
    }

    /// The form's name where it starts and, on a form of several pages,
    /// each 一级指标 group where its first row is placed. `cells` are the
    /// page's cells (indices into the table's, ascending): looking only at
    /// them keeps a form of hundreds of pages linear in its rows.
    static func bookmarks(_ table: MeasuredTable, _ page: TablePage, cells: [Int], isFirstPage: Bool, long: Bool) -> [Bookmark] {
        var marks: [Bookmark] = []
        if isFirstPage, let name = table.title.first?.line.text, !name.isEmpty { marks.append(Bookmark(title: name, level: 1)) }
        guard long else { return marks }
        let rows = Set(page.rows.map(\.row))
        for index in cells {
            let cell = table.cells[index].cell
            if cell.opensGroup && rows.contains(cell.row) { marks.append(Bookmark(title: cell.text, level: 2)) }
        }
        return marks
    }

    static func lines(_ lines: [MeasuredLine], left: Length, width: Length, top: Length) -> [DrawItem] {
        var items: [DrawItem] = []
        var y = top
        for line in lines {
            y += line.line.spaceBefore
            for text in line.lines {
                let x = line.line.style.align.start(of: text.width, left: left, width: width)
                items.append(.text(TextRun(text: text.text, font: line.line.style.font,
                                           origin: Point(x: x, y: baseline(lineTop: y, pitch: line.pitch, size: line.line.style.size)))))
                y += line.pitch
            }
            y += line.line.spaceAfter
        }
        return items
    }

    /// Footer lines: text as it is aligned; signature fields as their label
    /// and a rule to sign on, with the unit file's value written on it.
    static func footer(_ lines: [MeasuredFooterLine], left: Length, width: Length, top: Length, rule: Length) -> [DrawItem] {
        var items: [DrawItem] = []
        var y = top
        for line in lines {
            switch line {
            case .text(let text):
                items += self.lines([text], left: left, width: width, top: y)
            case .signatures(let signatures):
                let font = signatures.line.style.font
                var rowTop = y + signatures.line.spaceBefore
                for row in signatures.rows {
                    let base = baseline(lineTop: rowTop, pitch: signatures.pitch, size: font.size)
                    for field in row {
                        items.append(.text(TextRun(text: field.label.text, font: font, origin: Point(x: left + field.labelX, y: base))))
                        // The rule sits just below the baseline, as on a printed form.
                        let ruleY = base + font.size * 0.15
                        if field.lineWidth > .zero {
                            items.append(.line(LineSegment(from: Point(x: left + field.lineX, y: ruleY),
                                                           to: Point(x: left + field.lineX + field.lineWidth, y: ruleY), width: rule)))
                        }
                        if let value = field.value {
                            let x = left + field.lineX + (field.lineWidth - value.width) / 2
                            items.append(.text(TextRun(text: value.text, font: font, origin: Point(x: x, y: base))))
                        }
                    }
                    rowTop += signatures.pitch
                }
            }
            y += line.height
        }
        return items
    }
}
