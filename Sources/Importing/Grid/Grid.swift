/// A table as the form readers see it, whatever it came from: the
/// non-empty cells of each row with their column and place. Pasted text and
/// workbooks both become this, so one set of form readers serves both.
///
/// The convention of the pasted tables holds for workbooks too once merged
/// ranges are resolved: a cell covered by a merge is empty, so "empty
/// leading cell" means "the label above spans down" and "empty trailing
/// cells" mean "the cell spans across" in both.
struct GridCell: Sendable, Hashable {
    /// Unique within one import, so readers can mark cells as used.
    var id: Int
    var text: String
    /// 1-based column in the table's own grid (tab-separated field number,
    /// or spreadsheet column).
    var column: Int
    var place: ImportPlace
}

struct GridRow: Sendable {
    var cells: [GridCell]
    /// The row as a whole (its first column), for messages about it.
    var place: ImportPlace
    /// For a workbook row (or a Word table's, whose vertically merged
    /// cells are recorded the same way): which of its empty positions a merged cell from
    /// the rows above covers. In a paste every empty leading cell spans
    /// down by convention; in a workbook an empty cell that no merge covers
    /// is a cell left empty (nil: not a workbook row).
    var merges: SheetMerges?

    /// Whether `column` of this row is covered by a merge from above; nil
    /// when the row carries no merge information (pasted text).
    func isMergedFromAbove(_ column: Int) -> Bool? {
        guard let merges else { return nil }
        switch place {
        case .cell(_, _, let row, _), .tableCell(_, _, let row, _): return merges.coversFromAbove(row: row, column: column)
        default: return nil
        }
    }

    var isBlank: Bool { cells.isEmpty }

    /// The text of the only cell, for title rows.
    var soleText: String? { cells.count == 1 ? cells[0].text : nil }
}

/// A line of narrative text (the report), with its place.
struct TextLine: Sendable {
    var text: String
    var place: ImportPlace
    var role: LineRole = .unknown
}

/// What a Word document's paragraph style says a report line is.
enum LineRole: Sendable, Equatable {
    /// Pasted text, or a document without heading styles: headings are told
    /// by their numbers ("一、", "（二）").
    case unknown
    /// A heading by its style (标题 1/Heading 1 … 4).
    case heading(Int)
    /// Body text in a document whose headings are styled: a numbered line
    /// ("（一）负责…") is a list item, and the paragraph is whole.
    case body
}

/// Hands out cell ids for one import.
struct CellNumbering {
    private(set) var next = 0
    mutating func take() -> Int {
        next += 1
        return next
    }
}
