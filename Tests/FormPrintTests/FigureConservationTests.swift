import Evaluation
import Foundation
import Importing
import Layout
import Support
import Testing

@testable import FormPrint

/// Issue 24: every value a form prints is the value as written, or in the
/// cell's declared format with no digit lost, or computed and marked —
/// over every example, every real-shape copy of them, and random amounts
/// through a unit file and a paste.
@Suite(.serialized)
struct FigureConservationTests {
    let shapes = RealShapeImportTests()

    /// The cells of every form of `unit` that print one of its values otherwise than written.
    func changes(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> [FigureConservation.Change] {
        try shapes.tables(unit, renderer).flatMap { FigureConservation.changes(in: $0.table, of: unit) }
    }

    /// The number of cells that print a value of the unit (so a check that
    /// finds nothing is known to have looked).
    func printedValues(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> Int {
        try shapes.tables(unit, renderer).reduce(0) { count, form in
            count + form.table.cells.filter { if case .unit = $0.origin { true } else { false } }.count
        }
    }

    @Test("every example prints each of its values as written or in its declared format", arguments: RealShapeImportTests.cases)
    func examples(test: RealShapeImportTests.Case) throws {
        let renderer = try UnitRenderer()
        let unit = try shapes.unit(test)
        #expect(try printedValues(unit, renderer) > 20)
        let found = try changes(unit, renderer)
        #expect(found.isEmpty, "\(test): \(found)")
    }

    @Test("every real-shape copy of every example imports to values that print as written",
          arguments: RealShapeImportTests.cases, [RealShapeImportTests.Shape.excel, .word, .pdf])
    func copies(test: RealShapeImportTests.Case, shape: RealShapeImportTests.Shape) throws {
        let renderer = try UnitRenderer()
        let unit = try shapes.unit(test)
        let imported = try shapes.importPasted(RealShapeImportTests.pasted(try shapes.tables(unit, renderer).map { RealShapeImportTests.rows($0, shape) }), renderer)
        var read = imported.unit
        read.layouts = unit.layouts
        let found = try changes(read, renderer)
        #expect(found.isEmpty, "\(test) \(shape): \(found)")
    }

    @Test("workbooks and a Word document from other producers (openpyxl, xlwt, python-docx) print their values as written",
          arguments: ["openpyxl-jilin-2024.xlsx", "xlwt-jilin-2024.xls", "python-docx-jilin-2024.docx"])
    func otherProducers(file: String) throws {
        let renderer = try UnitRenderer()
        let url = repositoryRoot.appendingPathComponent("Tests/ImportingTests/Fixtures").appendingPathComponent(file)
        let unit = try UnitFiles.read(try Data(contentsOf: url), file: file, layouts: try renderer.catalog.all(), lenient: true).unit
        #expect(try printedValues(unit, renderer) > 20)
        let found = try changes(unit, renderer)
        #expect(found.isEmpty, "\(file): \(found)")
    }

    @Test("a changed figure is caught: a lost digit, a lost sign, another unit, a rounded rate")
    func changesAreCaught() {
        #expect(!FigureConservation.conserves(written: "132.912", printed: "132.91"))
        #expect(!FigureConservation.conserves(written: "-5", printed: "5.00"))
        #expect(!FigureConservation.conserves(written: "2124000.00", printed: "212.40"))
        #expect(!FigureConservation.conserves(written: "81.06%", printed: "81.1%"))
        #expect(!FigureConservation.conserves(written: "", printed: "0.00"))
        #expect(FigureConservation.conserves(written: "212.4", printed: "212.40"))
        #expect(FigureConservation.conserves(written: "≥95%", printed: "95"))
        // A value inside other text is not the value: "-5" is not conserved by "15", "-5 万元" or "5".
        #expect(!FigureConservation.conserves(written: "5", printed: "-5"))
        #expect(!FigureConservation.conserves(written: "5", printed: "15"))
    }

    @Test("the pipeline refuses a form whose bound table would print a changed figure, naming the field and the file's line")
    func pipelineRefusesAChangedFigure() throws {
        let renderer = try UnitRenderer()
        let url = repositoryRoot.appendingPathComponent("Examples/national-2024.yaml")
        let document = try UnitFiles.read(url)
        let form = try #require(try shapes.tables(document.unit, renderer).first)
        try DocumentPipeline.checkConserved(form.table, of: document.unit)
        // A binder that dropped a digit: the first printed amount with decimals loses its last one.
        var tampered = form.table
        let index = try #require(tampered.cells.firstIndex { cell in
            if case .unit = cell.origin { cell.text.contains(".") && cell.text.count > 3 } else { false }
        })
        tampered.cells[index].text.removeLast()
        #expect(throws: LayoutFailure.self) { try DocumentPipeline.checkConserved(tampered, of: document.unit) }
        do {
            try DocumentPipeline.checkConserved(tampered, of: document.unit)
        } catch {
            let path = try #require(error.fieldPath)
            #expect(error.message.chinese.contains("表上却会印成“\(tampered.cells[index].text)”"), "\(error.message.chinese)")
            let location = try #require(document.source.location(of: path))
            #expect(location.description.contains("national-2024.yaml:"), "\(location)")
        }
    }

    /// A random amount: up to 20 integer digits, up to 6 decimals, either sign.
    static func amount(_ random: inout SplitMix64) -> String {
        let digits = Int(random.next() % 20) + 1, decimals = Int(random.next() % 7)
        var whole = String(Int(random.next() % 9) + 1)
        for _ in 1..<digits { whole += String(random.next() % 10) }
        var text = (random.next() % 4 == 0 ? "-" : "") + whole
        if decimals > 0 { text += "." + (0..<decimals).map { _ in String(random.next() % 10) }.joined() }
        return text
    }

    @Test("random amounts through a unit file and a paste print as written, or with two decimals when no digit is lost")
    func randomAmounts() throws {
        let renderer = try UnitRenderer()
        var random = SplitMix64(seed: 24)
        let test = RealShapeImportTests.cases[1]   // the 全国 form: its money columns print two decimals
        for round in 0..<6 {
            var unit = try shapes.unit(test)
            for index in unit.projects[0].funds.indices {
                unit.projects[0].funds[index].initialBudget = Self.amount(&random)
                unit.projects[0].funds[index].annualBudget = Self.amount(&random)
                unit.projects[0].funds[index].executed = Self.amount(&random)
            }
            #expect(try changes(unit, renderer) == [], "round \(round): the unit as given")
            let file = try UnitFiles.read(Data(UnitFileWriter.yaml(unit).utf8), file: "random.yaml").unit
            #expect(file.projects[0].funds == unit.projects[0].funds, "round \(round): through a unit file")
            #expect(try changes(file, renderer) == [], "round \(round): through a unit file")
            let pasted = try shapes.importPasted(RealShapeImportTests.pasted(try shapes.tables(unit, renderer).map { RealShapeImportTests.rows($0, .excel) }), renderer)
            let amounts = { (rows: [FundsRow]) in rows.map { [$0.initialBudget, $0.annualBudget, $0.executed] } }
            // The paste holds what the form printed: the amount itself or with two decimals.
            for (read, written) in zip(amounts(pasted.unit.projects[0].funds).joined(), amounts(unit.projects[0].funds).joined()) {
                #expect(read == written || read == MoneyDigits.twoDecimals(written), "round \(round): pasted \(read) for \(written)")
            }
            var read = pasted.unit
            read.layouts = unit.layouts
            #expect(try changes(read, renderer) == [], "round \(round): through a paste")
        }
    }
}
