import Foundation

/// A workbook sheet's cells as Excel shows their text, row and column
/// 1-based: what a page needs to show an officer's own workbook as a grid
/// and mark the cells that findings name (`formprint serve`).
package struct SheetCells: Sendable, Equatable {
    package struct Cell: Sendable, Equatable {
        package var row: Int
        package var column: Int
        package var text: String
    }

    package var name: String
    package var cells: [Cell]
}

extension WorkbookImporter {
    /// Every visible sheet of the workbook, read as the importer reads it.
    package static func sheets(_ data: Data, file: String) throws -> [SheetCells] {
        if data.starts(with: CompoundFile.signature) {
            var context = ReadingContext(file: file)
            var numbering = CellNumbering()
            var reader = try XLSReader(data: data, file: file, &context)
            return try reader.sheets(numbering: &numbering, &context).map { sheet in
                SheetCells(name: sheet.name, cells: sheet.rows.flatMap(\.cells).compactMap { cell in
                    guard case .cell(_, _, let row, let column) = cell.place else { return nil }
                    return SheetCells.Cell(row: row, column: column, text: cell.text)
                })
            }
        }
        let package = try WorkbookPackage(data: data, file: file)
        let parts = try WorkbookParts(package)
        let reader = WorksheetReader(parts: parts, file: file)
        var numbering = CellNumbering()
        var context = ReadingContext(file: file)
        var sheets: [SheetCells] = []
        for sheet in parts.sheets {
            guard let sheetData = try package.part(sheet.path) else { continue }
            var cells: [SheetCells.Cell] = []
            for row in try reader.rows(of: sheet, data: sheetData, numbering: &numbering, &context) {
                for cell in row.cells {
                    if case .cell(_, _, let number, let column) = cell.place {
                        cells.append(SheetCells.Cell(row: number, column: column, text: cell.text))
                    }
                }
            }
            sheets.append(SheetCells(name: sheet.name, cells: cells))
        }
        return sheets
    }
}
