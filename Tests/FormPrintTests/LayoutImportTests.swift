import Evaluation
import Foundation
import Importing
import TestSupport
import Layout
import Testing

@testable import FormPrint

    /// The forms of `unit` as a finance officer's sheet shows them: the
/// title lines, then the grid row by row — each cell's text in its
/// top-left position (what a pasted merged cell gives), the footer's
/// signature lines last.
func formGrids(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> [(rows: [[String]], merges: [(Int, Int, Int, Int)])] {
    try UnitRenderer.documents(of: unit).filter { $0.kind != .report }.map { instance in
        let layout = try renderer.catalog.layout(for: instance.kind, requested: unit.layouts[instance.kind])
        guard case .table(let table) = layout.body else { return ([], []) }
        let resolved = TableBinder.bind(unit, instance, onto: layout, table: table)
        let width = table.columns.count
        var rows = resolved.title.map { [$0.text] + Array(repeating: "", count: width - 1) }
        let top = rows.count
        var grid = Array(repeating: Array(repeating: "", count: width), count: resolved.rowCount)
        var merges: [(Int, Int, Int, Int)] = []
        for cell in resolved.cells {
            grid[cell.row][cell.column] = cell.text
            if cell.rowSpan > 1 || cell.columnSpan > 1 {
                merges.append((top + cell.row, cell.column, top + cell.row + cell.rowSpan - 1, cell.column + cell.columnSpan - 1))
            }
        }
        rows += grid
        for line in resolved.footer {
            if case .signatures(let signatures) = line {
                rows.append(signatures.fields.map { $0.label + $0.value } + Array(repeating: "", count: max(0, width - signatures.fields.count)))
            }
        }
        return (rows, merges)
    }
}

/// The forms of `unit` as pasted text (tab-separated, a blank line between forms).
func pastedText(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> String {
    try formGrids(unit, renderer).map { $0.rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") }.joined(separator: "\n\n")
}

/// Import driven by the layouts: a filled form of each provincial variant,
/// as pasted text and as a workbook with merged cells, is recognised as its
/// layout, every cell is placed, and the imported unit prints the same form.
@Suite(.serialized)
struct LayoutImportTests {
    static let examples = ["sichuan-2024", "fujian-2024", "chongqing-2024", "hunan-2024"]

    func dump(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> String {
        let document = UnitDocument(unit: unit, source: SourceMap(file: "x"))
        // A computed value reads back as entered: the same text in the same
        // place, only without the mark.
        return try UnitRenderer.documents(of: unit).filter { $0.kind != .report }.map { instance in
            PageDump.text(of: try renderer.layouter.layOut(document, .none, instance, layouts: [:]).pages)
        }.joined().replacingOccurrences(of: "  [computed]", with: "")
    }

    func example(_ name: String) throws -> UnitEvaluation {
        try UnitFiles.read(repositoryRoot.appendingPathComponent("Examples/\(name).yaml")).unit
    }

    @Test("a pasted form of each variant is read as its layout, every cell placed, and prints the same form", arguments: examples)
    func pasted(name: String) throws {
        let renderer = try UnitRenderer()
        let unit = try example(name)
        let text = try formGrids(unit, renderer).map { $0.rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") }.joined(separator: "\n\n")
        let imported = try PastedTextImporter.importText(text, file: "粘贴.txt", options: ImportOptions(layouts: try renderer.catalog.all()))
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced)")
        #expect(imported.unit.layouts == unit.layouts)
        #expect(imported.unit.name == unit.name && imported.unit.year == unit.year)
        let (importedDump, originalDump) = (try dump(imported.unit, renderer), try dump(unit, renderer))
        #expect(importedDump == originalDump, "\(Self.difference(importedDump, originalDump))")
        // Values are kept as written: no folding of one column into another
        // (调整后预算数 stays adjustedBudget, never 全年预算数).
        let original = unit.projects.flatMap(\.funds) + (unit.department?.funds ?? [])
        let read = imported.unit.projects.flatMap(\.funds) + (imported.unit.department?.funds ?? [])
        #expect(read.count == original.count)
        for (a, b) in zip(original, read) {
            for key in FundsRow.typedKeys + a.extra.keys.sorted() where !a.value(key).isEmpty {
                #expect(b.value(key) == a.value(key), "\(a.source).\(key)")
            }
        }
    }

    @Test("a workbook of each variant, labels in merged cells, imports the same way", arguments: examples)
    func workbook(name: String) throws {
        let renderer = try UnitRenderer()
        let unit = try example(name)
        var sheets: [XLSXWorkbook.Sheet] = []
        for (index, grid) in try formGrids(unit, renderer).enumerated() {
            var sheet = XLSXWorkbook.Sheet(name: "表\(index + 1)")
            func reference(_ row: Int, _ column: Int) -> String { OfficialFormSheets.columnName(column + 2) + String(row + 3) }
            for (r, row) in grid.rows.enumerated() {
                for (c, text) in row.enumerated() where !text.isEmpty { sheet.text(reference(r, c), text) }
            }
            for (r1, c1, r2, c2) in grid.merges { sheet.merge(reference(r1, c1) + ":" + reference(r2, c2)) }
            sheets.append(sheet)
        }
        let data = try XLSXWorkbook(sheets: sheets).data()
        let imported = try WorkbookImporter.importWorkbook(data, file: "自评表.xlsx", options: ImportOptions(layouts: try renderer.catalog.all()))
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced)")
        #expect(imported.unit.layouts == unit.layouts)
        let (importedDump, originalDump) = (try dump(imported.unit, renderer), try dump(unit, renderer))
        #expect(importedDump == originalDump, "\(Self.difference(importedDump, originalDump))")
    }

    /// The first lines where two page dumps differ.
    static func difference(_ a: String, _ b: String) -> String {
        let (x, y) = (a.split(separator: "\n"), b.split(separator: "\n"))
        return zip(x, y).filter { $0 != $1 }.prefix(3).map { "imported: \($0)  original: \($1)" }.joined(separator: "\n")
            + (x.count == y.count ? "" : " (\(x.count) vs \(y.count) lines)")
    }

    @Test("the 四川 target's three columns become one written value, and write back as the same three columns")
    func sichuanViewsRoundTrip() throws {
        let renderer = try UnitRenderer()
        let unit = try example("sichuan-2024")
        let text = try formGrids(unit, renderer).map { $0.rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") }.joined(separator: "\n\n")
        let imported = try PastedTextImporter.importText(text, file: "粘贴.txt", options: ImportOptions(layouts: try renderer.catalog.all()))
        let indicators = imported.unit.projects[0].indicators.flatMap(\.subcategories).flatMap(\.indicators)
        #expect(indicators.map(\.target) == unit.projects[0].indicators.flatMap(\.subcategories).flatMap(\.indicators).map(\.target))
        #expect(indicators.first?.target == ">=12次")
        #expect(imported.notes.contains { $0.text.english.contains("read as layout project-sichuan") })
    }

    @Test("the seed's paste still goes through FormPrint's own 吉林 reader, unchanged")
    func seedKeepsItsReader() throws {
        let renderer = try UnitRenderer()
        let imported = try UnitImporter.importFile(at: seedText, options: ImportOptions(layouts: try renderer.catalog.all()))
        #expect(imported.unit.layouts.isEmpty)
        #expect(imported.unit.projects == (try UnitFiles.read(exampleUnit)).unit.projects)
    }
}
