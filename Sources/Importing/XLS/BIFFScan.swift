import Evaluation

/// What libfreexl 1.0.x reads from an .xls but does not hand out, taken from
/// the BIFF8 records of the Workbook stream: each number cell's stored
/// value and number format (FORMAT and XF records; libfreexl only tells
/// dates from numbers), the merged ranges (MERGEDCELLS; libfreexl has no
/// merge API), each sheet's visibility, the 1904 date system, and the
/// sheets' declared sizes, checked against the limits before libfreexl
/// allocates its cell tables (it sizes them from the DIMENSIONS records).
///
/// Only record headers and fixed fields are read; strings stay libfreexl's.
/// Every field is read through `u16`/`u32`, which answer 0 past a record's
/// end, so a damaged record cannot stop the process.
struct BIFFScan {
    struct NumberCell {
        var value: Double
        var format: String
    }

    struct Sheet {
        var name: String
        var visible: Bool
        var numbers: [Position: NumberCell] = [:]
        var merges: [SheetMerges.Range] = []
        var cellRecords = 0
    }

    struct Position: Hashable {
        var row: Int, column: Int
    }

    enum Problem: Error {
        case notBIFF8
        case tooLarge(Message)
    }

    /// More than any form needs; a declared sheet larger than this is refused
    /// before libfreexl reserves a cell for every position in it.
    static let maximumPositions = 4_000_000
    static let maximumSheets = 256

    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false

    init(_ stream: [UInt8]) throws(Problem) {
        var formats: [Int: String] = [:]
        var xfFormats: [Int] = []
        var sheetOffsets: [Int: Int] = [:]
        var current: Int?
        var position = 0
        var first = true
        while position + 4 <= stream.count {
            let type = Self.u16(stream, position), length = Self.u16(stream, position + 2)
            let start = position + 4
            let record = Array(stream[start..<min(stream.count, start + length)])
            position = start + length
            if first {
                // BIFF8 opens with a BOF of version 0x0600; BIFF5 and older
                // (Excel 95) store formats differently and are not scanned.
                guard type == 0x0809, Self.u16(record, 0) == 0x0600 else { throw .notBIFF8 }
                first = false
                continue
            }
            switch type {
            case 0x0809:  // BOF of a sheet's substream
                current = sheetOffsets[start - 4]
            case 0x0022:  // DATEMODE
                date1904 = Self.u16(record, 0) == 1
            case 0x041E:  // FORMAT
                formats[Self.u16(record, 0)] = Self.unicodeString(record, at: 2, lengthBytes: 2)
            case 0x00E0:  // XF, numbered in order of appearance
                xfFormats.append(Self.u16(record, 2))
            case 0x0085:  // BOUNDSHEET8
                guard sheets.count < Self.maximumSheets else {
                    throw .tooLarge(Message(chinese: "超过\(Self.maximumSheets)个工作表", english: "it has more than \(Self.maximumSheets) sheets"))
                }
                sheetOffsets[Self.u32(record, 0)] = sheets.count
                let name = Self.unicodeString(record, at: 6, lengthBytes: 1)
                sheets.append(Sheet(name: name, visible: record.count > 4 && record[4] & 0x03 == 0))
            case 0x0200:  // DIMENSIONS, checked wherever it appears
                let rows = max(0, Self.u32(record, 4) - Self.u32(record, 0)), columns = max(0, Self.u16(record, 10) - Self.u16(record, 8))
                if rows.multipliedReportingOverflow(by: columns).partialValue > Self.maximumPositions || rows > 65_536 || columns > 256 {
                    throw .tooLarge(Message(chinese: "一个工作表声明了\(rows)行×\(columns)列", english: "a sheet declares \(rows) rows × \(columns) columns"))
                }
            case 0x0203, 0x027E, 0x0006:  // NUMBER, RK, FORMULA
                guard let sheet = current else { continue }
                let value: Double?
                switch type {
                case 0x0203: value = Self.double(record, 6)
                case 0x027E: value = Self.rk(Self.u32(record, 6))
                default:
                    // A formula's cached result is a number unless its last two bytes are 0xFFFF.
                    value = Self.u16(record, 12) == 0xFFFF ? nil : Self.double(record, 6)
                }
                try count(sheet)
                if let value {
                    let format = Self.format(xf: Self.u16(record, 4), xfFormats, formats)
                    sheets[sheet].numbers[Position(row: Self.u16(record, 0), column: Self.u16(record, 2))] = NumberCell(value: value, format: format)
                }
            case 0x00BD:  // MULRK: several RK cells of one row
                guard let sheet = current, record.count >= 6 else { continue }
                let row = Self.u16(record, 0), firstColumn = Self.u16(record, 2)
                for index in 0..<((record.count - 6) / 6) {
                    try count(sheet)
                    let at = 4 + index * 6
                    let format = Self.format(xf: Self.u16(record, at), xfFormats, formats)
                    sheets[sheet].numbers[Position(row: row, column: firstColumn + index)] = NumberCell(value: Self.rk(Self.u32(record, at + 2)), format: format)
                }
            case 0x00FD, 0x0204, 0x0201:  // LABELSST, LABEL, BLANK
                if let sheet = current { try count(sheet) }
            case 0x00E5:  // MERGEDCELLS
                guard let sheet = current else { continue }
                for index in 0..<min(Self.u16(record, 0), max(0, (record.count - 2) / 8)) {
                    let at = 2 + index * 8
                    guard sheets[sheet].merges.count < WorksheetReader.maximumMerges else {
                        throw .tooLarge(Message(chinese: "超过\(WorksheetReader.maximumMerges)个合并区域", english: "it has more than \(WorksheetReader.maximumMerges) merged ranges"))
                    }
                    sheets[sheet].merges.append(SheetMerges.Range(firstRow: Self.u16(record, at) + 1, firstColumn: Self.u16(record, at + 4) + 1,
                                                                  lastRow: Self.u16(record, at + 2) + 1, lastColumn: Self.u16(record, at + 6) + 1))
                }
            default:
                break
            }
        }
        if first { throw .notBIFF8 }
    }

