/// A resolved table with its geometry: column positions, row heights and
/// each cell's lines of text.
public struct MeasuredTable: Sendable {
    public var table: ResolvedTable
    /// Left edge of each column relative to the table, plus the right edge.
    public var columnEdges: [Length]
    public var rowHeights: [Length]
    public var cells: [MeasuredCell]
    public var title: [MeasuredLine]
    public var footer: [MeasuredLine]

    public var width: Length { columnEdges.last ?? .zero }
}

public struct MeasuredCell: Sendable {
    public var cell: ResolvedCell
    public var lines: [TextLine]
    /// Distance between baselines.
    public var linePitch: Length
    /// Height the cell needs: its lines plus vertical padding.
    public var requiredHeight: Length
}

/// A line outside the grid, broken to the table width.
public struct MeasuredLine: Sendable {
    public var line: ResolvedLine
    public var lines: [TextLine]
    public var height: Length { (line.style.size * line.style.lineSpacing) * Double(lines.count) + line.spaceAfter }
}
