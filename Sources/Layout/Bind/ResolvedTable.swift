import Evaluation

/// A form with every cell, span and text known — the model bound onto the
/// layout — and no geometry yet.
public struct ResolvedTable: Sendable {
    public var title: [ResolvedLine]
    public var continuedTitle: [ResolvedLine]
    public var footer: [ResolvedFooterLine]
    public var pageNumber: PageNumberSpec?
    public var columns: [Length]
    public var padding: CellPadding
    public var ruleWidth: Length
    public var minimumRowHeight: Length
    public var rowCount: Int
    /// Cells in row-major order of their top-left corner.
    public var cells: [ResolvedCell]
    public var blocks: [ResolvedBlock]
    /// Rows of blocks with a fixed `rowHeight`.
    public var fixedRowHeights: [Int: Length]
}

/// A line of text outside the grid, with its placeholders filled in.
public struct ResolvedLine: Sendable, Equatable {
    public var text: String
    public var style: TextStyle
    public var spaceBefore: Length
    public var spaceAfter: Length
    public var origin: TextOrigin
}

/// A footer line with its placeholders filled in.
public enum ResolvedFooterLine: Sendable, Equatable {
    case text(ResolvedLine)
    case signatures(ResolvedSignatureLine)
}

public struct ResolvedSignatureLine: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var label: String
        /// What the unit file gives for the line; empty leaves it blank.
        public var value: String
        public var lineWidth: Length
        public var origin: TextOrigin
    }
    public var fields: [Field]
    public var style: TextStyle
    public var spaceBefore: Length
    public var spaceAfter: Length
}

public struct ResolvedCell: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var text: String
    public var style: TextStyle
    /// Where the text comes from, for messages about it.
    public var origin: TextOrigin
    /// A spanning label (side label, merged group) that is printed again on
    /// each page its rows continue to.
    public var repeatsOnContinuation: Bool
    /// What a continuation page prints for a repeated label ("产出指标（续）").
    public var continuedText: String
    /// The cell opens a group of the leftmost merged column (a 一级指标):
    /// a long form's outline has an entry where each one starts.
    public var opensGroup: Bool = false

    public var rows: Range<Int> { row..<(row + rowSpan) }
    public var columns: Range<Int> { column..<(column + columnSpan) }
}

/// Where a piece of printed text comes from.
public enum TextOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A field of the unit file.
    case unit(FieldPath)
    /// Fixed text of the layout file.
    case layout(file: String, path: FieldPath)

    public var description: String {
        switch self {
        case .unit(let path): path.description
        case .layout(let file, let path): "\(file) \(path)"
        }
    }
}

/// A band of rows; `header` rows are repeated when the block continues on
/// a new page.
public struct ResolvedBlock: Sendable, Equatable {
    public var rows: Range<Int>
    public var header: Range<Int>
    public var keepTogether: Bool
}
