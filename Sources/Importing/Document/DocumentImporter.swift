import Evaluation
import Foundation

/// Imports a .docx: the forms in its tables and the report in its
/// paragraphs, read by the same readers as a paste.
///
/// Each table becomes grid rows like a workbook sheet's — a cell's text at
/// its column in the table's grid (`w:gridSpan` advances the column), a
/// vertically merged cell (`w:vMerge` continue) empty and recorded as
/// covered from above — and a paragraph outside tables a row of one cell, so
/// a title written above a table reads as the pasted title line does. The
/// report (everything after a 自评报告 title) becomes lines for
/// `ReportParser`, its headings told by their paragraph style (标题 1/2/3,
/// Heading 1/2/3) or, as in a paste, by their numbers; a table inside the
/// report becomes one line per row, its cells joined by spaces.
package enum DocumentImporter {
    package static func importDocument(_ data: Data, file: String, options: ImportOptions = ImportOptions()) throws -> ImportedUnit {
        let package = try WorkbookPackage(data: data, file: file, damaged: ImportError.Problem.corruptDocument)
        return try importDocument(package, file: file, options: options)
    }

    static func importDocument(_ package: WorkbookPackage, file: String, options: ImportOptions) throws -> ImportedUnit {
        guard let body = try package.part("word/document.xml") else {
            throw ImportError(.corruptDocument(Message(chinese: "缺少word/document.xml", english: "word/document.xml is missing")), at: .file(file))
        }
        let styles = try package.part("word/styles.xml").map { try DocumentStyles($0, file: file) } ?? DocumentStyles()
        let blocks = try DocumentBody(body, file: file).blocks

        var numbering = CellNumbering()
        var assembler = try UnitAssembler(file: file, layouts: options.recognisedLayouts)
        var splitter = TableSplitter(starts: assembler.starts)
        var trimmer = GridTrimmer(starts: assembler.starts)
        var stray: [GridRow] = []
        var report: (title: GridCell, lines: [TextLine])?
        var paragraphNumber = 0, tableNumber = 0

        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                paragraphNumber += 1
                let place = ImportPlace.paragraph(file: file, number: paragraphNumber)
                let (text, removed) = InvisibleText.cleaned(paragraph.text)
                if !removed.isEmpty { assembler.context.notes.append(InvisibleText.note(removed, at: place)) }
                let trimmed = text.trimmedCell
                if trimmed.isEmpty {
                    // An empty paragraph ends the grid above it, like an empty pasted line.
                    if report == nil { trimmer.gap() }
                    continue
                }
                let cell = GridCell(id: numbering.take(), text: trimmed, column: 1, place: place)
                if FormTitle.kind(of: trimmed) == .report {
                    if let finished = report { try assembler.readReport(title: finished.title, lines: Self.styled(finished.lines)) }
                    report = (cell, [])
                    continue
                }
                if report != nil {
                    if FormTitle.kind(of: trimmed) != nil {
                        try assembler.readReport(title: report!.title, lines: Self.styled(report!.lines))
                        report = nil
                    } else {
                        let level = styles.headingLevel(ofStyle: paragraph.style) ?? paragraph.outlineLevel.map { $0 + 1 }
                        if let level, (1...4).contains(level) {
                            // A heading's line breaks are not paragraph breaks.
                            report!.lines.append(TextLine(text: text.replacingOccurrences(of: "\n", with: ""), place: place, role: .heading(level)))
                        } else {
                            report!.lines.append(TextLine(text: text, place: place))
                        }
                        continue
                    }
                }
                let row = GridRow(cells: [cell], place: place, merges: nil)
                if trimmer.belongsToForm(row) { splitter.feed(row) } else { stray.append(row) }
            case .table(let rows):
                tableNumber += 1
                let grid = gridRows(rows, table: tableNumber, file: file, numbering: &numbering, &assembler.context)
                if report != nil {
                    // A form's table after the report ends it; any other table is part of it.
                    let first = grid.first { !$0.isBlank }?.cells.first?.text ?? ""
                    if let kind = FormTitle.kind(of: first), kind != .report {
                        try assembler.readReport(title: report!.title, lines: Self.styled(report!.lines))
                        report = nil
                    } else {
                        for row in grid where !row.isBlank {
                            report!.lines.append(TextLine(text: row.cells.map(\.text).joined(separator: " "), place: row.place))
                            for cell in row.cells { assembler.context.use(cell) }
                        }
                        continue
                    }
                }
                for row in grid {
                    if trimmer.belongsToForm(row) { splitter.feed(row) } else { stray.append(row) }
                }
            }
        }
        let (tables, loose) = splitter.finish()
        for table in tables { try assembler.read(table) }
        if let report { try assembler.readReport(title: report.title, lines: Self.styled(report.lines)) }
        assembler.readLoose(loose, where: .outsideEveryForm)
        assembler.readLoose(stray, where: .belowFormAfterEmptyLine)
        return try assembler.finish(options, file: file)
    }

    /// A report whose headings are styled has its other lines read as body
    /// text; one without heading styles is read as a paste is, by numbers.
    static func styled(_ lines: [TextLine]) -> [TextLine] {
        guard lines.contains(where: { if case .heading = $0.role { true } else { false } }) else { return lines }
        return lines.map { line in
            var line = line
            if line.role == .unknown { line.role = .body }
            return line
        }
    }

    /// A table's rows as grid rows: each cell at its first grid column, the
    /// cells a `w:vMerge` continues left empty and recorded as merged from above.
    static func gridRows(_ rows: [DocumentBody.Row], table: Int, file: String, numbering: inout CellNumbering,
                         _ context: inout ReadingContext) -> [GridRow] {
        var ranges: [SheetMerges.Range] = []
        /// The open vertical merge starting in each grid column: its index in `ranges`.
        var openMerges: [Int: Int] = [:]
        var result: [(cells: [GridCell], row: Int)] = []
        for (rowIndex, row) in rows.enumerated() {
            let rowNumber = rowIndex + 1
            var column = 1 + row.gridBefore
            var cells: [GridCell] = []
            for cell in row.cells {
                let span = cell.gridSpan
                let place = ImportPlace.tableCell(file: file, table: table, row: rowNumber, column: column)
                switch cell.verticalMerge {
                case .continue?:
                    if let index = openMerges[column] {
                        ranges[index].lastRow = rowNumber
                    } else {
                        // A continuation with nothing above to continue: Word shows it as its own cell.
                        ranges.append(SheetMerges.Range(firstRow: rowNumber, firstColumn: column, lastRow: rowNumber, lastColumn: column + span - 1))
                        openMerges[column] = ranges.count - 1
                    }
                    let (text, _) = InvisibleText.cleaned(cell.text.trimmedCell)
                    if !text.isEmpty {
                        context.note(.unplaced, place, MergeCoverage.hidden(text))
                    }
                    column += span
                    continue
                case .restart?:
                    ranges.append(SheetMerges.Range(firstRow: rowNumber, firstColumn: column, lastRow: rowNumber, lastColumn: column + span - 1))
                    openMerges[column] = ranges.count - 1
                case nil:
                    openMerges[column] = nil
                }
                let (text, removed) = InvisibleText.cleaned(cell.text.trimmedCell)
                if !removed.isEmpty { context.notes.append(InvisibleText.note(removed, at: place)) }
                if !text.isEmpty { cells.append(GridCell(id: numbering.take(), text: text, column: column, place: place)) }
                column += span
            }
            result.append((cells, rowNumber))
        }
        let merges = SheetMerges(ranges)
        return result.map { GridRow(cells: $0.cells, place: .tableCell(file: file, table: table, row: $0.row, column: 1), merges: merges) }
    }
}