    private mutating func count(_ sheet: Int) throws(Problem) {
        sheets[sheet].cellRecords += 1
        if sheets[sheet].cellRecords > WorksheetReader.maximumCells {
            throw .tooLarge(Message(chinese: "工作表“\(sheets[sheet].name)”超过\(WorksheetReader.maximumCells)个单元格",
                                    english: "the sheet '\(sheets[sheet].name)' has more than \(WorksheetReader.maximumCells) cells"))
        }
    }

    /// The format code of an XF: a workbook's own FORMAT, else Excel's built-in one.
    private static func format(xf: Int, _ xfFormats: [Int], _ formats: [Int: String]) -> String {
        guard xfFormats.indices.contains(xf) else { return "General" }
        let id = xfFormats[xf]
        return formats[id] ?? ExcelNumberFormat.builtIn(id) ?? "General"
    }

    /// An RK number: a 30-bit integer or the top 30 bits of a double, maybe
    /// divided by 100.
    static func rk(_ raw: Int) -> Double {
        let divided = raw & 1 != 0
        var value: Double
        if raw & 2 != 0 {
            value = Double(Int32(bitPattern: UInt32(raw & 0xFFFF_FFFC)) >> 2)
        } else {
            value = Double(bitPattern: UInt64(raw & 0xFFFF_FFFC) << 32)
        }
        if divided { value /= 100 }
        return value
    }

    /// An XLUnicodeString (BIFF8): a count of characters, a flags byte
    /// (bit 0: two bytes a character), then the characters.
    private static func unicodeString(_ record: [UInt8], at: Int, lengthBytes: Int) -> String {
        let count = lengthBytes == 1 ? (record.indices.contains(at) ? Int(record[at]) : 0) : u16(record, at)
        let flagsAt = at + lengthBytes
        guard record.indices.contains(flagsAt) else { return "" }
        let wide = record[flagsAt] & 1 != 0
        let start = flagsAt + 1
        if wide {
            let units = (0..<count).compactMap { index -> UInt16? in
                let at = start + index * 2
                return at + 2 <= record.count ? UInt16(record[at]) | UInt16(record[at + 1]) << 8 : nil
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(String.UnicodeScalarView(record[min(start, record.count)..<min(record.count, start + count)].map { Unicode.Scalar($0) }))
    }

    private static func double(_ record: [UInt8], _ at: Int) -> Double {
        guard at + 8 <= record.count else { return 0 }
        let bits = (0..<8).reduce(UInt64(0)) { $0 | UInt64(record[at + $1]) << (8 * UInt64($1)) }
        return Double(bitPattern: bits)
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    static func u32(_ bytes: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
}
