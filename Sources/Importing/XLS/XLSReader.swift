import Evaluation
import Foundation

/// Reads an old binary .xls workbook (BIFF8) into the grid rows the .xlsx
/// reader makes — one list per visible sheet, place `sheet!cell`, numbers
/// shown in their number format as Excel shows them, merged ranges as
/// `SheetMerges` — so the form readers work on it unchanged.
///
/// libfreexl (`FreeXLBook`) reads the values and text; `BIFFScan` adds the
/// number formats and merges libfreexl 1.0.x does not expose. A workbook
/// whose Workbook stream the scan cannot read (BIFF5, Excel 95) is still
/// read, numbers shown as General and without merges, with a note.
struct XLSReader {
    struct Sheet {
        var name: String
        var rows: [GridRow]
    }

    let file: String
    private let book: FreeXLBook
    private let scan: BIFFScan?
    private(set) var hiddenSheets: [String] = []

    init(data: Data, file: String, _ context: inout ReadingContext) throws {
        self.file = file
        let bytes = [UInt8](data)
        // The container first: its size limits are checked before libfreexl
        // allocates anything, and it tells a Word file from a workbook.
        let container: CompoundFile
        do {
            container = try CompoundFile(bytes)
        } catch {
            // Excel stores a password-protected .xlsx in an OLE container with
            // an "EncryptionInfo" stream; say so even if the container is damaged.
            let marker = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if data.range(of: marker) != nil { throw ImportError(.passwordProtectedWorkbook, at: .file(file)) }
            throw ImportError(.corruptLegacyWorkbook(error.message), at: .file(file))
        }
        if container.has("EncryptionInfo") { throw ImportError(.passwordProtectedWorkbook, at: .file(file)) }
        var found: [UInt8]?
        do {
            found = try container.stream("Workbook")
            // "Book" is the stream's name in Excel 5/95 workbooks.
            if found == nil { found = try container.stream("Book") }
        } catch {
            throw ImportError(.corruptLegacyWorkbook(error.message), at: .file(file))
        }
        guard let stream = found else {
            if container.has("WordDocument") { throw ImportError(.unsupportedFormat(.wordBinary), at: .file(file)) }
            throw ImportError(.corruptLegacyWorkbook(Message(chinese: "没有Workbook数据流", english: "it has no Workbook stream")), at: .file(file))
        }
        do {
            scan = try BIFFScan(stream)
        } catch .tooLarge(let reason) {
            throw ImportError(.workbookTooLarge(reason), at: .file(file))
        } catch {
            scan = nil
            context.notes.append(ImportNote(.inferred, at: .file(file), Message(
                chinese: "这是Excel 95或更早的工作簿：数字按“常规”格式显示，合并单元格未读取；请另存为.xlsx后再导入以核对",
                english: "this is an Excel 95 or older workbook: numbers are shown in the General format and merged cells were not read; save it as .xlsx and import that to check")))
        }
        do {
            book = try FreeXLBook(data: data)
        } catch {
            throw ImportError(.corruptLegacyWorkbook(error.reason), at: .file(file))
        }
        if book.isPasswordProtected { throw ImportError(.passwordProtectedWorkbook, at: .file(file)) }
    }

    /// The visible sheets, in order; hidden ones are listed in `hiddenSheets`.
    mutating func sheets(numbering: inout CellNumbering, _ context: inout ReadingContext) throws -> [Sheet] {
        var sheets: [Sheet] = []
        for (index, name) in book.sheetNames.enumerated() {
            // Matched by name: libfreexl may count only worksheets, the scan every sheet.
            let scanned = scan.flatMap { scan in scan.sheets.first { $0.name == name } ?? (scan.sheets.indices.contains(index) ? scan.sheets[index] : nil) }
            if let scanned, !scanned.visible {
                hiddenSheets.append(name)
                continue
            }
            let cells: [(row: Int, column: Int, value: FreeXLBook.Value)]
            do {
                cells = try book.cells(ofSheet: index)
            } catch {
                throw ImportError(.corruptLegacyWorkbook(error.reason), at: .file(file))
            }
            sheets.append(Sheet(name: name, rows: rows(cells, sheet: name, scanned, numbering: &numbering, &context)))
        }
        return sheets
    }

    private func rows(_ cells: [(row: Int, column: Int, value: FreeXLBook.Value)], sheet: String, _ scanned: BIFFScan.Sheet?,
                      numbering: inout CellNumbering, _ context: inout ReadingContext) -> [GridRow] {
        let merges = (scanned?.merges ?? []).map { WorksheetReader.Merge(firstRow: $0.firstRow, firstColumn: $0.firstColumn, lastRow: $0.lastRow, lastColumn: $0.lastColumn) }
        let covered = MergeCoverage.covered(rows: cells.map { $0.row + 1 }, columns: cells.map { $0.column + 1 }, merges)
        var byRow: [Int: [GridCell]] = [:]
        for (index, cell) in cells.enumerated() {
            let row = cell.row + 1, column = cell.column + 1
            let place = ImportPlace.cell(file: file, sheet: sheet, row: row, column: column)
            let shown = display(cell.value, scanned?.numbers[BIFFScan.Position(row: cell.row, column: cell.column)], place, &context)
            let (text, removed) = InvisibleText.cleaned(shown.trimmedCell)
            if !removed.isEmpty { context.notes.append(InvisibleText.note(removed, at: place)) }
            byRow[row, default: []] += []
            guard !text.isEmpty else { continue }
            if covered.contains(index) {
                context.note(.unplaced, place, MergeCoverage.hidden(text))
                continue
            }
            byRow[row, default: []].append(GridCell(id: numbering.take(), text: text, column: column, place: place))
        }
        // Without the scan there is no merge information: the rows then read
        // like a paste, where an empty leading cell spans down.
        let sheetMerges = scanned.map { SheetMerges($0.merges) }
        return byRow.keys.sorted().map { row in
            GridRow(cells: (byRow[row] ?? []).sorted { $0.column < $1.column },
                    place: .cell(file: file, sheet: sheet, row: row, column: 1), merges: sheetMerges)
        }
    }

    /// A cell's text as Excel shows it. Numbers go through the same
    /// `ExcelNumberFormat` as the .xlsx path, from the shortest decimal that
    /// reads back as the stored double — what an .xlsx stores as text — so
    /// no digit is lost or invented on the way.
    private func display(_ value: FreeXLBook.Value, _ number: BIFFScan.NumberCell?, _ place: ImportPlace,
                         _ context: inout ReadingContext) -> String {
        if case .text(let text) = value { return text }
        let raw: String, code: String
        if let number {
            (raw, code) = (Self.shortest(number.value), number.format)
        } else {
            switch value {
            case .integer(let integer): (raw, code) = (String(integer), "General")
            case .double(let double): (raw, code) = (Self.shortest(double), "General")
            case .dateText(let text), .text(let text): return text
            }
        }
        let shown = ExcelNumberFormat(code: code).checkedDisplay(raw, date1904: scan?.date1904 ?? false)
        if let note = shown.note { context.note(.inferred, place, note) }
        return shown.text
    }

    /// The shortest decimal that reads back as `value` (Swift's description
    /// is that), without the ".0" of whole numbers.
    static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
