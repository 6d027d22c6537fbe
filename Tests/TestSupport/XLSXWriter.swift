import Foundation
import ZIPFoundation

/// A small .xlsx writer for test fixtures: the parts Excel writes (content
/// types, relationships, workbook, shared strings, styles, sheets with
/// merged ranges), zipped with ZIPFoundation. Tests build their workbooks
/// with it instead of committing binary files.
public struct XLSXWorkbook {
    public enum Value {
        /// A shared string (what Excel writes for text).
        case text(String)
        /// An inline string (what some generators write).
        case inlineText(String)
        /// A number as stored, e.g. "0.8106".
        case number(String)
        case bool(Bool)
        /// A formula with the value Excel computed last (nil: never computed).
        case formula(String, cached: String?)
    }

    public struct Cell {
        public var value: Value
        /// A number format code; nil is General.
        public var format: String?
    }

    /// Formats Excel has built in (written by id, not as custom formats),
    /// so the reader's table of built-in formats is exercised too.
    static let builtInFormats = ["0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10]

    public struct Sheet {
        public var name: String
        public var cells: [String: Cell] = [:]
        public var merges: [String] = []
        /// `<col width>` per 1-based column, in Excel character units.
        public var columnWidths: [Int: String] = [:]
        /// `<pageSetup orientation>`; nil writes none.
        public var landscape: Bool?

        public init(name: String) { self.name = name }

        public mutating func set(_ reference: String, _ value: Value, format: String? = nil) {
            cells[reference] = Cell(value: value, format: format)
        }

        public mutating func text(_ reference: String, _ text: String) { set(reference, .text(text)) }

        public mutating func merge(_ range: String) { merges.append(range) }
    }

    public var sheets: [Sheet]
    public var date1904 = false
    /// Parts whose text replaces what the writer would write (for damaged fixtures).
    public var partOverrides: [String: String] = [:]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    public func data() throws -> Data {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let index = stringIndex[text] { return index }
            strings.append(text)
            stringIndex[text] = strings.count - 1
            return strings.count - 1
        }
        // Style 0 is General; each other format gets the next style index.
        var formats: [String] = []
        for sheet in sheets {
            for cell in sheet.cells.values {
                if let format = cell.format, !formats.contains(format) { formats.append(format) }
            }
        }
        formats.sort()
        var parts: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheetXML(sheet, formats: formats, shared: shared)))
        }
        parts.append(("xl/sharedStrings.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(strings.count)" uniqueCount="\(strings.count)">\
            \(strings.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined())</sst>
            """))
        parts.append(("xl/styles.xml", stylesXML(formats)))
        parts.append(("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\
            \(sheets.enumerated().map { "<sheet name=\"\(escape($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())\
            </sheets></workbook>
            """))
        let sheetRelationships = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        let n = sheets.count
        parts.append(("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheetRelationships)\
            <Relationship Id="rId\(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId\(n + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            </Relationships>
            """))
        parts.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """))
        let overrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        parts.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(overrides)\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            </Types>
            """))
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.reversed() {
            let bytes = Data((partOverrides[path] ?? text).utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    private func stylesXML(_ formats: [String]) -> String {
        var custom: [(id: Int, code: String)] = []
        var xfs = ["<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"]
        for format in formats {
            let id = Self.builtInFormats[format] ?? {
                custom.append((164 + custom.count, format))
                return custom.last!.id
            }()
            xfs.append("<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>")
        }
        let numFmts = custom.isEmpty ? "" : "<numFmts count=\"\(custom.count)\">"
            + custom.map { "<numFmt numFmtId=\"\($0.id)\" formatCode=\"\(escape($0.code))\"/>" }.joined() + "</numFmts>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\(numFmts)\
            <fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>\
            <fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
            <borders count="1"><border/></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(xfs.count)">\(xfs.joined())</cellXfs></styleSheet>
            """
    }

    private func sheetXML(_ sheet: Sheet, formats: [String], shared: (String) -> Int) -> String {
        func position(_ reference: String) -> (row: Int, column: Int) {
            let letters = reference.prefix { $0.isLetter }
            let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
            return (Int(reference.dropFirst(letters.count))!, column)
        }
        let byRow = Dictionary(grouping: sheet.cells.keys, by: { position($0).row })
        var rows = ""
        for row in byRow.keys.sorted() {
            rows += "<row r=\"\(row)\">"
            for reference in byRow[row]!.sorted(by: { position($0).column < position($1).column }) {
                let cell = sheet.cells[reference]!
                let style = cell.format.flatMap { formats.firstIndex(of: $0) }.map { " s=\"\($0 + 1)\"" } ?? ""
                switch cell.value {
                case .text(let text): rows += "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(shared(text))</v></c>"
                case .inlineText(let text): rows += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                case .number(let number): rows += "<c r=\"\(reference)\"\(style)><v>\(number)</v></c>"
                case .bool(let value): rows += "<c r=\"\(reference)\"\(style) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
                case .formula(let formula, let cached):
                    rows += "<c r=\"\(reference)\"\(style)><f>\(escape(formula))</f>\(cached.map { "<v>\($0)</v>" } ?? "")</c>"
                }
            }
            rows += "</row>"
        }
        let merges = sheet.merges.isEmpty ? "" : "<mergeCells count=\"\(sheet.merges.count)\">"
            + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        let columns = sheet.columnWidths.isEmpty ? "" : "<cols>" + sheet.columnWidths.keys.sorted().map {
            "<col min=\"\($0)\" max=\"\($0)\" width=\"\(sheet.columnWidths[$0]!)\" customWidth=\"1\"/>"
        }.joined() + "</cols>"
        let pageSetup = sheet.landscape.map { "<pageSetup paperSize=\"9\" orientation=\"\($0 ? "landscape" : "portrait")\"/>" } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\(columns)<sheetData>\(rows)</sheetData>\(merges)\(pageSetup)</worksheet>
            """
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
