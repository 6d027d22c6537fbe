import Evaluation
import Foundation
import Importing
import Layout
import TestSupport
import Testing

@testable import FormPrint

/// Every built-in layout's example, copied the way officers really copy a
/// form, imports into its own layout with every cell placed and prints the
/// same form.
///
/// The shapes differ in what a merged cell leaves behind, which is what
/// broke recognition by grid position:
/// - **Excel**: every grid position is a cell; a merge leaves empty cells
///   to its right and below (the form as the layout draws it);
/// - **Word**: a cell spanning columns is one cell, a cell spanning rows
///   leaves one empty cell in each row below (Word's vertical merge);
/// - **PDF**: only the text that is printed, in reading order — no empty
///   cell at all, also where a value is empty.
/// The same forms as a Word document (.docx) and as a workbook with merges.
/// Plus the ways units change a form: no title line, a 备注 column added
/// to the indicator list, an optional column taken out, the first label
/// written 部门（单位）名称.
@Suite(.serialized)
struct RealShapeImportTests {
    /// An example and the layout it is printed with (the 全国 form in both its variants).
    struct Case: CustomStringConvertible, Sendable {
        var example: String
        var layouts: [DocumentKind: String]
        var description: String { example + (layouts.isEmpty ? "" : " as " + layouts.values.sorted().joined(separator: ",")) }
    }

    static let cases = [
        Case(example: "liuhe-2024", layouts: [:]),
        Case(example: "national-2024", layouts: [.project: "project-national-ab"]),
        Case(example: "national-2024", layouts: [.project: "project-national"]),
        Case(example: "sichuan-2024", layouts: [.project: "project-sichuan"]),
        Case(example: "fujian-2024", layouts: [.department: "department-fujian"]),
        Case(example: "chongqing-2024", layouts: [.department: "department-chongqing"]),
        Case(example: "hunan-2024", layouts: [.department: "department-hunan"]),
    ]

    enum Shape: String, CaseIterable, Sendable {
        case excel, word, pdf, withoutTitle
    }

    func unit(_ test: Case) throws -> UnitEvaluation {
        var unit = try UnitFiles.read(repositoryRoot.appendingPathComponent("Examples/\(test.example).yaml")).unit
        unit.report = nil
        unit.layouts = test.layouts
        return unit
    }

