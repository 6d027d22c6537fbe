import Evaluation
import Foundation

/// Imports an .xlsx workbook filled in the official templates: every sheet
/// of it, each sheet holding one or more forms (found by their titles and
/// labels, not by fixed cell addresses) or the report (a title cell, then
/// one paragraph or heading per cell or per line of a cell).
package enum WorkbookImporter {
    package static func importWorkbook(_ data: Data, file: String, options: ImportOptions = ImportOptions()) throws -> ImportedUnit {
        let package = try WorkbookPackage(data: data, file: file)
        // A ZIP container under a workbook's name may be another office file.
        if package.contains("word/document.xml") { return try DocumentImporter.importDocument(package, file: file, options: options) }
        if let other = try OfficeZIPKind.unsupported(package) { throw ImportError(.unsupportedFormat(other), at: .file(file)) }
        let parts = try WorkbookParts(package)
        let reader = WorksheetReader(parts: parts, file: file)
        return try importSheets(parts.sheets.map(\.name), hidden: parts.hiddenSheets, file: file, options: options) { index, numbering, context in
            let sheet = parts.sheets[index]
            guard let data = try package.part(sheet.path) else {
                throw ImportError(.corruptWorkbook(Message(chinese: "缺少工作表“\(sheet.name)”（\(sheet.path)）",
                                                           english: "the sheet '\(sheet.name)' (\(sheet.path)) is missing")), at: .file(file))
            }
            return try reader.rows(of: sheet, data: data, numbering: &numbering, &context)
        }
    }

    /// Imports an old binary .xls workbook: the same sheets, read by `XLSReader`.
    package static func importLegacyWorkbook(_ data: Data, file: String, options: ImportOptions = ImportOptions()) throws -> ImportedUnit {
        var context = ReadingContext(file: file)
        var reader = try XLSReader(data: data, file: file, &context)
        var numbering = CellNumbering()
        let sheets = try reader.sheets(numbering: &numbering, &context)
        return try importSheets(sheets.map(\.name), hidden: reader.hiddenSheets, file: file, options: options, notes: context.notes,
                                numbering: numbering) { index, _, _ in sheets[index].rows }
    }

    /// The forms of each sheet, whatever reader made its rows: `rows(index, …)`
    /// gives the rows of sheet `index` of `names`.
    private static func importSheets(_ names: [String], hidden: [String], file: String, options: ImportOptions, notes: [ImportNote] = [],
                                     numbering: CellNumbering = CellNumbering(),
                                     rows: (Int, inout CellNumbering, inout ReadingContext) throws -> [GridRow]) throws -> ImportedUnit {
        var assembler = try UnitAssembler(file: file, layouts: options.recognisedLayouts)
        assembler.context.notes += notes
        var numbering = numbering
        var unrecognised: [Message] = []
        for (index, name) in names.enumerated() {
            let rows = try rows(index, &numbering, &assembler.context)
            let found = try read(rows, &assembler)
            if !found && rows.contains(where: { !$0.isBlank }) {
                let cells = rows.reduce(0) { $0 + $1.cells.count }
                unrecognised.append(Message(chinese: "工作表“\(name)”：\(cells)个单元格，都不是表的标题或首个标签",
                                            english: "sheet '\(name)': \(cells) cell\(cells == 1 ? "" : "s"), none of them a form's title or first label"))
                // Template notes ("金额单位：万元") are read quietly; anything else is listed.
                assembler.readLoose(rows, where: Message(chinese: "位于没有可识别表格的工作表“\(name)”中",
                                                         english: "in sheet '\(name)', which holds no recognisable form,"))
            }
        }
        for name in hidden {
            let message = Message(chinese: "工作表“\(name)”在工作簿中是隐藏的，未导入（Excel和WPS既不显示也不打印它）；取消隐藏后再导入",
                                  english: "the sheet '\(name)' is hidden in the workbook and was not read (Excel and WPS neither show nor print it); unhide it to import it")
            assembler.context.notes.append(ImportNote(.unplaced, at: .file(file), message))
            unrecognised.append(message)
        }
        if assembler.isEmpty {
            throw ImportError(.noRecognisableForm(details: unrecognised.isEmpty ? [Message(chinese: "所有工作表都是空的", english: "every sheet is empty")] : unrecognised),
                              at: .file(file))
        }
        return try assembler.finish(options, file: file)
    }

    /// Reads the forms and report of one sheet; false if it has none.
    private static func read(_ rows: [GridRow], _ assembler: inout UnitAssembler) throws -> Bool {
        var splitter = TableSplitter(starts: assembler.starts)
        var trimmer = GridTrimmer(starts: assembler.starts)
        var stray: [GridRow] = []
        var found = false
        var previousRow: Int?
        for (index, row) in rows.enumerated() {
            // Rows with no cell at all between this row and the last one.
            if case .cell(_, _, let number, _) = row.place {
                if let previousRow, previousRow < WorksheetReader.maximumRow, number > previousRow + 1 { trimmer.gap() }
                previousRow = number
            }
            if let title = row.soleText, FormTitle.kind(of: title) == .report {
                // The rest of the sheet is the report: each cell a line, and
                // a cell holding several lines (a pasted report) split.
                var lines: [TextLine] = []
                for later in rows[(index + 1)...] {
                    for cell in later.cells {
                        for line in cell.text.split(separator: "\n", omittingEmptySubsequences: true) {
                            lines.append(TextLine(text: String(line), place: cell.place))
                        }
                        assembler.context.use(cell)
                    }
                }
                let (tables, loose) = splitter.finish()
                for table in tables { try assembler.read(table) }
                assembler.readLoose(loose, where: .outsideEveryForm)
                assembler.readLoose(stray, where: .belowFormAfterEmptyRows)
                try assembler.readReport(title: row.cells[0], lines: lines)
                return true
            }
            if trimmer.belongsToForm(row) { splitter.feed(row) } else { stray.append(row) }
        }
        let (tables, loose) = splitter.finish()
        for table in tables { try assembler.read(table) }
        found = !tables.isEmpty
        if found {
            assembler.readLoose(loose, where: .outsideEveryForm)
            assembler.readLoose(stray, where: .belowFormAfterEmptyRows)
        }
        return found
    }
}

extension WorkbookImporter {
    /// The text of the first column of the workbook's first sheet, row by
    /// row, as Excel shows it (a bureau's roster of expected units).
    package static func firstColumn(_ data: Data, file: String) throws -> [String] {
        if data.starts(with: CompoundFile.signature) {
            var context = ReadingContext(file: file)
            var numbering = CellNumbering()
            var reader = try XLSReader(data: data, file: file, &context)
            guard let rows = try reader.sheets(numbering: &numbering, &context).first?.rows else { return [] }
            return rows.compactMap { row in row.cells.first { $0.column == (row.cells.map(\.column).min() ?? 1) }?.text.trimmedCell }
        }
        let package = try WorkbookPackage(data: data, file: file)
        let parts = try WorkbookParts(package)
        guard let sheet = parts.sheets.first, let sheetData = try package.part(sheet.path) else { return [] }
        var numbering = CellNumbering()
        var context = ReadingContext(file: file)
        let rows = try WorksheetReader(parts: parts, file: file).rows(of: sheet, data: sheetData, numbering: &numbering, &context)
        return rows.compactMap { row in row.cells.first { $0.column == (row.cells.map(\.column).min() ?? 1) }?.text.trimmedCell }
    }
}
