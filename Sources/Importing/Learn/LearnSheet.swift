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
    /// Every visible sheet of an .xlsx or .xls workbook as the layout
    /// learner reads it, within the readers' limits (cells, merges, sizes).
    /// An .xls tells no column widths (libfreexl has none): its learned
    /// columns start equal and are said to need checking.
    package static func learnableSheets(_ data: Data, file: String) throws -> [LearnSheet] {
        try sheetRows(data, file: file).map { sheet in
            let merges = sheet.rows.first { $0.merges != nil }?.merges?.ranges.map {
                LearnSheet.Range(firstRow: $0.firstRow, firstColumn: $0.firstColumn, lastRow: $0.lastRow, lastColumn: $0.lastColumn)
            } ?? []
            return LearnSheet(name: sheet.name, cells: sheet.cells.map { LearnSheet.Cell(row: $0.row, column: $0.column, text: $0.text) },
                              merges: merges, columnWidths: sheet.geometry?.columnWidths ?? [:], landscape: sheet.geometry?.landscape)
        }
    }
}
