/// Which rows go on which page. Pagination is a function of the measured
/// table and the space on a page; it never measures text or draws.
package struct TablePage: Sendable, Equatable {
    /// Rows in order from the top of the table on this page; repeated
    /// header rows come first.
    package var rows: [PlacedRow]
    package var isFirst: Bool
    package var isLast: Bool
    /// What each spanning label on the page prints, by its index into the
    /// measured table's cells (`LabelPlacement`).
    package var labels: [Int: LabelPiece] = [:]
}

package struct PlacedRow: Sendable, Equatable {
    package var row: Int
    /// Top of the row, relative to the top of the table on this page.
    package var y: Length
    package var height: Length
    /// A block header printed again at the top of a continuation page.
    package var isRepeatedHeader: Bool
    /// The part of a row taller than a page that is printed here; nil for
    /// a whole row.
    package var slice: RowSlice?

    package init(row: Int, y: Length, height: Length, isRepeatedHeader: Bool, slice: RowSlice? = nil) {
        self.row = row
        self.y = y
        self.height = height
        self.isRepeatedHeader = isRepeatedHeader
        self.slice = slice
    }

    /// Whether the row's own first line is on this page (its cells start here).
    package var startsRow: Bool { slice?.isFirst ?? true }
}

/// A piece of a row that continues line by line over several pages.
package struct RowSlice: Sendable, Equatable {
    /// For each single-row cell of the row (by index into the measured
    /// table's cells), the lines printed in this piece.
    package var lines: [Int: Range<Int>]
    package var isFirst: Bool
    package var isLast: Bool
}

