import Evaluation

/// A form printed as one ruled table under a title.
public struct TableSpec: Sendable {
    /// Lines above the table (the form's title, a "（2024年度）" line).
    public var title: [TextLineSpec]
    /// Lines below the table on the last page (signatures, notes).
    public var footer: [TextLineSpec]
    public var columns: [Length]
    public var cellPadding: CellPadding
    public var ruleWidth: Length
    public var minimumRowHeight: Length
    public var blocks: [BlockSpec]
}

public struct CellPadding: Sendable, Hashable {
    public var horizontal: Length
    public var vertical: Length
}

/// A line of text outside the grid.
public struct TextLineSpec: Sendable {
    public var text: TextTemplate
    public var style: TextStyle
    /// Space below the line.
    public var spaceAfter: Length
    /// Where the line is in its layout file, for messages.
    public var path: FieldPath
}

/// A band of rows. A block with a `side` cell prints that cell in the first
/// column across all of its rows (资金情况, 绩效指标); its `header` rows are
/// repeated when the block continues on a new page.
public struct BlockSpec: Sendable {
    public var side: CellSpec?
    public var header: [RowSpec]
    public var rows: [RowSpec]
    public var repeated: RepeatSpec?
    /// Never break the page inside this block (unless it alone is taller
    /// than a page).
    public var keepTogether: Bool
    /// Where the block is in its layout file, for messages.
    public var path: FieldPath
}

/// One row per element of a collection (fund sources, indicators, tasks).
public struct RepeatSpec: Sendable {
    public var collection: Collection
    public var row: RowSpec
}

public struct RowSpec: Sendable {
    public var cells: [CellSpec]
    public var path: FieldPath

    /// Columns the row covers.
    public var width: Int { cells.reduce(0) { $0 + $1.span } }
}

public struct CellSpec: Sendable {
    public var content: CellContent
    public var span: Int
    public var style: TextStyle
    /// Merge this cell down over consecutive rows of the same group (the
    /// 一级/二级 indicator labels).
    public var merge: Bool
    public var path: FieldPath
}

public enum CellContent: Sendable {
    /// Fixed text, possibly with `{field}` placeholders.
    case text(TextTemplate)
    /// A field of the collection row being repeated.
    case column(CollectionField)
}

/// Text with `{year}`-style placeholders, resolved at load time.
public struct TextTemplate: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case literal(String)
        case field(ScalarField)
    }
    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }
    public static func literal(_ text: String) -> TextTemplate { TextTemplate(parts: [.literal(text)]) }
}
