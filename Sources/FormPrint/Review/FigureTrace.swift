import Evaluation
import Foundation
import Importing
import InputReading
import Layout

/// What became of one value between the officer's file and the page
/// (`formprint validate --explain PATH`): the text at its place in the file,
/// what FormPrint read, the notes the import made there, and what each form
/// prints for it with the rule applied. The same rules as
/// `FigureConservation`, which the tests assert for every corpus.
package struct FigureTrace: Sendable, HasMessage {
    package struct Printed: Sendable {
        package var document: String
        package var layout: String
        package var text: String
        package var rule: Message
    }

    package var path: String
    /// Where the value is in the file, as the officer names it.
    package var place: String?
    /// The file's own text there (a YAML line, a cell).
    package var written: String?
    package var read: String
    package var notes: [Message]
    package var printed: [Printed]

    package var message: Message {
        func lines(_ language: Language) -> String {
            let say = { (chinese: String, english: String) in language == .chinese ? chinese : english }
            var lines = [path]
            if let place { lines.append(say("  位置  ", "  place    ") + place) }
            lines.append(say("  原文  ", "  written  ") + (written.map { "“\($0)”" } ?? say("（文件中没有逐格对应的原文）", "(no single place in the file)")))
            lines.append(say("  读作  ", "  read     ") + "“\(read)”")
            for note in notes { lines.append(say("  提示  ", "  note     ") + note.text(in: language)) }
            if printed.isEmpty { lines.append(say("  打印  所选表样都不打印这个字段", "  printed  no chosen layout prints this field")) }
            for form in printed {
                lines.append(say("  打印  ", "  printed  ") + "\(form.document)（\(form.layout)）：“\(form.text)” — " + form.rule.text(in: language))
            }
            return lines.joined(separator: "\n")
        }
        return Message(chinese: lines(.chinese), english: lines(.english))
    }

    /// Whether an import note's place is the value's location.
    static func isAt(_ place: ImportPlace, _ location: SourceLocation) -> Bool {
        switch place {
        case .cell: place.description == location.place
        case .text(let file, let line, _): file == location.file && line == location.line
        case .tableCell(let file, _, let row, let column): file == location.file && row == location.line && column == location.column
        case .paragraph, .file: false
        }
    }

    /// The rule that turns `read` into `printed`, or the word that it changed.
    static func rule(read: String, printed: String) -> Message {
        let read = read.trimmingCharacters(in: .whitespacesAndNewlines), shown = printed.trimmingCharacters(in: .whitespacesAndNewlines)
        if shown == read { return Message(chinese: "原样打印", english: "printed as written") }
        if MoneyDigits.twoDecimals(read) == shown {
            return Message(chinese: "金额栏按两位小数打印（没有丢掉任何数字）", english: "the money column's two decimals (no digit lost)")
        }
        if FigureConservation.conserves(written: read, printed: shown) {
            return Message(chinese: "该栏只打印这个值的一部分（如指标值中的数字）", english: "the column prints one part of the value (the number of a target, say)")
        }
        return Message(chinese: "与读作的值不同！请报告此问题", english: "DIFFERENT from the value read — please report this")
    }
}

extension UnitRenderer {
    /// The trace of the value at `path` (`projects[0].funds[1].executed`)
    /// in `data`, read as `render` reads it.
    package func trace(_ path: String, in data: Data, file: String, layouts requested: [DocumentKind: String] = [:],
                      lenient: Bool = false) throws -> FigureTrace {
        guard let fieldPath = FieldPath(parsing: path) else { throw FigureTraceError.notAPath(path) }
        var notes: [Message] = []
        var written: String?
        let document: UnitDocument
        if UnitFiles.isUnitFile(file) {
            document = try UnitFiles.read(data, file: file, layouts: try catalog.all(), lenient: lenient)
            if let location = document.source.location(of: fieldPath), location.line > 0 {
                let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                if lines.indices.contains(location.line - 1) { written = lines[location.line - 1].trimmingCharacters(in: .whitespaces) }
            }
        } else {
            let imported = try UnitImporter.importData(data, file: file, options: ImportOptions(layouts: try catalog.all()))
            if !lenient && !imported.unplaced.isEmpty { throw ImportError(.unplacedCells(imported.unplaced), at: .file(file)) }
            document = imported.document(file: file)
            let location = document.source.location(of: fieldPath)
            written = imported.writtenTexts[fieldPath]
            // Notes at the value's own cell, and its conversion from the
            // money unit its heading named.
            notes = imported.notes.filter { note in location.map { FigureTrace.isAt(note.place, $0) } == true }.map(\.message)
            if let conversion = imported.conversions[fieldPath] { notes.append(conversion.message) }
        }
        let unit = document.unit
        let read = unit.text(at: fieldPath)
        var printed: [FigureTrace.Printed] = []
        for planned in try catalog.plan(for: document, options: RenderOptions(layouts: requested)).documents
        where planned.instance.kind != .report {
            let instance = planned.instance, layout = planned.layout
            guard case .table(let table) = layout.body else { continue }
            let bound = TableBinder.bind(unit, instance, onto: layout, table: table)
            for (text, origin) in FigureConservation.printedTexts(of: bound) {
                guard case .unit(let printedPath) = origin, printedPath == fieldPath else { continue }
                printed.append(FigureTrace.Printed(document: instance.kind.chineseName, layout: layout.id, text: text,
                                                   rule: FigureTrace.rule(read: read, printed: text)))
            }
        }
        return FigureTrace(path: path, place: document.source.location(of: fieldPath)?.description, written: written, read: read,
                           notes: notes, printed: printed)
    }
}

/// A `--explain` argument that is not a field path.
package enum FigureTraceError: Error, Sendable, HasMessage {
    case notAPath(String)

    package var message: Message {
        switch self {
        case .notAPath(let text):
            .error(at: nil, chinese: "“\(text)”不是字段路径；请照 validate 的输出写，例如 projects[0].funds[1].executed",
                   english: "\(text) is not a field path; write it as validate prints it, e.g. projects[0].funds[1].executed")
        }
    }
}

extension UnitFiles {
    /// The trace of `fieldPath` in the input at `path`, read as `validate` reads it.
    package static func trace(_ fieldPath: String, inFileAt path: String, renderer: UnitRenderer,
                             layouts: [DocumentKind: String] = [:], lenient: Bool = false) throws -> FigureTrace {
        // The same limit and refusal of FIFOs and devices as every read.
        let data = try YAMLDocument.data(contentsOf: URL(fileURLWithPath: path))
        return try renderer.trace(fieldPath, in: data, file: path, layouts: layouts, lenient: lenient)
    }
}