package enum TablePaginator {
    package static func paginate(_ table: MeasuredTable, regions: Regions) throws(LayoutFailure) -> [TablePage] {
        let rules = BreakRules(table)
        let heights = table.rowHeights
        let rowCount = heights.count
        // A table whose every block repeats over an empty list has no rows:
        // its title and footer make one page.
        if rowCount == 0 { return [TablePage(rows: [], isFirst: true, isLast: true)] }
        var pages: [TablePage] = []
        var next = 0
        var split: RowSplitter?
        repeat {
            let isFirst = pages.isEmpty
            let available = isFirst ? regions.firstPage : regions.otherPages
            var placed: [PlacedRow] = []
            var y = Length.zero
            for header in rules.headerToRepeat(before: next, continuingSplit: split != nil, space: available) {
                placed.append(PlacedRow(row: header, y: y, height: heights[header], isRepeatedHeader: true))
                y += heights[header]
            }
            // The rest of a row taller than a page.
            if var splitter = split {
                let piece = splitter.nextPiece(space: available - y)
                guard let piece else { throw rules.tooTall(next, available: available - y) }
                placed.append(PlacedRow(row: next, y: y, height: piece.height, isRepeatedHeader: false, slice: piece.slice))
                y += piece.height
                split = piece.slice.isLast ? nil : splitter
                if split != nil {
                    pages.append(TablePage(rows: placed, isFirst: isFirst, isLast: false))
                    continue
                }
                next += 1
            }
            let pageStart = placed.last.map { $0.isRepeatedHeader ? next : $0.row } ?? next
            var row = next
            while row < rowCount, (y + heights[row]).fits(in: available) {
                placed.append(PlacedRow(row: row, y: y, height: heights[row], isRepeatedHeader: false))
                y += heights[row]
                row += 1
            }
            if row == next && !placed.contains(where: { !$0.isRepeatedHeader }) {
                // Not even one row fits on an otherwise empty page: it
                // continues line by line on the following pages.
                var splitter = RowSplitter(table: table, row: next)
                guard let piece = splitter.nextPiece(space: available - y) else { throw rules.tooTall(next, available: available - y) }
                placed.append(PlacedRow(row: next, y: y, height: piece.height, isRepeatedHeader: false, slice: piece.slice))
                split = splitter
                pages.append(TablePage(rows: placed, isFirst: isFirst, isLast: false))
                continue
            }
            if row < rowCount, row > next || placed.contains(where: { !$0.isRepeatedHeader }),
               !heights[row].fits(in: regions.otherPages - rules.headerToRepeat(before: row, continuingSplit: false, space: regions.otherPages)
                   .reduce(Length.zero) { $0 + heights[$1] }) {
                // The next row does not fit on any page (below its repeated
                // header), so it is cut anyway: it starts here, below what
                // precedes it (a header is not left alone above it, no page
                // is left half empty).
                var splitter = RowSplitter(table: table, row: row)
                if let piece = splitter.nextPiece(space: available - y), piece.slice.lines.values.contains(where: { !$0.isEmpty }) {
                    placed.append(PlacedRow(row: row, y: y, height: piece.height, isRepeatedHeader: false, slice: piece.slice))
                    next = piece.slice.isLast ? row + 1 : row
                    split = piece.slice.isLast ? nil : splitter
                    pages.append(TablePage(rows: placed, isFirst: isFirst, isLast: false))
                    continue
                }
            }
            if row < rowCount {
                let end = rules.lastLegalBreak(after: pageStart, upTo: row) ?? row
                placed.removeAll { !$0.isRepeatedHeader && $0.slice == nil && $0.row >= end }
                row = end
            }
            next = row
            pages.append(TablePage(rows: placed, isFirst: isFirst, isLast: false))
        } while next < rowCount || split != nil
        try placeFooter(&pages, table, rules, regions)
        pages[pages.count - 1].isLast = true
        try LabelPlacement.place(table, on: &pages)
        return pages
    }

    /// The footer goes below the table. When it does not fit there, the
    /// last rows move with it to a new page (at a legal break), so that a
    /// page of signatures never stands alone; only when no break allows it
    /// does the footer take a page of its own.
    static func placeFooter(_ pages: inout [TablePage], _ table: MeasuredTable, _ rules: BreakRules,
                            _ regions: Regions) throws(LayoutFailure) {
        guard regions.footer > .zero, let last = pages.last else { return }
        let space = last.isFirst ? regions.firstPage : regions.otherPages
        let used = last.rows.last.map { $0.y + $0.height } ?? .zero
        if (used + regions.footer).fits(in: space) { return }
        let body = last.rows.filter { !$0.isRepeatedHeader && $0.slice == nil }
        if let firstBody = body.first {
            var candidate = body.last!.row
            while candidate > firstBody.row {
                if rules.isLegal(breakBefore: candidate, pageStart: firstBody.row, strict: true) {
                    let headers = rules.headerToRepeat(before: candidate, continuingSplit: false, space: regions.otherPages)
                    let moved = headers.reduce(Length.zero) { $0 + table.rowHeights[$1] }
                        + (candidate...body.last!.row).reduce(Length.zero) { $0 + table.rowHeights[$1] }
                    if (moved + regions.footer).fits(in: regions.otherPages) {
                        pages[pages.count - 1].rows.removeAll { !$0.isRepeatedHeader && $0.slice == nil && $0.row >= candidate }
                        var y = Length.zero
                        var rows: [PlacedRow] = []
                        for row in Array(headers) + Array(candidate...body.last!.row) {
                            rows.append(PlacedRow(row: row, y: y, height: table.rowHeights[row], isRepeatedHeader: headers.contains(row)))
                            y += table.rowHeights[row]
                        }
                        pages.append(TablePage(rows: rows, isFirst: false, isLast: false))
                        return
                    }
                }
                candidate -= 1
            }
        }
        pages.append(TablePage(rows: [], isFirst: false, isLast: false))
    }
}

/// Cuts a row taller than a page into pieces: each piece prints as many
/// further lines of every cell as fit in its space.
struct RowSplitter {
    let table: MeasuredTable
    let row: Int
    /// Single-row cells of the row: their index and the next line to print.
    private var next: [(cell: Int, line: Int)]
    private var isFirst = true

    init(table: MeasuredTable, row: Int) {
        self.table = table
        self.row = row
        next = table.cells.indices.filter { table.cells[$0].cell.row == row && table.cells[$0].cell.rowSpan == 1 }.map { ($0, 0) }
    }

    /// The next piece in `space`, or nil when not even one line fits.
    mutating func nextPiece(space: Length) -> (height: Length, slice: RowSlice)? {
        let padding = table.table.padding.vertical * 2
        let textSpace = space - padding
        var lines: [Int: Range<Int>] = [:]
        var tallest = Length.zero
        var isLast = true
        var progress = false
        for index in next.indices {
            let cell = table.cells[next[index].cell]
            let remaining = cell.lines.count - next[index].line
            let fitting = cell.linePitch.points > 0 ? Int((textSpace.points + Length.tolerance) / cell.linePitch.points) : remaining
            let count = max(0, min(remaining, fitting))
            if count > 0 { progress = true }
            if count < remaining { isLast = false }
            lines[next[index].cell] = next[index].line..<(next[index].line + count)
            tallest = max(tallest, cell.linePitch * Double(count))
            next[index].line += count
        }
        guard progress || isLast else { return nil }
        // The last piece is as tall as its lines (at least the minimum row
        // height, where the page has room for it); the others fill their page.
        let height = isLast ? min(space, max(tallest + padding, table.table.minimumRowHeight)) : space
        defer { isFirst = false }
        return (height, RowSlice(lines: lines, isFirst: isFirst, isLast: isLast))
    }
}

