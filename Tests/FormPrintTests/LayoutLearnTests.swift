import Evaluation
import Foundation
import Importing
import Layout
import TestSupport
import Testing

@testable import FormPrint

/// `formprint layouts learn`: a layout learned from a form's workbook reads
/// that workbook back into the same unit and prints the same texts in the
/// same order as the layout the workbook was printed from.
@Suite(.serialized)
struct LayoutLearnTests {
    /// Every built-in table layout, with the example that fills it.
    static let builtIns: [(layout: String, example: String, kind: DocumentKind)] = [
        ("project-jilin", "liuhe-2024", .project), ("department-jilin", "liuhe-2024", .department),
        ("project-national", "national-2024", .project), ("project-national-ab", "national-2024", .project),
        ("project-sichuan", "sichuan-2024", .project), ("department-fujian", "fujian-2024", .department),
        ("department-chongqing", "chongqing-2024", .department), ("department-hunan", "hunan-2024", .department),
    ]

    /// The sheets of `unit`'s forms of `kind`, printed by its layouts, with
    /// the merges of the printed grid and (for the first) the page setup.
    static func workbook(_ unit: UnitEvaluation, _ kind: DocumentKind, _ renderer: UnitRenderer, landscape: Bool? = nil) throws -> Data {
        let kinds = UnitRenderer.documents(of: unit).filter { $0.kind != .report }.map(\.kind)
        var sheets: [XLSXWorkbook.Sheet] = []
        for (index, grid) in try formGrids(unit, renderer).enumerated() where kinds[index] == kind {
            var sheet = XLSXWorkbook.Sheet(name: "表\(sheets.count + 1)")
            func reference(_ row: Int, _ column: Int) -> String { OfficialFormSheets.columnName(column + 2) + String(row + 3) }
            for (r, row) in grid.rows.enumerated() {
                for (c, text) in row.enumerated() where !text.isEmpty { sheet.text(reference(r, c), text) }
            }
            for (r1, c1, r2, c2) in grid.merges { sheet.merge(reference(r1, c1) + ":" + reference(r2, c2)) }
            sheet.landscape = landscape
            sheets.append(sheet)
        }
        return try XLSXWorkbook(sheets: sheets).data()
    }

    /// The texts of a page dump in reading order, without what only
    /// pagination adds (page numbers, continued titles and marks).
    static func texts(_ dump: String) -> [String] {
        dump.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
            guard parts.first == "text", parts.count == 5 else { return nil }
            let text = String(parts[4]).replacingOccurrences(of: "  [computed]", with: "")
            if text.range(of: #"^第 \d+ 页 共 \d+ 页$"#, options: .regularExpression) != nil { return nil }
            return text
        }
    }

    func example(_ name: String) throws -> UnitEvaluation {
        try UnitFiles.read(repositoryRoot.appendingPathComponent("Examples/\(name).yaml")).unit
    }

    /// Learns from `data` into a fresh folder; the layout and its folder.
    func learn(_ data: Data, id: String) throws -> (LayoutSpec, URL, LayoutLearner.Result) {
        let result = try LayoutLearner.learn(workbook: data, file: "表样.xlsx", sheet: nil, id: id)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("learn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(id).yaml")
        try Data(result.yaml.utf8).write(to: file)
        return (try LayoutLoader.load(contentsOf: file), folder, result)
    }

    func dump(_ unit: UnitEvaluation, _ kind: DocumentKind, _ renderer: UnitRenderer) throws -> String {
        let document = UnitDocument(unit: unit, source: SourceMap(file: "x"))
        return try UnitRenderer.documents(of: unit).filter { $0.kind == kind }.map { instance in
            PageDump.text(of: try renderer.layouter.layOut(document, .none, instance, layouts: [:]).pages)
        }.joined()
    }

    static func indicatorRows(_ tree: [IndicatorCategory]) -> [[String]] {
        tree.flatMap { category in
            category.subcategories.flatMap { sub in
                sub.indicators.map { [category.name, sub.name, $0.name, $0.target, $0.actual, $0.weight, $0.score] }
            }
        }
    }

    /// Every value the example wrote is read back into the same field.
    static func expectSameFunds(_ read: [FundsRow], _ original: [FundsRow], _ label: String) {
        #expect(read.count == original.count, "\(label): \(read.map(\.source)) vs \(original.map(\.source))")
        for row in original {
            guard let found = read.first(where: { $0.source == row.source }) else {
                Issue.record("\(label): no funds row \(row.source)")
                continue
            }
            for key in FundsRow.typedKeys + row.extra.keys.sorted() where !row.value(key).isEmpty {
                #expect(found.value(key) == row.value(key), "\(label): \(row.source).\(key)")
            }
        }
    }

    @Test("a layout learned from each built-in form's workbook reads it back field by field and prints the same texts", arguments: builtIns.map(\.layout))
    func roundTrip(layoutID: String) throws {
        let (_, name, kind) = Self.builtIns.first { $0.layout == layoutID }!
        let renderer = try UnitRenderer()
        var unit = try example(name)
        unit.layouts[kind] = layoutID
        let data = try Self.workbook(unit, kind, renderer)
        let (learned, folder, result) = try learn(data, id: "learned-\(layoutID)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(learned.document == kind)

        let imported = try WorkbookImporter.importWorkbook(data, file: "表样.xlsx", options: ImportOptions(layouts: [learned]))
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map(\.description))\n\(result.yaml)")
        switch kind {
        case .project:
            #expect(imported.unit.projects.map(\.name) == unit.projects.map(\.name))
            for (read, original) in zip(imported.unit.projects, unit.projects) {
                Self.expectSameFunds(read.funds, original.funds, original.name)
                #expect(Self.indicatorRows(read.indicators) == Self.indicatorRows(original.indicators), "\(result.yaml)")
            }
        default:
            let (read, original) = (try #require(imported.unit.department), try #require(unit.department))
            #expect(read.name == original.name)
            Self.expectSameFunds(read.funds, original.funds, original.name)
            #expect(Self.indicatorRows(read.indicators) == Self.indicatorRows(original.indicators), "\(result.yaml)")
            #expect(read.tasks.map { [$0.number, $0.name, $0.content, $0.completion] } == original.tasks.map { [$0.number, $0.name, $0.content, $0.completion] })
        }

        // The example printed by the learned layout: the same texts, in the same order.
        let learnedRenderer = try UnitRenderer(extraLayoutFolders: [folder])
        var relaid = unit
        relaid.layouts[kind] = learned.id
        let (builtIn, mine) = (Self.texts(try dump(unit, kind, renderer)), Self.texts(try dump(relaid, kind, learnedRenderer)))
        let joined = (builtIn.joined(), mine.joined())
        #expect(joined.0 == joined.1, "\(Self.firstDifference(builtIn, mine))\n\(result.yaml)")
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        let (x, y) = (a.joined(), b.joined())
        let common = zip(x, y).prefix { $0 == $1 }.count
        return "built-in: …\(x.dropFirst(max(0, common - 20)).prefix(80))\nlearned:  …\(y.dropFirst(max(0, common - 20)).prefix(80))"
    }
}
