import Evaluation
import Foundation
import Layout
import Testing

@testable import FormPrint

/// The （2024年度） line: the 吉林 layouts have it as an optional line,
/// off by default (their template has none), printed with `--line year`.
struct YearLineTests {
    func dump(_ instance: DocumentInstance, lines: Set<String>) throws -> String {
        let renderer = try UnitRenderer()
        let document = try UnitFiles.read(exampleUnit)
        let computed = try renderer.scores(document.unit, plan: try renderer.catalog.plan(for: document, options: RenderOptions()))
        return PageDump.text(of: try renderer.layouter.layOut(document, computed, instance, layouts: [:], lines: lines).pages)
    }

    @Test("the 吉林 forms print no year line by default and （2024年度） under the title with the optional line 'year'",
          arguments: [DocumentInstance.project(index: 0), .department])
    func optionalYearLine(instance: DocumentInstance) throws {
        let plain = try dump(instance, lines: [])
        let withYear = try dump(instance, lines: ["year"])
        #expect(!plain.contains("（2024年度）"))
        #expect(withYear.contains("（2024年度）"), "\(withYear.prefix(600))")
        // Only the first page's title gains the line; the rest of the page dump moves down, nothing else changes.
        #expect(withYear.components(separatedBy: "（2024年度）").count == 2)
        // A name no layout has is simply not printed by the binder (the CLI refuses it, exit 64).
        #expect(try dump(instance, lines: ["nothing"]) == plain)
    }

    @Test("layouts name their optional lines; the national layouts print the year line always")
    func optionalLinesAreListed() throws {
        let catalog = try LayoutCatalog.standard()
        #expect(try catalog.layout(for: .project, requested: "project-jilin").optionalLines == ["year"])
        #expect(try catalog.layout(for: .department, requested: "department-jilin").optionalLines == ["year"])
        #expect(try catalog.layout(for: .project, requested: "project-national").optionalLines.isEmpty)
    }

    @Test("--line year prints the line from the command line; an unknown name is a usage error (64) naming the ones there are")
    func commandLine() throws {
        let output = try temporaryFolder()
        let result = try runFormPrint(["render", exampleUnit.path, "-o", output.path, "--line", "year"])
        #expect(result.status == 0, "\(result.errors)")
        let pdf = try #require(result.output.split(separator: "\n").map(String.init).first { $0.contains("项目支出绩效自评表") })
        let text = try run("pdftotext", [pdf, "-"]).output
        #expect(text.contains("（2024年度）"), "\(text.prefix(300))")
        let wrong = try runFormPrint(["render", exampleUnit.path, "-o", output.path, "--line", "yaer"])
        #expect(wrong.status == 64)
        #expect(wrong.errors.contains("'yaer'") && wrong.errors.contains("year"), "\(wrong.errors)")
    }

    @Test("a unit file with lines: [year] (as an import records the officer's own year line) prints it without --line")
    func lineOfTheUnitFile() throws {
        let text = try String(contentsOf: exampleUnit, encoding: .utf8).replacingOccurrences(of: "\nyear: 2024", with: "\nyear: 2024\nlines: [year]")
        let folder = try temporaryFolder()
        let unit = folder.appendingPathComponent("unit.yaml")
        try text.write(to: unit, atomically: true, encoding: .utf8)
        #expect(try UnitFiles.read(unit).unit.lines == ["year"])
        let output = try temporaryFolder()
        let result = try runFormPrint(["render", unit.path, "-o", output.path])
        #expect(result.status == 0, "\(result.errors)")
        let pdf = try #require(result.output.split(separator: "\n").map(String.init).first { $0.contains("项目支出绩效自评表") })
        #expect(try run("pdftotext", [pdf, "-"]).output.contains("（2024年度）"))
    }
}