/// Where a page may end: never inside a keep-together block, never between
/// a block's header and its first body row, and never through a spanning
/// cell that cannot be printed in pieces.
struct BreakRules {
    let table: MeasuredTable
    /// For each row boundary r (a break before row r), the spanning cells
    /// that cross it.
    private var crossing: [Int: [Int]] = [:]

    init(_ table: MeasuredTable) {
        self.table = table
        for (index, cell) in table.cells.enumerated() where cell.cell.rowSpan > 1 {
            for boundary in (cell.cell.row + 1)..<(cell.cell.row + cell.cell.rowSpan) {
                crossing[boundary, default: []].append(index)
            }
        }
    }

    /// Header rows to print again above row `row` when a page starts there
    /// (or continues a row split over pages). A header taller than half the
    /// page's `space` is printed once, not repeated: repeating it would
    /// leave too little room for the rows it heads (or none at all).
    func headerToRepeat(before row: Int, continuingSplit: Bool, space: Length) -> Range<Int> {
        guard row > 0, let block = table.table.blocks.first(where: { $0.rows.contains(row) }),
              !block.header.isEmpty, row >= block.header.upperBound || (continuingSplit && !block.header.contains(row))
        else { return 0..<0 }
        return Self.isRepeatable(block.header, heights: table.rowHeights, space: space) ? block.header : 0..<0
    }

    /// Whether a block's header rows are short enough to repeat on pages
    /// with `space` for the table.
    static func isRepeatable(_ header: Range<Int>, heights: [Length], space: Length) -> Bool {
        header.reduce(Length.zero) { $0 + heights[$1] }.fits(in: space / 2)
    }

    func isLegal(breakBefore row: Int, pageStart: Int, strict: Bool) -> Bool {
        for block in table.table.blocks where block.rows.contains(row) && row > block.rows.lowerBound {
            if strict && block.keepTogether { return false }
            // A header is never left alone at the foot of a page.
            if !block.header.isEmpty && row <= block.header.upperBound { return false }
        }
        let heights = table.rowHeights
        for index in crossing[row] ?? [] {
            let cell = table.cells[index]
            guard cell.cell.repeatsOnContinuation else { return false }
            if strict {
                // Each piece of a repeated label must be tall enough for its
                // text: the label itself above, "…（续）" on a continuation.
                let above = (max(cell.cell.row, pageStart)..<row).reduce(Length.zero) { $0 + heights[$1] }
                let aboveNeeds = cell.cell.row >= pageStart ? cell.requiredHeight : cell.continuedRequiredHeight
                if !aboveNeeds.fits(in: above) || !Self.rows(row..<cell.cell.rows.upperBound, heights: heights,
                                                             holdAtLeast: cell.continuedRequiredHeight) { return false }
            }
        }
        return true
    }

    /// Whether `rows` together are tall enough for `needed`, summed only as
    /// far as it takes: a label beside thousands of rows is asked this at
    /// every page break, and the whole sum made a 10 000-row form quadratic.
    /// Heights are never negative, so each partial sum is at most the next
    /// and the answer is the full sum's.
    static func rows(_ rows: Range<Int>, heights: [Length], holdAtLeast needed: Length) -> Bool {
        var total = Length.zero
        for row in rows {
            if needed.fits(in: total) { return true }
            total = total + heights[row]
        }
        return needed.fits(in: total)
    }

    /// The latest legal break in (start, limit], or nil when the page must
    /// break at `limit` regardless.
    func lastLegalBreak(after start: Int, upTo limit: Int) -> Int? {
        for strict in [true, false] {
            var row = limit
            while row > start {
                if isLegal(breakBefore: row, pageStart: start, strict: strict) { return row }
                row -= 1
            }
        }
        return nil
    }

    func tooTall(_ row: Int, available: Length) -> LayoutFailure {
        LayoutFailure.rowTooTall(row: row, height: table.rowHeights[row], available: available,
                                 firstText: table.cells.first { $0.cell.row == row }?.cell.text ?? "")
    }
}
