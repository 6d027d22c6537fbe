import Evaluation

/// A printed form read as the officer's eye reads it: each row by its side
/// label in the first column — a label/value row (项目名称 | …), or the
/// label opening a block (资金情况, 绩效指标, 年度主要任务 …) whose header row
/// names its columns and whose rows follow until the next side label. The
/// 项目 and 部门 forms differ only in their labels and blocks (`BlockForm`);
/// this walk over the rows is theirs in common.
protocol BlockForm {
    /// What a side label says a row is.
    associatedtype RowKind
    /// An open block and what it has read of its header so far.
    associatedtype Block: FormBlock

    /// The form's name and its name row's label, for the error when a
    /// pasted table lacks it.
    static var title: String { get }
    static var nameLabel: String { get }
    /// The row kind of a normalised side label, nil when it is none.
    static func classify(_ label: String) -> RowKind?
    /// Whether the row holds label/value pairs rather than opening a block.
    static func isPair(_ kind: RowKind) -> Bool

    /// Whether the name row was read.
    var hasName: Bool { get }
    /// One label/value pair of a pair row.
    mutating func take(_ kind: RowKind, value: String, at cell: GridCell, _ context: inout ReadingContext)
    /// A side label that is not a pair: the block it opens (nil for a row
    /// complete in itself, such as 总分). `rest` is the rest of the row —
    /// the block's header when the header shares the label's row.
    mutating func open(_ kind: RowKind, rest: [GridCell], at place: ImportPlace, _ context: inout ReadingContext) throws -> Block?
    /// A row inside the open block: its header, or one of its records.
    mutating func read(_ row: GridRow, in block: inout Block, _ context: inout ReadingContext) throws
}

protocol FormBlock {
    /// Whether the block's header row has been read.
    var hasHeader: Bool { get }
}

enum BlockFormReader {
    static func read<Form: BlockForm>(_ form: inout Form, _ table: FormTable, signatures: inout Signatures,
                                      _ context: inout ReadingContext) throws {
        var open: (block: Form.Block, side: GridCell)?
        var labelColumn: Int?
        for row in table.rows where !row.isBlank {
            if labelColumn == nil, CommonRows.read(row, &context) { continue }
            if SignatureLine.isSignatureRow(row) {
                SignatureLine.read(row, into: &signatures, &context)
                continue
            }
            let first = row.cells[0]
            let kind = Form.classify(Label.normalise(first.text))
            if labelColumn == nil, kind != nil { labelColumn = first.column }
            let inLabelColumn = first.column <= (labelColumn ?? first.column)
            guard inLabelColumn, let kind else {
                // An unknown side label ends the block; its cells are reported
                // as unplaced. A row that starts right of the label column
                // belongs to the open block.
                if inLabelColumn && labelColumn != nil {
                    open = nil
                } else if var current = open {
                    try form.read(row, in: &current.block, &context)
                    open = current
                }
                continue
            }
            if var current = open, current.block.hasHeader, current.side.id != first.id,
               Label.normalise(current.side.text) == Label.normalise(first.text) {
                // Unmerged sheets repeat the side label on every row of its block.
                context.use(first)
                try form.read(GridRow(cells: Array(row.cells.dropFirst()), place: row.place), in: &current.block, &context)
                open = current
                continue
            }
            if Form.isPair(kind) {
                open = nil
                let pairs = LabelValuePairs.read(row, classify: { Form.classify($0).flatMap { Form.isPair($0) ? $0 : nil } }, &context)
                for (key, value, cell) in pairs { form.take(key, value: value, at: cell, &context) }
                continue
            }
            context.use(first)
            open = try form.open(kind, rest: Array(row.cells.dropFirst()), at: first.place, &context).map { ($0, first) }
        }
        if !form.hasName {
            throw ImportError(.missingColumns(table: .label(Form.title), missing: [Form.nameLabel], found: []), at: table.place)
        }
    }
}
