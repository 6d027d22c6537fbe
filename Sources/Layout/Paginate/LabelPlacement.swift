/// What a spanning label (a side label, a merged 一级/二级 group) prints on
/// one page: some of its lines, or — on a continuation page after all its
/// lines are printed — its "…（续）" text.
package enum LabelPiece: Sendable, Equatable {
    case lines(Range<Int>)
    case continued
}

/// Which lines of each spanning label go on which page: a label prints as
/// many of its lines as its rows on the page hold, and goes on with its
/// next lines on the following page, so that no line is ever clipped or
/// drawn over its neighbours. Decided here, with the rows' places, as
/// `RowSlice` decides the lines of a split row; composing only draws it.
enum LabelPlacement {
    static func place(_ table: MeasuredTable, on pages: inout [TablePage]) throws(LayoutFailure) {
        var cellsByRow: [Int: [Int]] = [:]
        for (index, cell) in table.cells.enumerated() where cell.cell.rowSpan > 1 {
            for row in cell.cell.rows { cellsByRow[row, default: []].append(index) }
        }
        var printed: [Int: Int] = [:]
        for pageIndex in pages.indices {
            let page = pages[pageIndex]
            for index in Set(page.rows.flatMap { cellsByRow[$0.row] ?? [] }).sorted() {
                let cell = table.cells[index]
                let placed = page.rows.filter { cell.cell.rows.contains($0.row) }
                guard let first = placed.first, let last = placed.last else { continue }
                let capacity = capacity(of: cell, height: last.y + last.height - first.y, table: table)
                // A side label that starts at a repeated header runs on from an earlier page.
                let runsOn = first.isRepeatedHeader && placed.contains { !$0.isRepeatedHeader }
                if first.row == cell.cell.row && first.startsRow && !runsOn {
                    let shown = min(cell.lines.count, capacity)
                    printed[index] = shown
                    pages[pageIndex].labels[index] = .lines(0..<shown)
                } else if cell.cell.repeatsOnContinuation {
                    let done = printed[index] ?? cell.lines.count
                    if done < cell.lines.count {
                        // The label did not fit where it started: its next lines.
                        let end = min(cell.lines.count, done + capacity)
                        printed[index] = end
                        pages[pageIndex].labels[index] = .lines(done..<end)
                    } else {
                        pages[pageIndex].labels[index] = .continued
                    }
                }
            }
        }
        // A label that went on from page to page and still has lines left
        // would lose them: that is an error, never a silent cut.
        for (index, count) in printed.sorted(by: { $0.key < $1.key }) where count < table.cells[index].lines.count {
            let cell = table.cells[index].cell
            throw LayoutFailure.labelTooTall(row: cell.row, column: cell.column, text: cell.text, origin: cell.origin,
                                             printedLines: count, lines: table.cells[index].lines.count)
        }
    }

    /// How many lines of `cell` fit in `height` inside the padding.
    static func capacity(of cell: MeasuredCell, height: Length, table: MeasuredTable) -> Int {
        guard cell.linePitch.points > 0 else { return cell.lines.count }
        let space = height - table.table.padding.vertical * 2
        return max(0, Int((space.points + Length.tolerance) / cell.linePitch.points))
    }
}
