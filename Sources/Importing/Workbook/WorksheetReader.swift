import Evaluation
import Foundation

/// Reads one worksheet part into grid rows: each cell's displayed text
/// (shared or inline string, number in its number format, boolean, error),
/// with merged ranges resolved — only a merge's top-left cell keeps a
/// value, so a covered cell reads as empty like in the pasted tables.
struct WorksheetReader {
    /// More cells than any form has; protects against hostile workbooks.
    static let maximumCells = 500_000
    static let maximumMerges = 20_000
    /// The last row of a sheet in Excel and WPS.
    static let maximumRow = 1_048_576

    struct RawCell {
        var row: Int
        var column: Int
        var type: String
        var style: Int
        var value: String
        var inlineText: String
        var hasFormula: Bool
    }

    struct Merge {
        var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

        func covers(_ row: Int, _ column: Int) -> Bool {
            (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
                && !(row == firstRow && column == firstColumn)
        }
    }

    let parts: WorkbookParts
    let file: String

    func rows(of sheet: WorkbookParts.Sheet, data: Data, numbering: inout CellNumbering,
              _ context: inout ReadingContext) throws -> [GridRow] {
        let (cells, merges) = try parse(data, part: sheet.path)
        let covered = Self.coveredCells(cells, merges)
        var byRow: [Int: [GridCell]] = [:]
        // Rows whose cells are all empty (a template's unfilled rows, with
        // their borders) are kept as blank rows: they are part of the grid,
        // unlike rows with no cell at all (`GridTrimmer`).
        for raw in cells { byRow[raw.row] = [] }
        for (index, raw) in cells.enumerated() {
            let place = ImportPlace.cell(file: file, sheet: sheet.name, row: raw.row, column: raw.column)
            let (text, removed) = InvisibleText.cleaned(display(raw, place: place, &context).trimmedCell)
            if !removed.isEmpty { context.notes.append(InvisibleText.note(removed, at: place)) }
            guard !text.isEmpty else { continue }
            if covered.contains(index) {
                // Excel shows only a merge's first cell; a value hidden under
                // the merge is not what the person sees, but say so.
                context.note(.unplaced, place, MergeCoverage.hidden(text))
                continue
            }
            byRow[raw.row, default: []].append(GridCell(id: numbering.take(), text: text, column: raw.column, place: place))
        }
        let sheetMerges = SheetMerges(merges.map { .init(firstRow: $0.firstRow, firstColumn: $0.firstColumn, lastRow: $0.lastRow, lastColumn: $0.lastColumn) })
        return byRow.keys.sorted().map { row in
            GridRow(cells: byRow[row]!.sorted { $0.column < $1.column },
                    place: .cell(file: file, sheet: sheet.name, row: row, column: 1), merges: sheetMerges)
        }
    }

    /// Indices of the cells that merges cover (all but each merge's
    /// top-left cell).
    static func coveredCells(_ cells: [RawCell], _ merges: [Merge]) -> Set<Int> {
        MergeCoverage.covered(rows: cells.map(\.row), columns: cells.map(\.column), merges)
    }

    private func display(_ cell: RawCell, place: ImportPlace, _ context: inout ReadingContext) -> String {
        switch cell.type {
        case "s":
            guard let index = Int(cell.value), parts.sharedStrings.indices.contains(index) else {
                context.note(.unplaced, place, Message(chinese: "该单元格引用的共享字符串\(cell.value)在工作簿中不存在",
                                                       english: "the cell refers to shared string \(cell.value), which the workbook does not have"))
                return ""
            }
            return parts.sharedStrings[index]
        case "inlineStr":
            return OOXMLText.decodeEscapes(cell.inlineText)
        case "str":
            return OOXMLText.decodeEscapes(cell.value)
        case "b":
            return cell.value == "1" || cell.value == "true" ? "TRUE" : "FALSE"
        case "e":
            return cell.value
        default:
            if cell.value.isEmpty {
                if cell.hasFormula {
                    context.note(.unplaced, place, Message(chinese: "公式没有计算结果（工作簿从未重新计算）；请在Excel或WPS中打开并保存",
                                                           english: "the formula has no computed value (the workbook was never recalculated); open it in Excel or WPS and save it"))
                }
                return ""
            }
            let code = parts.styleFormats.indices.contains(cell.style) ? parts.styleFormats[cell.style] : "General"
            if cell.type == "d" { return cell.value }
            let shown = ExcelNumberFormat(code: code).checkedDisplay(cell.value, date1904: parts.date1904)
            if let note = shown.note { context.note(.inferred, place, note) }
            return shown.text
        }
    }

