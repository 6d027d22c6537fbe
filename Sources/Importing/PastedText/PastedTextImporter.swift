import Evaluation
import Foundation

/// Imports tab-separated text as pasted from a spreadsheet, in the layout
/// of the seed (`the seed document `): several form tables, each under its
/// title line, then the narrative report under its title, one paragraph or
/// heading per line.
package enum PastedTextImporter {
    package static func importText(_ text: String, file: String, options: ImportOptions = ImportOptions()) throws -> ImportedUnit {
        let (text, cleaning) = InvisibleText.cleanedLines(text, file: file)
        let source = TabSeparatedLines(text: text, file: file)
        var numbering = CellNumbering()
        var assembler = try UnitAssembler(file: file, layouts: options.recognisedLayouts)
        var splitter = TableSplitter(starts: assembler.starts)
        var trimmer = GridTrimmer(starts: assembler.starts)
        var stray: [GridRow] = []
        var report: (title: GridCell, lines: [TextLine])?
        var index = 0
        while index < source.lines.count {
            if report != nil, !source.lines[index].contains("\t") {
                let raw = source.lines[index]
                let indent = raw.prefix { $0 == " " || $0 == "\u{3000}" }.count
                report!.lines.append(TextLine(text: String(raw), place: .text(file: file, line: index + 1, column: indent + 1)))
                index += 1
                continue
            }
            // An empty line (not one of tabs only, which is a template's
            // empty row) ends the grid of the form above it.
            if source.lines[index].isEmpty { trimmer.gap() }
            let (row, next) = source.row(at: index, numbering: &numbering)
            index = next
            if let title = row.soleText, FormTitle.kind(of: title) == .report, row.cells[0].column == 1 {
                if let finished = report { try assembler.readReport(title: finished.title, lines: finished.lines) }
                report = (row.cells[0], [])
                continue
            }
            if report != nil {
                // A tabbed line inside the report: a table pasted after it ends the report.
                if let title = row.soleText, FormTitle.kind(of: title) != nil {
                    try assembler.readReport(title: report!.title, lines: report!.lines)
                    report = nil
                } else {
                    let text = row.cells.map(\.text).joined(separator: " ")
                    report!.lines.append(TextLine(text: text, place: row.place))
                    continue
                }
            }
            if trimmer.belongsToForm(row) { splitter.feed(row) } else { stray.append(row) }
        }
        let (tables, loose) = splitter.finish()
        for table in tables { try assembler.read(table) }
        if let report { try assembler.readReport(title: report.title, lines: report.lines) }
        assembler.readLoose(loose, where: .outsideEveryForm)
        assembler.readLoose(stray, where: .belowFormAfterEmptyLine)
        var imported = try assembler.finish(options, file: file)
        imported.notes.insert(contentsOf: cleaning, at: 0)
        return imported
    }
}
