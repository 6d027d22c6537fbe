/// Which rows go on which page. Pagination is a function of the measured
/// table and the space on a page; it never measures text or draws.
public struct TablePage: Sendable, Equatable {
    /// Rows in order from the top of the table on this page; repeated
    /// header rows come first.
    public var rows: [PlacedRow]
    public var isFirst: Bool
    public var isLast: Bool
}

public struct PlacedRow: Sendable, Equatable {
    public var row: Int
    /// Top of the row, relative to the top of the table on this page.
    public var y: Length
    public var height: Length
    /// A block header printed again at the top of a continuation page.
    public var isRepeatedHeader: Bool
}

/// The space a table has: `firstPage` below the title, `otherPages` on
/// continuation pages, and the footer's height on the last page.
public struct TableRegions: Sendable {
    public var firstPage: Length
    public var otherPages: Length
    public var footer: Length

    public init(firstPage: Length, otherPages: Length, footer: Length) {
        self.firstPage = firstPage
        self.otherPages = otherPages
        self.footer = footer
    }
}

public enum TablePaginator {
    public static func paginate(_ table: MeasuredTable, regions: TableRegions) throws(LayoutFailure) -> [TablePage] {
        let rules = BreakRules(table)
        let heights = table.rowHeights
        let rowCount = heights.count
        var pages: [TablePage] = []
        var next = 0
        repeat {
            let isFirst = pages.isEmpty
            let available = isFirst ? regions.firstPage : regions.otherPages
            var placed: [PlacedRow] = []
            var y = Length.zero
            for header in rules.headerToRepeat(before: next) {
                placed.append(PlacedRow(row: header, y: y, height: heights[header], isRepeatedHeader: true))
                y += heights[header]
            }
            let headerCount = placed.count
            var row = next
            while row < rowCount, (y + heights[row]).fits(in: available) {
                placed.append(PlacedRow(row: row, y: y, height: heights[row], isRepeatedHeader: false))
                y += heights[row]
                row += 1
            }
            if row == next {
                // Not even one row fits on an otherwise empty page.
                throw LayoutFailure.rowTooTall(row: next, height: heights[next], available: available - y,
                                               firstText: table.cells.first { $0.cell.row == next }?.cell.text ?? "")
            }
            if row < rowCount {
                let end = rules.lastLegalBreak(after: next, upTo: row, placed: placed) ?? row
                placed.removeAll { !$0.isRepeatedHeader && $0.row >= end }
                row = end
            }
            next = row
            pages.append(TablePage(rows: placed, isFirst: isFirst, isLast: false))
        } while next < rowCount
        // The footer goes below the table, or on a page of its own.
        if regions.footer > .zero, let last = pages.last {
            let used = last.rows.last.map { $0.y + $0.height } ?? .zero
            let space = last.isFirst ? regions.firstPage : regions.otherPages
            if !(used + regions.footer).fits(in: space) {
                pages.append(TablePage(rows: [], isFirst: false, isLast: false))
            }
        }
        pages[pages.count - 1].isLast = true
        return pages
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

    /// Header rows to print again above row `row` when a page starts there.
    func headerToRepeat(before row: Int) -> Range<Int> {
        guard row > 0, let block = table.table.blocks.first(where: { $0.rows.contains(row) }),
              !block.header.isEmpty, row >= block.header.upperBound else { return 0..<0 }
        return block.header
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
                let above = (max(cell.cell.row, pageStart)..<row).reduce(Length.zero) { $0 + heights[$1] }
                let below = (row..<cell.cell.rows.upperBound).reduce(Length.zero) { $0 + heights[$1] }
                if !cell.requiredHeight.fits(in: above) || !cell.requiredHeight.fits(in: below) { return false }
            }
        }
        return true
    }

    /// The latest legal break in (start, limit], or nil when the page must
    /// break at `limit` regardless.
    func lastLegalBreak(after start: Int, upTo limit: Int, placed: [PlacedRow]) -> Int? {
        for strict in [true, false] {
            var row = limit
            while row > start {
                if isLegal(breakBefore: row, pageStart: start, strict: strict) { return row }
                row -= 1
            }
        }
        return nil
    }
}
