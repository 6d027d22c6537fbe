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

/// One visible sheet of an .xlsx or .xls workbook as the importer reads
/// it, and what the sheet says of its page (column widths, orientation),
/// which only an .xlsx sheet's XML tells.
struct WorkbookSheetRows {
    var name: String
    var rows: [GridRow]
    var geometry: SheetGeometry?

    /// The text of every cell with its 1-based row and column.
    var cells: [(row: Int, column: Int, text: String)] {
        rows.flatMap(\.cells).compactMap { cell in
            guard case .cell(_, _, let row, let column) = cell.place else { return nil }
            return (row, column, cell.text)
        }
    }
}

extension WorkbookImporter {
    /// Every visible sheet's rows, within the readers' limits: the one path
    /// by which the desk's grid and the layout learner read a workbook.
    static func sheetRows(_ data: Data, file: String) throws -> [WorkbookSheetRows] {
        var context = ReadingContext(file: file)
        var numbering = CellNumbering()
        if data.starts(with: CompoundFile.signature) {
            var reader = try XLSReader(data: data, file: file, &context)
            return try reader.sheets(numbering: &numbering, &context).map { WorkbookSheetRows(name: $0.name, rows: $0.rows) }
        }
        let package = try WorkbookPackage(data: data, file: file)
        let parts = try WorkbookParts(package)
        let reader = WorksheetReader(parts: parts, file: file)
        return try parts.sheets.compactMap { sheet in
            guard let sheetData = try package.part(sheet.path) else { return nil }
            return WorkbookSheetRows(name: sheet.name, rows: try reader.rows(of: sheet, data: sheetData, numbering: &numbering, &context),
                                     geometry: try SheetGeometry(sheetData, part: sheet.path, file: file))
        }
    }

    /// Every visible sheet of the workbook, read as the importer reads it.
    package static func sheets(_ data: Data, file: String) throws -> [SheetCells] {
        try sheetRows(data, file: file).map { sheet in
            SheetCells(name: sheet.name, cells: sheet.cells.map { SheetCells.Cell(row: $0.row, column: $0.column, text: $0.text) })
        }
    }
}
