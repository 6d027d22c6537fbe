import Foundation
import ZIPFoundation

/// A small .docx writer for tests: paragraphs (with a style) and tables
/// (cells with `w:gridSpan` and `w:vMerge`), in the WordprocessingML that
/// Word writes, over ZIPFoundation — so Word inputs need no binary fixture.
public struct DOCXDocument {
    public struct Cell {
        public var text: String
        public var span: Int
        /// "restart" or "continue".
        public var verticalMerge: String?

        public init(_ text: String, span: Int = 1, verticalMerge: String? = nil) {
            self.text = text
            self.span = span
            self.verticalMerge = verticalMerge
        }
    }

    public enum Block {
        case paragraph(String, style: String?)
        /// A paragraph's runs written as given (revisions, tabs, breaks).
        case rawParagraph(String)
        case table([[Cell]])
    }

    public var blocks: [Block] = []
    /// Paragraph styles (id, name) for styles.xml; Chinese Word gives its
    /// heading styles ids such as "1" and names such as "heading 1".
    public var styles: [(id: String, name: String)] = []

    public init() {}

    public mutating func paragraph(_ text: String, style: String? = nil) { blocks.append(.paragraph(text, style: style)) }
    public mutating func table(_ rows: [[Cell]]) { blocks.append(.table(rows)) }

    /// A pasted table document (the seed's shape) as Word would hold it: a
    /// line without tabs a paragraph, consecutive tabbed lines a table in
    /// which an empty leading cell continues the cell above (`w:vMerge`) and
    /// a row's last cell spans the empty cells after it (`w:gridSpan`) up to
    /// the widest row.
    public static func fromPaste(_ text: String) -> DOCXDocument {
        var document = DOCXDocument()
        var tableLines: [[String]] = []
        func flush() {
            guard !tableLines.isEmpty else { return }
            let width = tableLines.map(\.count).max() ?? 1
            var rows: [[Cell]] = []
            for (index, fields) in tableLines.enumerated() {
                let lastFilled = fields.lastIndex { !$0.isEmpty } ?? 0
                var row: [Cell] = []
                for (column, field) in fields.enumerated() where column <= lastFilled {
                    let leading = fields.prefix(column + 1).allSatisfy(\.isEmpty)
                    let span = column == lastFilled ? width - column : 1
                    row.append(Cell(field, span: span, verticalMerge: leading && index > 0 ? "continue" : nil))
                }
                rows.append(row)
            }
            // A cell that a row below continues starts the merge.
            for index in rows.indices.dropFirst() {
                var column = 0
                for cell in rows[index] {
                    if cell.verticalMerge == "continue" {
                        var above = index - 1
                        while above > 0, Self.cell(in: rows[above], at: column)?.verticalMerge == "continue" { above -= 1 }
                        Self.mark(&rows[above], at: column)
                    }
                    column += cell.span
                }
            }
            document.table(rows)
            tableLines = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.contains("\t") {
                tableLines.append(line.components(separatedBy: "\t"))
            } else {
                flush()
                document.paragraph(line)
            }
        }
        flush()
        return document
    }

    private static func cell(in row: [Cell], at column: Int) -> Cell? {
        var start = 0
        for cell in row {
            if start == column { return cell }
            start += cell.span
        }
        return nil
    }

    private static func mark(_ row: inout [Cell], at column: Int) {
        var start = 0
        for index in row.indices {
            if start == column, row[index].verticalMerge == nil { row[index].verticalMerge = "restart" }
            start += row[index].span
        }
    }

    public func data() throws -> Data {
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let text, let style):
                body += paragraphXML(text, style: style)
            case .rawParagraph(let runs):
                body += "<w:p>\(runs)</w:p>"
            case .table(let rows):
                body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
                for row in rows {
                    body += "<w:tr>"
                    for cell in row {
                        var properties = ""
                        if cell.span > 1 { properties += "<w:gridSpan w:val=\"\(cell.span)\"/>" }
                        if let merge = cell.verticalMerge { properties += merge == "continue" ? "<w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>" }
                        let paragraphs = cell.verticalMerge == "continue" ? "<w:p/>"
                            : cell.text.components(separatedBy: "\n").map { paragraphXML($0, style: nil) }.joined()
                        body += "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraphs)</w:tc>"
                    }
                    body += "</w:tr>"
                }
                body += "</w:tbl><w:p/>"
            }
        }
        let styleXML = styles.map { #"<w:style w:type="paragraph" w:styleId="\#(escape($0.id))"><w:name w:val="\#(escape($0.name))"/></w:style>"# }.joined()
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
            """#),
            ("_rels/.rels", #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """#),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(w)><w:body>\(body)<w:sectPr/></w:body></w:document>"),
            ("word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles \(w)>\(styleXML)</w:styles>"),
        ]
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private func paragraphXML(_ text: String, style: String?) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\(escape($0))\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
