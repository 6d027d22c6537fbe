internal import CFreeXL
import Evaluation
import Foundation

/// One open libfreexl workbook: the only file that touches libfreexl's C
/// API, and the only owner of its handle (closed in `deinit`). Every call's
/// status is checked where it is made; no C type leaves this file.
///
/// libfreexl 1.0.6 opens files by path only, so the bytes are written to a
/// private temporary file first and removed when the book is closed. It
/// exposes cell values typed INT, DOUBLE, TEXT, SST_TEXT, DATE, DATETIME
/// and TIME — not the cells' number formats, and no merged ranges; those
/// come from `BIFFScan`.
final class FreeXLBook {
    enum Value {
        case integer(Int)
        case double(Double)
        case text(String)
        /// A date or time as libfreexl writes it ("2025-03-01"), used only
        /// when the BIFF scan found no stored number for the cell.
        case dateText(String)
    }

    struct Failure: Error {
        var reason: Message
    }

    private var handle: UnsafeRawPointer?
    private let temporary: URL

    init(data: Data) throws(Failure) {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("formprint-\(UUID().uuidString).xls")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
        } catch {
            throw Failure(reason: Message(chinese: "无法写入临时文件", english: "a temporary file cannot be written"))
        }
        var opened: UnsafeRawPointer?
        let status = freexl_open(temporary.path, &opened)
        guard status == FREEXL_OK, let opened else {
            if let opened { freexl_close(opened) }
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(reason: Self.reason(status))
        }
        handle = opened
    }

    deinit {
        if let handle { freexl_close(handle) }
        try? FileManager.default.removeItem(at: temporary)
    }

    /// Whether the workbook is protected by a password (libfreexl cannot
    /// read an encrypted workbook's cells).
    var isPasswordProtected: Bool {
        var value: UInt32 = 0
        return freexl_get_info(handle, UInt16(FREEXL_BIFF_PASSWORD), &value) == FREEXL_OK && value == UInt32(FREEXL_BIFF_OBFUSCATED)
    }

    var sheetNames: [String] {
        var count: UInt32 = 0
        guard freexl_get_info(handle, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK else { return [] }
        return (0..<min(Int(count), BIFFScan.maximumSheets)).map { index in
            var name: UnsafePointer<CChar>?
            guard freexl_get_worksheet_name(handle, UInt16(index), &name) == FREEXL_OK, let name else { return "Sheet\(index + 1)" }
            return String(cString: name)
        }
    }

    /// Every non-empty cell of sheet `index`, 0-based rows and columns, row
    /// by row; the sheet's size was checked by `BIFFScan` beforehand.
    func cells(ofSheet index: Int) throws(Failure) -> [(row: Int, column: Int, value: Value)] {
        var status = freexl_select_active_worksheet(handle, UInt16(index))
        guard status == FREEXL_OK else { throw Failure(reason: Self.reason(status)) }
        var rows: UInt32 = 0
        var columns: UInt16 = 0
        status = freexl_worksheet_dimensions(handle, &rows, &columns)
        guard status == FREEXL_OK else { throw Failure(reason: Self.reason(status)) }
        guard Int(rows) * Int(columns) <= BIFFScan.maximumPositions else {
            throw Failure(reason: Message(chinese: "工作表有\(rows)行×\(columns)列", english: "a sheet has \(rows) rows × \(columns) columns"))
        }
        var cells: [(row: Int, column: Int, value: Value)] = []
        for row in 0..<rows {
            for column in 0..<columns {
                var cell = FreeXL_CellValue()
                status = freexl_get_cell_value(handle, row, column, &cell)
                guard status == FREEXL_OK else { throw Failure(reason: Self.reason(status)) }
                let value: Value
                switch Int32(cell.type) {
                case FREEXL_CELL_INT: value = .integer(Int(cell.value.int_value))
                case FREEXL_CELL_DOUBLE: value = .double(cell.value.double_value)
                case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT:
                    guard let text = cell.value.text_value else { continue }
                    value = .text(String(cString: text))
                case FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
                    guard let text = cell.value.text_value else { continue }
                    value = .dateText(String(cString: text))
                default: continue
                }
                cells.append((Int(row), Int(column), value))
            }
        }
        return cells
    }

    /// libfreexl's status in FormPrint's words.
    private static func reason(_ status: Int32) -> Message {
        switch status {
        case FREEXL_INSUFFICIENT_MEMORY:
            Message(chinese: "内存不足", english: "there is not enough memory")
        case FREEXL_INVALID_CFBF_HEADER, FREEXL_CFBF_INVALID_SIGNATURE, FREEXL_CFBF_INVALID_SECTOR_SIZE:
            Message(chinese: "OLE文件头已损坏", english: "its OLE header is damaged")
        case FREEXL_CFBF_READ_ERROR, FREEXL_CFBF_SEEK_ERROR, FREEXL_CFBF_EMPTY_FAT_CHAIN, FREEXL_CFBF_ILLEGAL_FAT_ENTRY,
             FREEXL_INVALID_MINI_STREAM, FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
            Message(chinese: "文件不完整或扇区表已损坏", english: "the file is cut short or its sector table is damaged")
        case FREEXL_BIFF_INVALID_BOF, FREEXL_BIFF_WORKBOOK_NOT_FOUND:
            Message(chinese: "找不到工作簿数据流", english: "its workbook stream cannot be found")
        case FREEXL_BIFF_INVALID_SST, FREEXL_BIFF_ILLEGAL_SST_INDEX:
            Message(chinese: "共享字符串表已损坏", english: "its shared string table is damaged")
        case FREEXL_INVALID_CHARACTER, FREEXL_UNSUPPORTED_CHARSET:
            Message(chinese: "文字的编码无法识别", english: "its text is in an encoding that cannot be read")
        case FREEXL_CRAFTED_FILE:
            Message(chinese: "结构严重损坏", english: "its structure is severely damaged")
        default:
            Message(chinese: "libfreexl错误\(status)", english: "libfreexl error \(status)")
        }
    }
}
