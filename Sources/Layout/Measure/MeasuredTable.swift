/// A resolved table with its geometry: column positions, row heights and
/// each cell's lines of text.
package struct MeasuredTable: Sendable {
    package var table: ResolvedTable
    /// Left edge of each column relative to the table, plus the right edge.
    package var columnEdges: [Length]
    package var rowHeights: [Length]
    package var cells: [MeasuredCell]
    package var title: [MeasuredLine]
    package var continuedTitle: [MeasuredLine]
    package var footer: [MeasuredFooterLine]

    package var width: Length { columnEdges.last ?? .zero }
    package var titleHeight: Length { title.reduce(.zero) { $0 + $1.height } }
    package var continuedTitleHeight: Length { continuedTitle.reduce(.zero) { $0 + $1.height } }
    package var footerHeight: Length { footer.reduce(.zero) { $0 + $1.height } }
}

package struct MeasuredCell: Sendable {
    package var cell: ResolvedCell
    /// The font the text is set in: the style's, or smaller where a
    /// fixed-height row made it shrink.
    package var font: FontSpec
    package var lines: [TextLine]
    /// The lines of `cell.continuedText`, for continuation pages.
    package var continuedLines: [TextLine]
    /// The lines of the continued mark alone ("（续）"), printed instead of
    /// `continuedLines` where a continuation's rows are too short for them.
    package var markLines: [TextLine] = []
    /// Distance between baselines.
    package var linePitch: Length
    /// Height the cell needs: its lines plus vertical padding.
    package var requiredHeight: Length
    /// Height a continuation fragment needs for `continuedLines`.
    package var continuedRequiredHeight: Length
}

/// A line outside the grid, broken to the table width.
package struct MeasuredLine: Sendable {
    package var line: ResolvedLine
    package var lines: [TextLine]
    package var pitch: Length { line.style.size * line.style.lineSpacing }
    package var height: Length { line.spaceBefore + pitch * Double(lines.count) + line.spaceAfter }
}

/// A footer line with its text broken or its signature fields placed.
package enum MeasuredFooterLine: Sendable {
    case text(MeasuredLine)
    case signatures(MeasuredSignatureLine)

    package var height: Length {
        switch self {
        case .text(let line): line.height
        case .signatures(let line): line.height
        }
    }
}

/// Signature fields placed on one or more rows across the table width.
package struct MeasuredSignatureLine: Sendable {
    package var line: ResolvedSignatureLine
    /// Each printed row's fields, with positions relative to the table's left edge.
    package var rows: [[PlacedSignatureField]]
    package var pitch: Length { line.style.size * line.style.lineSpacing }
    package var height: Length { line.spaceBefore + pitch * Double(rows.count) + line.spaceAfter }
}

package struct PlacedSignatureField: Sendable {
    package var label: TextLine
    package var labelX: Length
    /// The blank line to sign on, from `lineX` for `lineWidth`.
    package var lineX: Length
    package var lineWidth: Length
    /// The unit file's value, centred on the line.
    package var value: TextLine?
}
