import Evaluation
import Foundation

/// A worksheet as the layout learner reads it: the text of every cell a
/// person sees (a merge's top-left cell only), the merged ranges, the column
/// widths and the page orientation. The .xlsx reader produces it
/// (`WorkbookImporter.learnableSheets`); any other reader that yields the
/// same grid (.xls) plugs in unchanged.
package struct LearnSheet: Sendable {
    package struct Cell: Sendable, Hashable {
        /// 1-based, as in the sheet.
        package var row: Int
        package var column: Int
        package var text: String

        package init(row: Int, column: Int, text: String) {
            self.row = row
            self.column = column
            self.text = text
        }
    }

    package struct Range: Sendable, Hashable {
        package var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

        package init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            (self.firstRow, self.firstColumn, self.lastRow, self.lastColumn) = (firstRow, firstColumn, lastRow, lastColumn)
        }
    }

    package var name: String
    package var cells: [Cell]
    package var merges: [Range]
    /// Excel character units per 1-based column; a column without one has
    /// Excel's default width.
    package var columnWidths: [Int: Decimal]
    /// nil when the sheet does not say.
    package var landscape: Bool?

    package init(name: String, cells: [Cell], merges: [Range], columnWidths: [Int: Decimal] = [:], landscape: Bool? = nil) {
        self.name = name
        self.cells = cells
        self.merges = merges
        self.columnWidths = columnWidths
        self.landscape = landscape
    }

    /// "C12": how messages name a cell.
    static func address(row: Int, column: Int) -> String {
        var letters = ""
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters + String(row)
    }
}

extension WorkbookImporter {
    /// Every visible sheet of an .xlsx workbook as the layout learner reads
    /// it, within the reader's limits (cells, merges, sizes).
    package static func learnableSheets(_ data: Data, file: String) throws -> [LearnSheet] {
        if data.starts(with: CompoundFile.signature) {
            // An .xls: cells and merges as its reader gives them to import; its
            // column widths are not read (libfreexl has none), so the learned
            // columns start equal and are said to need checking.
            var context = ReadingContext(file: file)
            var numbering = CellNumbering()
            var reader = try XLSReader(data: data, file: file, &context)
            return try reader.sheets(numbering: &numbering, &context).map { sheet in
                let cells = sheet.rows.flatMap(\.cells).compactMap { cell -> LearnSheet.Cell? in
                    guard case .cell(_, _, let row, let column) = cell.place else { return nil }
                    return LearnSheet.Cell(row: row, column: column, text: cell.text)
                }
                let merges = sheet.rows.first { $0.merges != nil }?.merges?.ranges.map {
                    LearnSheet.Range(firstRow: $0.firstRow, firstColumn: $0.firstColumn, lastRow: $0.lastRow, lastColumn: $0.lastColumn)
                } ?? []
                return LearnSheet(name: sheet.name, cells: cells, merges: merges)
            }
        }
        let package = try WorkbookPackage(data: data, file: file)
        let parts = try WorkbookParts(package)
        let reader = WorksheetReader(parts: parts, file: file)
        var numbering = CellNumbering()
        var context = ReadingContext(file: file)
        var sheets: [LearnSheet] = []
        for sheet in parts.sheets {
            guard let sheetData = try package.part(sheet.path) else { continue }
            let rows = try reader.rows(of: sheet, data: sheetData, numbering: &numbering, &context)
            var cells: [LearnSheet.Cell] = []
            for row in rows {
                for cell in row.cells {
                    if case .cell(_, _, let number, let column) = cell.place { cells.append(.init(row: number, column: column, text: cell.text)) }
                }
            }
            let merges = rows.first { $0.merges != nil }?.merges?.ranges.map {
                LearnSheet.Range(firstRow: $0.firstRow, firstColumn: $0.firstColumn, lastRow: $0.lastRow, lastColumn: $0.lastColumn)
            } ?? []
            let geometry = try SheetGeometry(sheetData, part: sheet.path, file: file)
            sheets.append(LearnSheet(name: sheet.name, cells: cells, merges: merges, columnWidths: geometry.columnWidths, landscape: geometry.landscape))
        }
        return sheets
    }
}
