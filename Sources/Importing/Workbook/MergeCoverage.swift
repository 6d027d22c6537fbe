import Evaluation

/// Which cells merged ranges cover (every cell of a merge but its top-left
/// one), in O((cells + merges) · log columns): a sweep down the rows keeps
/// the merges that span the current row as counts over the columns, in a
/// Fenwick tree (range add, point query). Walking each merge's rows, as
/// before, cost merges × cells: 20 000 tall merges took 44 s (issue 14).
/// Overlapping merges, which no office suite writes, are handled too: a
/// cell is covered when any merge other than one starting at it spans it.
enum MergeCoverage {
    /// The note for a value under a merge: Excel, WPS and Word show only a
    /// merge's first cell, so a value hidden under it is not what the person sees.
    static func hidden(_ text: String) -> Message {
        Message(chinese: "“\(ReadingContext.excerpt(text))”被合并单元格遮住，未读取",
                english: "\"\(ReadingContext.excerpt(text))\" is hidden under a merged cell and was not read")
    }

    static func covered(rows: [Int], columns: [Int], _ merges: [WorksheetReader.Merge]) -> Set<Int> {
        guard !merges.isEmpty, !rows.isEmpty else { return [] }
        let width = max(columns.max() ?? 1, merges.map(\.lastColumn).max() ?? 1) + 2
        var tree = [Int](repeating: 0, count: width + 1)
        func add(_ column: Int, _ delta: Int) {
            var index = column
            while index <= width { tree[index] += delta; index += index & -index }
        }
        func count(at column: Int) -> Int {
            var index = column, total = 0
            while index > 0 { total += tree[index]; index -= index & -index }
            return total
        }
        func span(_ merge: WorksheetReader.Merge, _ delta: Int) {
            add(merge.firstColumn, delta)
            add(merge.lastColumn + 1, -delta)
        }
        // Merges starting at a cell: that cell is theirs, not covered by them.
        struct Corner: Hashable { var row: Int, column: Int }
        var corners: [Corner: Int] = [:]
        for merge in merges { corners[Corner(row: merge.firstRow, column: merge.firstColumn), default: 0] += 1 }

        let starts = merges.sorted { $0.firstRow < $1.firstRow }
        let ends = merges.sorted { $0.lastRow < $1.lastRow }
        let order = rows.indices.sorted { rows[$0] < rows[$1] }
        var nextStart = 0, nextEnd = 0
        var covered = Set<Int>()
        for index in order {
            let row = rows[index]
            while nextEnd < ends.count, ends[nextEnd].lastRow < row { span(ends[nextEnd], -1); nextEnd += 1 }
            while nextStart < starts.count, starts[nextStart].firstRow <= row { span(starts[nextStart], 1); nextStart += 1 }
            let spanning = count(at: columns[index]) - (corners[Corner(row: row, column: columns[index])] ?? 0)
            if spanning > 0 { covered.insert(index) }
        }
        return covered
    }
}
