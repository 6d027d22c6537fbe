import Evaluation
/// Where an imported value (or a problem) is in the file it came from:
/// line and column for text, sheet, row and column for workbooks — so a
/// message can send the person straight to the cell (`自评表.xlsx 项目自评表!B4`,
/// as the officer's spreadsheet names it, in both languages).
package enum ImportPlace: Sendable, Hashable, CustomStringConvertible {
    /// A line and column of a text file (both 1-based; the column counts
    /// characters, a tab counting as one).
    case text(file: String, line: Int, column: Int)
    /// A cell of a workbook sheet (row and column 1-based).
    case cell(file: String, sheet: String, row: Int, column: Int)
    /// A cell of a Word document's table: the table's number in the
    /// document, the row, and the column in the table's grid (a cell
    /// spanning columns counts them all), all 1-based.
    case tableCell(file: String, table: Int, row: Int, column: Int)
    /// A paragraph of a Word document outside its tables (1-based, counting
    /// the document's paragraphs outside tables).
    case paragraph(file: String, number: Int)
    /// The file as a whole.
    case file(String)

    package var file: String {
        switch self {
        case .text(let file, _, _), .cell(let file, _, _, _), .tableCell(let file, _, _, _), .paragraph(let file, _), .file(let file): file
        }
    }

    package var description: String {
        switch self {
        case .text(let file, let line, let column):
            "\(file):\(line):\(column)"
        case .cell(let file, let sheet, let row, let column):
            "\(file) \(sheet)!\(Self.columnName(column))\(row)"
        case .tableCell(let file, let table, let row, let column):
            "\(file) 表\(table) 第\(row)行第\(column)列"
        case .paragraph(let file, let number):
            "\(file) 第\(number)段"
        case .file(let file):
            file
        }
    }

    /// The cell in `column` of the row at `place`.
    static func at(_ place: ImportPlace, column: Int) -> ImportPlace {
        switch place {
        case .cell(let file, let sheet, let row, _): return .cell(file: file, sheet: sheet, row: row, column: column)
        case .tableCell(let file, let table, let row, _): return .tableCell(file: file, table: table, row: row, column: column)
        default: return place
        }
    }

    /// The short form used inside messages: "line 12" (第12行) or "项目!B7".
    package var short: Message {
        switch self {
        case .text(_, let line, _): Message(chinese: "第\(line)行", english: "line \(line)")
        case .cell(_, let sheet, let row, let column): Message(chinese: "\(sheet)!\(Self.columnName(column))\(row)", english: "\(sheet)!\(Self.columnName(column))\(row)")
        case .tableCell(_, let table, let row, let column):
            Message(chinese: "表\(table)第\(row)行第\(column)列", english: "table \(table), row \(row), column \(column)")
        case .paragraph(_, let number): Message(chinese: "第\(number)段", english: "paragraph \(number)")
        case .file: Message(chinese: "文件中", english: "the file")
        }
    }

    /// Spreadsheet column letters: 1 → A, 27 → AA.
    package static func columnName(_ column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(UnicodeScalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }
}
