import Evaluation
import Foundation
import Support

/// A layout as the learner found it, before it is written as a layout file:
/// the same parts as `Layouts/README.md` describes, in plain values.
struct LearnedLayout {
    struct Cell {
        /// Fixed text or a template ("{project.name}", "评价等级：{project.grade}").
        var text: String?
        /// A column of the repeated list.
        var field: String?
        var span = 1
        var rows = 1
        var rowsAll = false
        var style: String?
        var merge = false
        var format: String?
        var formula: String?
        var view: String?

        static func text(_ text: String, span: Int = 1, rows: Int = 1, style: String? = nil) -> Cell {
            Cell(text: text, span: span, rows: rows, style: style)
        }
    }

    struct Block {
        var side: Cell?
        var header: [[Cell]] = []
        var rows: [[Cell]] = []
        var each: String?
        var row: [Cell] = []
        var totalRow: [Cell]?
        var order: String?
    }

    struct Signature {
        var label: String
        var value: String?
    }

    var id: String
    var document: DocumentKind
    var name: String
    var origin: String
    var landscape: Bool
    var margins: (top: Decimal, bottom: Decimal, left: Decimal, right: Decimal)
    /// mm, left to right.
    var columns: [Decimal]
    var title: [(text: String, style: String)]
    var continuedTitle: [(text: String, style: String)]
    var blocks: [Block]
    var footer: [[Signature]]
    var fields: [FieldDeclaration]

    /// The layout file's text (format: Layouts/README.md).
    var yaml: String {
        var out = """
            # Learned by `formprint layouts learn` from \(origin).
            # Check the labels, the fields each value cell is bound to, the
            # widths and the title lines against the printed template.
            formprint-layout: 1
            id: \(id)
            document: \(document.rawValue)
            name: \(YAMLScalar.quoted(name))
            origin: \(YAMLScalar.quoted(origin))

            page:
              size: \(landscape ? "A4-landscape" : "A4")
              margins: {top: \(margins.top)mm, bottom: \(margins.bottom)mm, left: \(margins.left)mm, right: \(margins.right)mm}

            styles:
              title:      {family: song, bold: true, size: 16pt, align: center}
              subtitle:   {family: song, size: 10.5pt, align: center}
              label:      {family: song, size: 10pt, align: center}
              text:       {family: song, size: 10pt, align: left}
              number:     {family: song, size: 10pt, align: right}
              value:      {family: song, size: 10pt, align: center}
              continued:  {family: song, size: 10pt, align: left}
              footer:     {family: song, size: 10.5pt, align: left}
              pageNumber: {family: song, size: 9pt, align: center}

            """
        if !fields.isEmpty {
            out += "fields:\n"
            for level in FieldLevel.allCases {
                let declared = fields.filter { $0.level == level }
                guard !declared.isEmpty else { continue }
                out += "  \(level.rawValue):\n"
                for field in declared {
                    out += "    - {key: \(field.key), label: \(YAMLScalar.quoted(field.label)), kind: \(field.kind.rawValue)}\n"
                }
            }
            out += "\n"
        }
        out += "table:\n  title:\n"
        for line in title { out += "    - {text: \(YAMLScalar.quoted(line.text)), style: \(line.style), spaceAfter: 1.5mm}\n" }
        out += "  continuedTitle:\n"
        for line in continuedTitle { out += "    - {text: \(YAMLScalar.quoted(line.text)), style: \(line.style), spaceAfter: 1.5mm}\n" }
        out += "  columns: [\(columns.map { "\($0)mm" }.joined(separator: ", "))]\n"
        out += """
              padding: {horizontal: 1.2mm, vertical: 1mm}
              rule: 0.5pt
              minRowHeight: 6.5mm
              cellStyle: label
              blocks:

            """
        for block in blocks {
            var lead = "    - "
            func line(_ text: String) {
                out += lead + text + "\n"
                lead = "      "
            }
            if let side = block.side { line("side: \(Self.cell(side))") }
            if !block.header.isEmpty {
                line("header:")
                for row in block.header { out += "        - [\(row.map(Self.cell).joined(separator: ", "))]\n" }
            }
            if !block.rows.isEmpty {
                line("rows:")
                for row in block.rows { out += "        - [\(row.map(Self.cell).joined(separator: ", "))]\n" }
            }
            if let each = block.each {
                line("each: \(each)")
                if let order = block.order { line("order: \(order)") }
                if let total = block.totalRow {
                    line("totalRow:")
                    for cell in total { out += "        - \(Self.cell(cell))\n" }
                }
                line("row:")
                for cell in block.row { out += "        - \(Self.cell(cell))\n" }
            }
        }
        if !footer.isEmpty {
            out += "  footer:\n"
            for signatures in footer {
                out += "    - signatures:\n"
                for field in signatures {
                    let value = field.value.map { ", value: \(YAMLScalar.quoted($0)), line: 30mm" } ?? ", line: 0mm"
                    out += "        - {label: \(YAMLScalar.quoted(field.label))\(value)}\n"
                }
                out += "      style: footer\n      spaceBefore: 1.5mm\n"
            }
        }
        out += "  pageNumber: {format: \"第 {page} 页 共 {pages} 页\", style: pageNumber, gap: 5mm}\n"
        return out
    }

    static func cell(_ cell: Cell) -> String {
        var parts: [String] = []
        if let field = cell.field { parts.append("field: \(field)") }
        if let text = cell.text { parts.append("text: \(YAMLScalar.quoted(text))") }
        if cell.span > 1 { parts.append("span: \(cell.span)") }
        if cell.rowsAll { parts.append("rows: all") } else if cell.rows > 1 { parts.append("rows: \(cell.rows)") }
        if cell.merge { parts.append("merge: true") }
        if let view = cell.view { parts.append("view: \(view)") }
        if let style = cell.style { parts.append("style: \(style)") }
        if let format = cell.format { parts.append("format: \(format)") }
        if let formula = cell.formula { parts.append("formula: \(YAMLScalar.quoted(formula))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