    private func parse(_ data: Data, part: String) throws -> (cells: [RawCell], merges: [Merge]) {
        var cells: [RawCell] = []
        var merges: [Merge] = []
        var current: RawCell?
        var row = 0, nextColumn = 1
        var collecting: String?  // "v" or "t"
        var phoneticDepth = 0
        var tooMany = false
        var tooManyMerges = false
        let file = self.file
        try XMLEvents.parse(data, part: part, file: file, start: { name, attributes in
            switch name {
            case "row":
                // Within a sheet's 1 048 576 rows, so that `row + 1` (a row
                // without its number) can never overflow (issue 14).
                row = min(max(attributes["r"].flatMap(Int.init) ?? row + 1, 1), Self.maximumRow)
                nextColumn = 1
            case "c":
                var column = nextColumn, cellRow = row
                if let reference = attributes["r"], let parsed = Self.cellReference(reference) { (cellRow, column) = parsed }
                nextColumn = column + 1
                current = RawCell(row: cellRow, column: column, type: attributes["t"] ?? "n",
                                  style: attributes["s"].flatMap(Int.init) ?? 0, value: "", inlineText: "", hasFormula: false)
            case "v": collecting = "v"
            case "t" where current != nil && phoneticDepth == 0: collecting = "t"
            case "rPh": phoneticDepth += 1
            case "f": current?.hasFormula = true
            case "mergeCell":
                if let reference = attributes["ref"], let merge = Self.range(reference) {
                    // Past the limit merges were dropped silently, so cells
                    // under them were read as if not covered: refused instead.
                    if merges.count < Self.maximumMerges { merges.append(merge) } else { tooManyMerges = true }
                }
            default: break
            }
        }, end: { name in
            switch name {
            case "c":
                if let cell = current {
                    if cells.count < Self.maximumCells { cells.append(cell) } else { tooMany = true }
                }
                current = nil
            case "v", "t": collecting = nil
            case "rPh": phoneticDepth -= 1
            default: break
            }
        }, text: { text in
            switch collecting {
            case "v": current?.value += text
            case "t": current?.inlineText += text
            default: break
            }
        })
        if tooMany {
            throw ImportError(.workbookTooLarge(Message(chinese: "\(part)超过\(Self.maximumCells)个单元格", english: "\(part) has more than \(Self.maximumCells) cells")),
                              at: .file(file))
        }
        if tooManyMerges {
            throw ImportError(.workbookTooLarge(Message(chinese: "\(part)超过\(Self.maximumMerges)个合并区域", english: "\(part) has more than \(Self.maximumMerges) merged ranges")),
                              at: .file(file))
        }
        return (cells, merges)
    }

    /// "B12" → (row 12, column 2).
    static func cellReference(_ reference: String) -> (row: Int, column: Int)? {
        let letters = reference.prefix { $0.isLetter }
        guard !letters.isEmpty, letters.count <= 3, let row = Int(reference.dropFirst(letters.count)), row > 0, row <= maximumRow else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return (row, column)
    }

    /// "A5:A9" → a merge; a single cell is no merge.
    static func range(_ reference: String) -> Merge? {
        let ends = reference.split(separator: ":").map(String.init)
        guard ends.count == 2, let first = cellReference(ends[0]), let last = cellReference(ends[1]) else { return nil }
        return Merge(firstRow: min(first.row, last.row), firstColumn: min(first.column, last.column),
                     lastRow: max(first.row, last.row), lastColumn: max(first.column, last.column))
    }
}
