import Evaluation
import Foundation
import Support
import ZIPFoundation

/// A minimal .xlsx (Office Open XML) writer for FormPrint's reports: sheets
/// of text and numbers, a bold frozen header row with filters, column
/// widths. Inline strings, no shared-string table; every entry with one
/// fixed timestamp, so identical reports are identical bytes. Every text
/// cell is neutralised against formula injection (`SpreadsheetText`, as
/// for summary.csv).
package struct SpreadsheetWriter {
    package struct Sheet {
        package var name: String
        package var header: [String]
        package var rows: [[Cell]]
        /// The widest each column may be, in characters (Excel's unit); a
        /// column is as wide as its longest text (`fittedWidths`), up to
        /// this, and longer text wraps in a taller row.
        package var widths: [Double]

        package init(name: String, header: [String], rows: [[Cell]], widths: [Double]) {
            self.name = name
            self.header = header
            self.rows = rows
            self.widths = widths
        }

        /// Each column as wide as its widest cell or header (a CJK
        /// character counting two units, as in 宋体 11pt), at most `widths`.
        var fittedWidths: [Double] {
            widths.indices.map { index in
                var widest = SpreadsheetWriter.lineUnits(header[index]).widest
                for row in rows where index < row.count { widest = max(widest, SpreadsheetWriter.lineUnits(row[index].text).widest) }
                return min(widths[index], max(Double(SpreadsheetWriter.units(header[index])) + 4, Double(widest) + 2))
            }
        }
    }

    package enum Cell {
        case text(String)
        case number(String)

        package var text: String {
            switch self {
            case .text(let text), .number(let text): text
            }
        }
    }

    /// A text's width in Excel's units: a CJK (or other wide) character
    /// takes two, any other one (a line break too).
    package static func units(_ text: some StringProtocol) -> Int { lineUnits(text).total }

    /// A text's widths in one pass over its UTF-8 bytes: the widest line's
    /// units, how many lines it takes wrapped at `room` units (a line of n
    /// units takes ⌈n ÷ room⌉, an empty one one), and the whole text's units.
    /// The lines are the pieces between the Characters "\n": "\r\n" is one
    /// other Character, so it does not end a line. A scalar from U+1100 up
    /// is a lead byte E1 followed by 84 or more, or a lead byte E2 or above.
    static func lineUnits(_ text: some StringProtocol, room: Int = .max) -> (widest: Int, wrapped: Int, total: Int) {
        var widest = 0, wrapped = 0, line = 0, total = 0
        func endLine() {
            widest = max(widest, line)
            wrapped += max(1, line / room + (line % room == 0 ? 0 : 1))
            total += line
            line = 0
        }
        var bytes = text.utf8.makeIterator()
        var previous: UInt8 = 0
        while let byte = bytes.next() {
            defer { previous = byte }
            switch byte {
            case 0x0A where previous != 0x0D:
                endLine()
                total += 1
            case 0x80...0xBF: continue
            case 0xE1:
                // The byte after E1 is a continuation byte, never "\n".
                line += (bytes.next() ?? 0) >= 0x84 ? 2 : 1
            case 0xE2...0xFF: line += 2
            default: line += 1
            }
        }
        endLine()
        return (widest, wrapped, total)
    }

    /// The height of a row whose cells wrap in `widths`: 14.25 pt a line
    /// (Excel's for an 11 pt font), nil for a row of single lines. Written
    /// out, because LibreOffice does not grow a row for wrapped text on
    /// opening an .xlsx.
    static func height(_ row: [Cell], widths: [Double]) -> Double? {
        let lines = row.enumerated().map { index, cell -> Int in
            guard index < widths.count, case .text(let text) = cell else { return 1 }
            return lineUnits(text, room: max(1, Int(widths[index]) - 1)).wrapped
        }.max() ?? 1
        return lines > 1 ? Double(lines) * 14.25 : nil
    }

    static let timestamp = Date(timeIntervalSince1970: 946_684_800)

    package static func data(_ sheets: [Sheet]) throws -> Data {
        var entries: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelations(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() { entries.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))) }
        let archive = try Archive(accessMode: .create)
        for (path, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                                 compressionMethod: .deflate) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        guard let bytes = archive.data else {
            throw FormPrintError.unwritableReport(Message(chinese: "工作簿压缩包没有内容", english: "the workbook archive has no bytes"))
        }
        return bytes
    }

    static func contentTypes(_ count: Int) -> String {
        let sheets = (1...max(1, count)).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\(sheets)</Types>
            """
    }

    static func workbook(_ sheets: [Sheet]) -> String {
        let list = sheets.enumerated().map { "<sheet name=\"\(MarkupEscaping.xml($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        // Filters, and the header row printed at the top of every page.
        let filters = sheets.enumerated().map { index, sheet in
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">'\(MarkupEscaping.xml(sheet.name))'!$A$1:$\(column(sheet.header.count))$\(sheet.rows.count + 1)</definedName>"
                + "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">'\(MarkupEscaping.xml(sheet.name))'!$1:$1</definedName>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(list)</sheets><definedNames>\(filters)</definedNames></workbook>
            """
    }

    static func workbookRelations(_ count: Int) -> String {
        let sheets = (0..<count).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheets)<Relationship Id="rId\(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """
    }

    /// Style 1: the bold, shaded header; style 2: wrapped text, top-aligned;
    /// style 3: a number, top-aligned beside wrapped text. Every cell has a
    /// thin border, so the printed list has its grid in any office suite
    /// (besides `printOptions gridLines`, which not every one honours).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill></fills><borders count="2"><border/><border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom></border></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf/><xf fontId="1" fillId="2" borderId="1" applyFont="1" applyFill="1" applyBorder="1"/><xf borderId="1" applyAlignment="1" applyBorder="1"><alignment wrapText="1" vertical="top"/></xf><xf borderId="1" applyAlignment="1" applyBorder="1"><alignment vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    static func worksheet(_ sheet: Sheet) -> String {
        let widths = sheet.fittedWidths
        let columns = widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined()
        var rows = "<row r=\"1\">" + sheet.header.enumerated().map { index, text in
            "<c r=\"\(column(index + 1))1\" t=\"inlineStr\" s=\"1\"><is><t>\(MarkupEscaping.xml(text))</t></is></c>"
        }.joined() + "</row>"
        for (r, row) in sheet.rows.enumerated() {
            rows += "<row r=\"\(r + 2)\"" + (height(row, widths: widths).map { " ht=\"\($0)\" customHeight=\"1\"" } ?? "") + ">"
            for (c, cell) in row.enumerated() {
                let reference = "\(column(c + 1))\(r + 2)"
                switch cell {
                case .text(let text) where text.isEmpty: continue
                case .text(let text):
                    rows += "<c r=\"\(reference)\" t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\">\(MarkupEscaping.xml(SpreadsheetText.neutralised(text)))</t></is></c>"
                case .number(let number):
                    rows += "<c r=\"\(reference)\" s=\"3\"><v>\(MarkupEscaping.xml(number))</v></c>"
                }
            }
            rows += "</row>"
        }
        let last = "\(column(sheet.header.count))\(sheet.rows.count + 1)"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>\(columns)</cols><sheetData>\(rows)</sheetData><autoFilter ref="A1:\(last)"/><printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>
            """
    }

    package static func column(_ number: Int) -> String {
        var number = number, letters = ""
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
