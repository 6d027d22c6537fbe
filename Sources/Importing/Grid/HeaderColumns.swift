/// A header row read as "which field does each column hold": every header
/// cell owns the columns from its own up to the next header cell, so a value
/// under a merged header (or pasted one column off inside it) still lands
/// in the right field, and a workbook whose form starts in another column or
/// row reads the same. Columns are found by their labels, never by fixed
/// addresses.
struct HeaderColumns<Field: Hashable & Sendable>: Sendable {
    struct Column: Sendable {
        /// nil: a header label this form does not know.
        var field: Field?
        var column: Int
        var cell: GridCell
    }

    private(set) var columns: [Column]

    init(_ cells: [GridCell], classify: (String) -> Field?) {
        columns = cells.sorted { $0.column < $1.column }.map { Column(field: classify(Label.normalise($0.text)), column: $0.column, cell: $0) }
    }

    var isEmpty: Bool { columns.isEmpty }
    var firstColumn: Int? { columns.first?.column }
    var fields: Set<Field> { Set(columns.compactMap(\.field)) }

    /// The header whose span holds `column`; nil left of the first header.
    func entry(at column: Int) -> Column? {
        columns.last { $0.column <= column }
    }

    func missing(_ required: [Field]) -> [Field] {
        let present = fields
        return required.filter { !present.contains($0) }
    }
}

/// What a table's header cells and rows are called in messages.
protocol FormField: Hashable, Sendable {
    /// The official label, e.g. 全年执行数.
    var label: String { get }
}
