import Evaluation
import FormPrint
import Foundation
import ZIPFoundation

/// How large an input the desk takes: a pasted table of so many lines,
/// columns and cells; a workbook of so many sheets and unpacked bytes.
/// Checked when the input arrives, before anything is stored, imported or
/// drawn: an 8 MB paste of empty lines is 8 million rows of a page, and a
/// small workbook can unpack into gigabytes of sheets.
package struct InputLimits: Sendable, Equatable {
    /// A county's forms, even a department's whole evaluation, are a few
    /// hundred lines of at most a few dozen columns.
    package var rows = 3_000
    package var columns = 64
    package var cells = 60_000
    /// The official workbooks have a handful of sheets.
    package var sheets = 32
    package var unpackedBytes = 48 << 20

    package init() {}

    /// What was over a limit, and the limit.
    package enum Excess: Sendable, Equatable {
        case rows(Int, limit: Int), columns(Int, limit: Int), cells(Int, limit: Int)
        case sheets(Int, limit: Int), unpacked(limit: Int)

        package var message: Message {
            let split = Message(chinese: "请只复制表格所在的区域（不要整行或整列选中），或把材料分成几份，每份一张表，分别粘贴或上传。",
                                english: "Copy only the cells of the form (not whole rows or columns), or split the input into several, one form each, and paste or upload them one by one.")
            let workbook = Message(chinese: "请删去与自评无关的工作表，或把各张自评表另存为单独的工作簿，分别上传。",
                                   english: "Delete the sheets that are not part of the self-evaluation, or save each form as a workbook of its own and upload them one by one.")
            let (what, how): (Message, Message) = switch self {
            case .rows(let count, let limit):
                (Message(chinese: "粘贴的表格有 \(count) 行以上，超过网页可以检查和显示的 \(limit) 行。",
                         english: "The pasted table has \(count) lines or more, over the \(limit) lines the desk checks and shows."), split)
            case .columns(let count, let limit):
                (Message(chinese: "粘贴的表格有一行 \(count) 列，超过网页可以检查和显示的 \(limit) 列。",
                         english: "A line of the pasted table has \(count) columns, over the \(limit) columns the desk checks and shows."), split)
            case .cells(let count, let limit):
                (Message(chinese: "粘贴的表格有 \(count) 个单元格以上，超过网页可以检查和显示的 \(limit) 个。",
                         english: "The pasted table has \(count) cells or more, over the \(limit) cells the desk checks and shows."), split)
            case .sheets(let count, let limit):
                (Message(chinese: "工作簿有 \(count) 张工作表，超过网页可以检查的 \(limit) 张。",
                         english: "The workbook has \(count) sheets, over the \(limit) sheets the desk checks."), workbook)
            case .unpacked(let limit):
                (Message(chinese: "工作簿解压后超过 \(limit >> 20) MB，超过网页可以检查的大小。",
                         english: "The workbook unpacks to more than \(limit >> 20) MB, more than the desk checks."), workbook)
            }
            return Message(chinese: what.chinese + how.chinese, english: what.english + " " + how.english)
        }
    }

    /// Whether `data`, read as `kind`, is over a limit. A pasted table is
    /// measured as the desk draws it (its text, one line a row and one tab
    /// between cells), without building the grid.
    package func excess(_ data: Data, kind: InputKind) -> Excess? {
        switch kind {
        case .pasted: excess(pasted: PastedText.text(data))
        case .workbook, .document: excess(workbook: data)
        // An .xls declares each sheet's size, which its reader checks against
        // the importer's limits before it allocates anything.
        case .legacyWorkbook, .yaml, .json: nil
        }
    }

    func excess(pasted text: String) -> Excess? {
        var rows = 1, columns = 1, cells = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                cells += columns
                rows += 1
                columns = 1
                if rows > self.rows { return .rows(rows, limit: self.rows) }
            case UInt8(ascii: "\t"):
                columns += 1
                if columns > self.columns { return .columns(columns, limit: self.columns) }
            default:
                break
            }
            if cells + columns > self.cells { return .cells(cells + columns, limit: self.cells) }
            previous = byte
        }
        return nil
    }

    /// Counts the worksheets from the ZIP's directory, then unpacks every
    /// part once, counting the bytes as they come (a directory may say
    /// less than a part holds), and stops at the limit. Anything that is
    /// no workbook is left to the importer to say so.
    func excess(workbook data: Data) -> Excess? {
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return nil }
        let sheets = archive.filter { $0.path.hasPrefix("xl/worksheets/") && $0.path.hasSuffix(".xml") && !$0.path.contains("/_rels/") }.count
        if sheets > self.sheets { return .sheets(sheets, limit: self.sheets) }
        var unpacked = 0
        struct OverLimit: Error {}
        for entry in archive where entry.type == .file {
            do {
                _ = try archive.extract(entry, skipCRC32: true) { chunk in
                    unpacked += chunk.count
                    if unpacked > unpackedBytes { throw OverLimit() }
                }
            } catch is OverLimit {
                return .unpacked(limit: unpackedBytes)
            } catch {
                return nil
            }
        }
        return nil
    }
}

/// A pasted table's bytes as text, decoded as the importer decodes them
/// (UTF-8, UTF-16 with its mark, GB18030), else as UTF-8.
package enum PastedText {
    package static func text(_ data: Data) -> String {
        (try? TextDecoder.decode(data, file: InputKind.pasted.fileName).text) ?? String(decoding: data, as: UTF8.self)
    }
}
