import Evaluation

/// A form with every cell, span and text known — the model bound onto the
/// layout — and no geometry yet.
package struct ResolvedTable: Sendable {
    package var title: [ResolvedLine]
    package var continuedTitle: [ResolvedLine]
    package var footer: [ResolvedFooterLine]
    package var pageNumber: PageNumberSpec?
    package var columns: [Length]
    package var padding: CellPadding
    package var ruleWidth: Length
    package var minimumRowHeight: Length
    package var rowCount: Int
    /// Cells in row-major order of their top-left corner.
    package var cells: [ResolvedCell]
    package var blocks: [ResolvedBlock]
    /// Rows of blocks with a fixed `rowHeight`.
    package var fixedRowHeights: [Int: Length]
    /// Formula cells whose entered value differs from the computed one.
    package var formulaDiscrepancies: [FormulaDiscrepancy] = []
}

/// A formula cell the unit filled in with a value other than the one the
/// formula gives: the entered value prints, and this becomes a finding.
package struct FormulaDiscrepancy: Sendable, Equatable {
    /// The field the unit filled in.
    package var path: FieldPath
    package var entered: String
    /// The formula's value, formatted as the cell would print it.
    package var computed: String
    /// The formula in the form's labels (全年执行数 ÷ 调整后预算数).
    package var formula: String
    /// The column's label on the form, when the layout has a header for it.
    package var label: String
}

/// Values FormPrint computed for fields the unit left empty (分值, 得分,
/// 总分, 等级 by a scoring profile), by the field they stand in for. Bound
/// beside the unit's data; the model itself is never changed.
package struct ComputedValues: Sendable, Equatable {
    package var values: [FieldPath: String]

    package init(_ values: [FieldPath: String] = [:]) { self.values = values }

    package static let none = ComputedValues()
}

/// A line of text outside the grid, with its placeholders filled in.
package struct ResolvedLine: Sendable, Equatable {
    package var text: String
    package var style: TextStyle
    package var spaceBefore: Length
    package var spaceAfter: Length
    package var origin: TextOrigin
}

/// A footer line with its placeholders filled in.
package enum ResolvedFooterLine: Sendable, Equatable {
    case text(ResolvedLine)
    case signatures(ResolvedSignatureLine)
}

package struct ResolvedSignatureLine: Sendable, Equatable {
    package struct Field: Sendable, Equatable {
        package var label: String
        /// What the unit file gives for the line; empty leaves it blank.
        package var value: String
        package var lineWidth: Length
        package var origin: TextOrigin
    }
    package var fields: [Field]
    package var style: TextStyle
    package var spaceBefore: Length
    package var spaceAfter: Length
}

package struct ResolvedCell: Sendable, Equatable {
    package var row: Int
    package var column: Int
    package var rowSpan: Int
    package var columnSpan: Int
    package var text: String
    package var style: TextStyle
    /// Where the text comes from, for messages about it.
    package var origin: TextOrigin
    /// A spanning label (side label, merged group) that is printed again on
    /// each page its rows continue to.
    package var repeatsOnContinuation: Bool
    /// What a continuation page prints for a repeated label ("产出指标（续）").
    package var continuedText: String
    /// The cell opens a group of the leftmost merged column (a 一级指标):
    /// a long form's outline has an entry where each one starts.
    package var opensGroup: Bool = false

    package var rows: Range<Int> { row..<(row + rowSpan) }
    package var columns: Range<Int> { column..<(column + columnSpan) }
}

/// Where a piece of printed text comes from.
package enum TextOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A field of the unit file.
    case unit(FieldPath)
    /// Fixed text of the layout file.
    case layout(file: String, path: FieldPath)
    /// Computed by FormPrint for a field the unit left empty: a formula's
    /// value, or a score of the scoring profile.
    case computed(FieldPath, formula: String)

    package var description: String {
        switch self {
        case .unit(let path): path.description
        case .layout(let file, let path): "\(file) \(path)"
        case .computed(let path, let formula): "\(path) (computed\(formula.isEmpty ? "" : ": " + formula))"
        }
    }

    /// The unit field the text stands for (read or computed), if any.
    package var fieldPath: FieldPath? {
        switch self {
        case .unit(let path), .computed(let path, _): path
        case .layout: nil
        }
    }

    package var isComputed: Bool { if case .computed = self { true } else { false } }
}

/// A band of rows; `header` rows are repeated when the block continues on
/// a new page.
package struct ResolvedBlock: Sendable, Equatable {
    package var rows: Range<Int>
    package var header: Range<Int>
    package var keepTogether: Bool
}