    /// The tables of the unit's forms as resolved cells, one per form.
    func tables(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> [(title: [String], table: ResolvedTable)] {
        try UnitRenderer.documents(of: unit).filter { $0.kind != .report }.map { instance in
            let layout = try renderer.catalog.layout(for: instance.kind, requested: unit.layouts[instance.kind])
            guard case .table(let spec) = layout.body else { throw CocoaError(.featureUnsupported) }
            let resolved = TableBinder.bind(unit, instance, onto: layout, table: spec)
            return (resolved.title.map(\.text), resolved)
        }
    }

    /// One form copied in `shape`, as the rows of cells the copy gives.
    static func rows(_ form: (title: [String], table: ResolvedTable), _ shape: Shape) -> [[String]] {
        let table = form.table
        var rows: [[String]] = shape == .withoutTitle ? [] : form.title.map { [$0] }
        for row in 0..<table.rowCount {
            var line: [String] = []
            for column in 0..<table.columns.count {
                guard let cell = table.cells.first(where: { $0.rows.contains(row) && $0.columns.contains(column) }) else {
                    line.append("")
                    continue
                }
                let starts = cell.row == row && cell.column == column
                switch shape {
                case .excel, .withoutTitle:
                    line.append(starts ? cell.text : "")
                case .word:
                    // One cell per cell of the table; a cell spanning down
                    // leaves an empty cell in each row below it.
                    if cell.column == column { line.append(cell.row == row ? cell.text : "") }
                case .pdf:
                    if starts && !cell.text.isEmpty { line.append(cell.text) }
                }
            }
            rows.append(line)
        }
        for line in table.footer {
            if case .signatures(let signatures) = line { rows.append(signatures.fields.map { $0.label + $0.value }) }
        }
        return rows
    }

    /// Rows as pasted text: tabs between cells, a cell with a line break in quotes (as Excel and WPS copy it).
    static func pasted(_ forms: [[[String]]]) -> String {
        forms.map { rows in
            rows.map { $0.map { $0.contains("\n") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }.joined(separator: "\t") }
                .joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    func dump(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> String {
        let document = UnitDocument(unit: unit, source: SourceMap(file: "x"))
        return try UnitRenderer.documents(of: unit).filter { $0.kind != .report }.map { instance in
            PageDump.text(of: try renderer.layouter.layOut(document, .none, instance, layouts: [:]).pages)
        }.joined().replacingOccurrences(of: "  [computed]", with: "")
    }

    func importPasted(_ text: String, _ renderer: UnitRenderer) throws -> ImportedUnit {
        try PastedTextImporter.importText(text, file: "粘贴.txt", options: ImportOptions(layouts: try renderer.catalog.all()))
    }

    func expectSameForms(_ imported: ImportedUnit, _ unit: UnitEvaluation, _ renderer: UnitRenderer, allowing unplaced: Set<String> = [],
                         _ comment: String) throws {
        let left = imported.unplaced.filter { note in !unplaced.contains { note.text.chinese.contains("“\($0)”") } }
        #expect(left.isEmpty, "\(comment): \(left.map(\.message.chinese))")
        for (kind, id) in unit.layouts {
            #expect((imported.unit.layouts[kind] ?? LayoutDefaults.layouts[kind]) == id, "\(comment): \(kind) read as \(imported.unit.layouts)")
        }
        #expect(imported.unit.name == unit.name, "\(comment)")
        var read = imported.unit
        read.layouts = unit.layouts
        let (importedDump, originalDump) = (try dump(read, renderer), try dump(unit, renderer))
        #expect(importedDump == originalDump, "\(comment): \(LayoutImportTests.difference(importedDump, originalDump))")
    }

    @Test("a form copied from Excel, Word or a PDF, or without its title, is read as its own layout and prints the same",
          arguments: cases, Shape.allCases)
    func copied(test: Case, shape: Shape) throws {
        let renderer = try UnitRenderer()
        var unit = try unit(test)
        if shape == .withoutTitle { unit.year = 2024 }
        let text = Self.pasted(try tables(unit, renderer).map { Self.rows($0, shape) })
        var options = ImportOptions(layouts: try renderer.catalog.all())
        if shape == .withoutTitle { options.year = unit.year }
        let imported = try PastedTextImporter.importText(text, file: "粘贴.txt", options: options)
        if shape == .pdf, imported.inferences.contains(where: { $0.text.chinese.contains("丢失了空单元格") }) {
            // A PDF copy of a row with an empty cell in the middle cannot say
            // which cell was empty; the import must say so — and still read
            // every cell and recognise the layout.
            #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map(\.message.chinese))")
            for (kind, id) in unit.layouts { #expect((imported.unit.layouts[kind] ?? LayoutDefaults.layouts[kind]) == id) }
            #expect(!Self.exactInPDF.contains(test.example), "\(test): \(imported.inferences.map(\.message.chinese))")
            return
        }
        try expectSameForms(imported, unit, renderer, "\(test) \(shape)")
    }

    /// The examples whose rows have no empty cell between two filled ones:
    /// their PDF copy loses nothing and must read back exactly.
    static let exactInPDF: Set<String> = ["liuhe-2024", "hunan-2024"]

    @Test("a workbook with merged cells is read as its own layout and prints the same", arguments: cases)
    func workbook(test: Case) throws {
        let renderer = try UnitRenderer()
        let unit = try unit(test)
        let imported = try WorkbookImporter.importWorkbook(try workbook(unit, renderer), file: "自评表.xlsx",
                                                           options: ImportOptions(layouts: try renderer.catalog.all()))
        try expectSameForms(imported, unit, renderer, "\(test) xlsx")
    }

    /// The unit's forms as a workbook, one sheet each, with the merges the
    /// layout draws; `edit` changes a form's rows (its text) first.
    func workbook(_ unit: UnitEvaluation, _ renderer: UnitRenderer, edit: ([[String]]) -> [[String]] = { $0 }) throws -> Data {
        var sheets: [XLSXWorkbook.Sheet] = []
        for (index, form) in try tables(unit, renderer).enumerated() {
            var sheet = XLSXWorkbook.Sheet(name: "表\(index + 1)")
            // The form starts at B3, as templates often do.
            func reference(_ row: Int, _ column: Int) -> String { OfficialFormSheets.columnName(column + 2) + String(row + 3) }
            for (r, row) in edit(Self.rows(form, .excel)).enumerated() {
                for (c, text) in row.enumerated() where !text.isEmpty { sheet.text(reference(r, c), text) }
            }
            let top = form.title.count
            for cell in form.table.cells where cell.rowSpan > 1 || cell.columnSpan > 1 {
                sheet.merge(reference(top + cell.row, cell.column) + ":" + reference(top + cell.row + cell.rowSpan - 1, cell.column + cell.columnSpan - 1))
            }
            sheets.append(sheet)
        }
        return try XLSXWorkbook(sheets: sheets).data()
    }

    @Test("a Word document holding the form as a table (gridSpan, vMerge) is read as its own layout and prints the same", arguments: cases)
    func wordDocument(test: Case) throws {
        let renderer = try UnitRenderer()
        let unit = try unit(test)
        var document = DOCXDocument()
        for form in try tables(unit, renderer) {
            for line in form.title { document.paragraph(line) }
            let table = form.table
            var rows: [[DOCXDocument.Cell]] = []
            for row in 0..<table.rowCount {
                var cells: [DOCXDocument.Cell] = []
                var column = 0
                while column < table.columns.count {
                    guard let cell = table.cells.first(where: { $0.rows.contains(row) && $0.column == column }) else {
                        cells.append(DOCXDocument.Cell(""))
                        column += 1
                        continue
                    }
                    let merge: String? = cell.rowSpan > 1 ? (cell.row == row ? "restart" : "continue") : nil
                    cells.append(DOCXDocument.Cell(cell.row == row ? cell.text : "", span: cell.columnSpan, verticalMerge: merge))
                    column += cell.columnSpan
                }
                rows.append(cells)
            }
            document.table(rows)
            for line in table.footer {
                if case .signatures(let signatures) = line { document.paragraph(signatures.fields.map { $0.label + $0.value }.joined(separator: "　")) }
            }
        }
        let imported = try UnitImporter.importData(try document.data(), file: "自评.docx", options: ImportOptions(layouts: try renderer.catalog.all()))
        try expectSameForms(imported, unit, renderer, "\(test) docx")
    }

    @Test("a 备注 column the unit added is named as unplaced, cell by cell, and everything else is read", arguments: cases)
    func addedColumn(test: Case) throws {
        let renderer = try UnitRenderer()
        let unit = try unit(test)
        let forms = try tables(unit, renderer).map { form -> [[String]] in
            let rows = Self.rows(form, .excel)
            // After the 三级指标 (or 指标名称) header, every row to the next block gets a 备注 cell.
            guard let header = rows.firstIndex(where: { $0.contains { ["三级指标", "指标名称"].contains($0) } }) else { return rows }
            var end = header + 1
            while end < rows.count, rows[end].first?.isEmpty != false { end += 1 }
            return rows.enumerated().map { index, row in
                index == header ? row + ["备注"] : (header < index && index < end ? row + ["备注\(index - header)"] : row)
            }
        }
        let imported = try importPasted(Self.pasted(forms), renderer)
        let named = imported.unplaced.map(\.text.chinese)
        let added = forms.flatMap { $0 }.flatMap { $0 }.filter { $0.hasPrefix("备注") }
        #expect(named.count == added.count, "\(named)")
        for text in added { #expect(named.contains { $0.contains("“\(text)”") }, "\(text) not named: \(named)") }
        var read = imported.unit
        read.layouts = unit.layouts
        #expect(try dump(read, renderer) == (try dump(unit, renderer)))
    }

    @Test("a form without an optional column is read, and the note names the missing column")
    func missingColumn() throws {
        let renderer = try UnitRenderer()
        let unit = try unit(Case(example: "national-2024", layouts: [.project: "project-national"]))
        let forms = try tables(unit, renderer).map { form -> [[String]] in
            let rows = Self.rows(form, .excel)
            guard let header = rows.firstIndex(where: { $0.contains("偏差原因分析及改进措施") }),
                  let column = rows[header].firstIndex(of: "偏差原因分析及改进措施") else { return rows }
            return rows.enumerated().map { index, row in
                index >= header && index < rows.count - 3 && column < row.count ? Array(row.prefix(column)) : row
            }
        }
        let imported = try importPasted(Self.pasted(forms), renderer)
        #expect(imported.unit.layouts[.project] == "project-national")
        #expect(imported.notes.contains { $0.text.chinese.contains("“偏差原因分析及改进措施”") }, "\(imported.notes.map(\.message.chinese))")
        let indicators = imported.unit.projects.first?.indicators.flatMap(\.subcategories).flatMap(\.indicators) ?? []
        let original = unit.projects[0].indicators.flatMap(\.subcategories).flatMap(\.indicators)
        #expect(indicators.map(\.name) == original.map(\.name))
        #expect(indicators.map(\.target) == original.map(\.target))
        #expect(indicators.map(\.score) == original.map(\.score))
        #expect(indicators.allSatisfy { $0.deviation.isEmpty })
    }

    @Test("部门（单位）名称 as the first label, and 实施单位 without （盖章）, are read as the layout's labels")
    func labelVariants() throws {
        let renderer = try UnitRenderer()
        let unit = try UnitFiles.read(exampleUnit).unit
        let text = Self.pasted(try tables(unit, renderer).map { form in
            Self.rows(form, .excel).map { $0.map { $0 == "部门名称" ? "部门（单位）名称" : $0 } }
        })
        let imported = try importPasted(text, renderer)
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map(\.message.chinese))")
        #expect(imported.unit.department?.name == unit.department?.name)
    }

    @Test("a form that fits no layout is refused with the two closest layouts and what each lacks")
    func noLayoutFits() throws {
        let renderer = try UnitRenderer()
        let text = "项目支出绩效自评表\n项目名称\t某项目\n资金\t甲\t乙\t丙\n1\t2\t3\t4\n"
        #expect {
            try importPasted(text, renderer)
        } throws: { error in
            guard let error = error as? ImportError, case .noLayoutFits(let kind, let closest) = error.problem else { return false }
            return kind == .project && closest.count == 2 && error.message.chinese.contains("layouts learn")
                && error.message.english.contains("closest")
        }
    }

    @Test("a template's placeholder rows (指标2：, ……, an empty 三级) are left out with a note")
    func placeholderRows() throws {
        let renderer = try UnitRenderer()
        let unit = try UnitFiles.read(exampleUnit).unit
        var forms = try tables(unit, renderer).map { Self.rows($0, .excel) }
        guard let project = forms.firstIndex(where: { $0.contains { $0.first == "项目名称" } }),
              let last = forms[project].lastIndex(where: { $0.count > 3 && !$0[3].isEmpty && $0[0].isEmpty }) else {
            Issue.record("no indicator rows")
            return
        }
        forms[project].insert(["", "", "", "指标2：", "", ""], at: last + 1)
        forms[project].insert(["", "", "", "……", "", ""], at: last + 2)
        let imported = try importPasted(Self.pasted(forms), renderer)
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map(\.message.chinese))")
        #expect(imported.repairs.filter { $0.text.chinese.contains("模板占位行") }.count == 2, "\(imported.repairs.map(\.message.chinese))")
        #expect(imported.unit.projects[0].indicators == unit.projects[0].indicators)
    }
}
