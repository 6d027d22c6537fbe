/// A sheet's merged ranges, shared by its rows (a reference, so that rows
/// stay small), asked only where a reader must tell a merged cell from an
/// empty one.
final class SheetMerges: Sendable {
    struct Range: Sendable {
        var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    }

    let ranges: [Range]

    init(_ ranges: [Range]) { self.ranges = ranges }

    /// Whether a merge that starts in an earlier row covers (row, column).
    func coversFromAbove(row: Int, column: Int) -> Bool {
        ranges.contains { $0.firstRow < row && row <= $0.lastRow && $0.firstColumn <= column && column <= $0.lastColumn }
    }
}
