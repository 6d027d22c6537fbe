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
    /// Formula cells whose entered value differs from the computed one.
    public var formulaDiscrepancies: [FormulaDiscrepancy] = []
}

/// A formula cell the unit filled in with a value other than the one the
/// formula gives: the entered value prints, and this becomes a finding.
public struct FormulaDiscrepancy: Sendable, Equatable {
    /// The field the unit filled in.
    public var path: FieldPath
    public var entered: String
    /// The formula's value, formatted as the cell would print it.
    public var computed: String
    public var formula: String
    /// The column's label on the form, when the layout has a header for it.
    public var label: String
}

/// Values FormPrint computed for fields the unit left empty (分值, 得分,
/// 总分, 等级 by a scoring profile), by the field they stand in for. Bound
/// beside the unit's data; the model itself is never changed.
public struct ComputedValues: Sendable, Equatable {
    public var values: [FieldPath: String]

    public init(_ values: [FieldPath: String] = [:]) { self.values = values }

    public static let none = ComputedValues()
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
    /// Computed by FormPrint for a field the unit left empty: a formula's
    /// value, or a score of the scoring profile.
    case computed(FieldPath, formula: String)

    public var description: String {
        switch self {
        case .unit(let path): path.description
        case .layout(let file, let path): "\(file) \(path)"
        case .computed(let path, let formula): "\(path) (computed\(formula.isEmpty ? "" : ": " + formula))"
        }
    }

    /// The unit field the text stands for (read or computed), if any.
    public var fieldPath: FieldPath? {
        switch self {
        case .unit(let path), .computed(let path, _): path
        case .layout: nil
        }
    }

    public var isComputed: Bool { if case .computed = self { true } else { false } }
}

/// A band of rows; `header` rows are repeated when the block continues on
/// a new page.
public struct ResolvedBlock: Sendable, Equatable {
    public var rows: Range<Int>
    public var header: Range<Int>
    public var keepTogether: Bool
}
