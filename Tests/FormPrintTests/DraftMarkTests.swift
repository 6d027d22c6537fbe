import Evaluation
import Foundation
import Importing
import Layout
import Review
import Testing

@testable import FormPrint

/// A document printed while error findings remain carries 「草稿」 on every
/// page; `--final` prints it without; a clean unit never has it.
@Suite(.serialized)
struct DraftMarkTests {
    /// The seed with its 年度资金总和 no longer the sum of its sources (FP201, an error).
    func brokenSeed() throws -> UnitDocument {
        let text = try String(contentsOf: exampleUnit, encoding: .utf8)
            .replacingOccurrences(of: "      - source: 年度资金总和\n        initialBudget: 212.40", with: "      - source: 年度资金总和\n        initialBudget: 300.00")
        return try UnitFileReader.read(text: text, file: "broken.yaml")
    }

    func pageTexts(_ pdf: Data) throws -> [String] {
        let url = try temporaryFolder().appendingPathComponent("x.pdf")
        try pdf.write(to: url)
        // -raw: the turned mark's characters come out one per line.
        return try run("pdftotext", ["-raw", url.path, "-"]).output.components(separatedBy: "\u{0C}").filter { !$0.isEmpty }
            .map { $0.replacingOccurrences(of: "草\n稿", with: "草稿") }
    }

    @Test("with an error finding every page of every document, and of the combined PDF, is marked 草稿; with --final none is")
    func draftAndFinal() throws {
        let document = try brokenSeed()
        let errors = try UnitChecker().check(document).findings.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == [.totalNotSumOfSources])
        let renderer = try UnitRenderer()
        let draft = try renderer.render(document, options: RenderOptions(combined: true), errors: errors.count)
        for file in draft.files where file.format == .pdf {
            let pages = try pageTexts(file.data)
            #expect(!pages.isEmpty)
            #expect(pages.allSatisfy { $0.contains("草稿") || $0.contains("草 稿") }, "\(file.relativePath)")
        }
        var final = RenderOptions(combined: true)
        final.final = true
        let printed = try renderer.render(document, options: final, errors: errors.count)
        for file in printed.files where file.format == .pdf {
            #expect(try pageTexts(file.data).allSatisfy { !$0.contains("草稿") && !$0.contains("草 稿") }, "\(file.relativePath)")
        }
        // Without errors there is no mark.
        let clean = try renderer.render(try UnitFiles.read(exampleUnit), options: RenderOptions(), errors: 0)
        #expect(try clean.documents.flatMap { try pageTexts($0.pdf) }.allSatisfy { !$0.contains("草稿") })
    }

    @Test("the mark is a light grey, turned, centred on the sheet, above the form")
    func markPlacement() throws {
        let renderer = try UnitRenderer()
        let document = try brokenSeed()
        let laidOut = try renderer.layouter.layOut(document, .none, .project(index: 0), layouts: [:])
        let marked = try DraftMark.marked(laidOut.pages, measurer: renderer.typesetter)
        for page in marked {
            guard case .text(let run)? = page.overlay.last else { Issue.record("no mark"); continue }
            #expect(run.text == "草稿" && run.angle == -35 && run.gray == 0.5 && run.opacity == 0.3)
            // The run's middle (half its advance along the turned baseline) is the sheet's centre.
            let width = try renderer.typesetter.width(of: "草稿", font: DraftMark.font).points
            let radians = run.angle * Double.pi / 180
            let middle = (x: run.origin.x.points + width / 2 * cos(radians) + DraftMark.font.size.points * 0.35 * sin(radians),
                          y: run.origin.y.points + width / 2 * sin(radians) - DraftMark.font.size.points * 0.35 * cos(radians))
            #expect(abs(middle.x - page.size.width.points / 2) < 0.01 && abs(middle.y - page.size.height.points / 2) < 0.01)
        }
        #expect(PageDump.text(of: marked).contains("turned -35.0° grey 0.5 opacity 0.3 草稿"))
    }
}
