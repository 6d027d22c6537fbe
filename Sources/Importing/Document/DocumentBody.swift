import Evaluation
import Foundation

/// The body of a .docx (`word/document.xml`) as a sequence of paragraphs
/// and tables, with the text as Word shows it: inserted revisions (`w:ins`)
/// kept, deleted ones (`w:del`) left out, `w:tab` a tab, `w:br`/`w:cr` a
/// line break, and only one of a drawing's alternative contents
/// (`mc:Fallback` repeats `mc:Choice`'s text).
struct DocumentBody {
    enum Block {
        case paragraph(Paragraph)
        case table([Row])
    }

    struct Paragraph {
        var text: String
        var style: String?
        /// An outline level set on the paragraph itself (0 is level 1).
        var outlineLevel: Int?
    }

    struct Row {
        /// Grid columns left empty before the first cell (`w:gridBefore`).
        var gridBefore = 0
        var cells: [Cell] = []
    }

    struct Cell {
        /// The cell's paragraphs joined by "\n" (a nested table's too).
        var text = ""
        var gridSpan = 1
        enum VerticalMerge { case restart, `continue` }
        var verticalMerge: VerticalMerge?
    }

    /// More than any form or report holds; a hostile document is refused.
    static let maximumBlocks = 200_000
    static let maximumCells = 500_000

    private(set) var blocks: [Block] = []

    init(_ data: Data, file: String) throws {
        var blocks: [Block] = []
        var skipped = 0        // inside w:del or mc:Fallback
        var tableDepth = 0
        var runDepth = 0
        var inText = false
        var paragraph = Paragraph(text: "")
        var rows: [Row] = []
        var cell: Cell?
        var cellParagraphs: [String] = []
        var cells = 0
        var tooLarge = false
        try XMLEvents.parse(data, part: "word/document.xml", file: file, damaged: ImportError.Problem.corruptDocument, start: { name, attributes in
            if name == "del" || name == "Fallback" { skipped += 1 }
            guard skipped == 0 else { return }
            let value = XMLEvents.prefixedAttribute("val", in: attributes) ?? attributes["val"]
            switch name {
            case "p": paragraph = Paragraph(text: "")
            case "pStyle": paragraph.style = value
            case "outlineLvl": paragraph.outlineLevel = value.flatMap(Int.init)
            case "r": runDepth += 1
            case "t": inText = true
            case "tab" where runDepth > 0: paragraph.text += "\t"
            case "br" where runDepth > 0, "cr" where runDepth > 0: paragraph.text += "\n"
            case "tbl":
                tableDepth += 1
                if tableDepth == 1 { rows = [] }
            case "tr" where tableDepth == 1: rows.append(Row())
            case "gridBefore" where tableDepth == 1 && cell == nil:
                if !rows.isEmpty { rows[rows.count - 1].gridBefore = min(max(value.flatMap(Int.init) ?? 0, 0), 1_000) }
            case "tc" where tableDepth == 1:
                cell = Cell()
                cellParagraphs = []
            case "gridSpan" where tableDepth == 1: cell?.gridSpan = min(max(value.flatMap(Int.init) ?? 1, 1), 1_000)
            case "vMerge" where tableDepth == 1: cell?.verticalMerge = value == "restart" ? .restart : .continue
            default: break
            }
        }, end: { name in
            if name == "del" || name == "Fallback" {
                skipped -= 1
                return
            }
            guard skipped == 0 else { return }
            switch name {
            case "t": inText = false
            case "r": runDepth -= 1
            case "p":
                if tableDepth == 0 {
                    if blocks.count < Self.maximumBlocks { blocks.append(.paragraph(paragraph)) } else { tooLarge = true }
                } else {
                    cellParagraphs.append(paragraph.text)
                }
            case "tc" where tableDepth == 1:
                if var finished = cell, !rows.isEmpty {
                    finished.text = cellParagraphs.joined(separator: "\n")
                    cells += 1
                    if cells <= Self.maximumCells { rows[rows.count - 1].cells.append(finished) } else { tooLarge = true }
                }
                cell = nil
            case "tbl":
                if tableDepth == 1 {
                    if blocks.count < Self.maximumBlocks { blocks.append(.table(rows)) } else { tooLarge = true }
                }
                tableDepth -= 1
            default: break
            }
        }, text: { text in
            if skipped == 0 && inText { paragraph.text += text }
        })
        if tooLarge {
            throw ImportError(.documentTooLarge(Message(chinese: "超过\(Self.maximumBlocks)个段落和表格或\(Self.maximumCells)个表格单元格",
                                                        english: "it has more than \(Self.maximumBlocks) paragraphs and tables or \(Self.maximumCells) table cells")),
                              at: .file(file))
        }
        self.blocks = blocks
    }
}
