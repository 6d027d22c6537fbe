/// A resolved table with its geometry: column positions, row heights and
/// each cell's lines of text.
public struct MeasuredTable: Sendable {
    public var table: ResolvedTable
    /// Left edge of each column relative to the table, plus the right edge.
    public var columnEdges: [Length]
    public var rowHeights: [Length]
    public var cells: [MeasuredCell]
    public var title: [MeasuredLine]
    public var continuedTitle: [MeasuredLine]
    public var footer: [MeasuredFooterLine]

    public var width: Length { columnEdges.last ?? .zero }
    public var titleHeight: Length { title.reduce(.zero) { $0 + $1.height } }
    public var continuedTitleHeight: Length { continuedTitle.reduce(.zero) { $0 + $1.height } }
    public var footerHeight: Length { footer.reduce(.zero) { $0 + $1.height } }
}

public struct MeasuredCell: Sendable {
    public var cell: ResolvedCell
    /// The font the text is set in: the style's, or smaller where a
    /// fixed-height row made it shrink.
    public var font: FontSpec
    public var lines: [TextLine]
    /// The lines of `cell.continuedText`, for continuation pages.
    public var continuedLines: [TextLine]
    /// The lines of the continued mark alone ("（续）"), printed instead of
    /// `continuedLines` where a continuation's rows are too short for them.
    public var markLines: [TextLine] = []
    /// Distance between baselines.
    public var linePitch: Length
    /// Height the cell needs: its lines plus vertical padding.
    public var requiredHeight: Length
    /// Height a continuation fragment needs for `continuedLines`.
    public var continuedRequiredHeight: Length
}

/// A line outside the grid, broken to the table width.
public struct MeasuredLine: Sendable {
    public var line: ResolvedLine
    public var lines: [TextLine]
    public var pitch: Length { line.style.size * line.style.lineSpacing }
    public var height: Length { line.spaceBefore + pitch * Double(lines.count) + line.spaceAfter }
}

/// A footer line with its text broken or its signature fields placed.
public enum MeasuredFooterLine: Sendable {
    case text(MeasuredLine)
    case signatures(MeasuredSignatureLine)

    public var height: Length {
        switch self {
        case .text(let line): line.height
        case .signatures(let line): line.height
        }
    }
}

/// Signature fields placed on one or more rows across the table width.
public struct MeasuredSignatureLine: Sendable {
    public var line: ResolvedSignatureLine
    /// Each printed row's fields, with positions relative to the table's left edge.
    public var rows: [[PlacedSignatureField]]
    public var pitch: Length { line.style.size * line.style.lineSpacing }
    public var height: Length { line.spaceBefore + pitch * Double(rows.count) + line.spaceAfter }
}

public struct PlacedSignatureField: Sendable {
    public var label: TextLine
    public var labelX: Length
    /// The blank line to sign on, from `lineX` for `lineWidth`.
    public var lineX: Length
    public var lineWidth: Length
    /// The unit file's value, centred on the line.
    public var value: TextLine?
}
