import Evaluation
import Foundation
import Importing
import Layout
import Review
import Testing

@testable import FormPrint

/// Issue 26, item 1: a unit's layouts, profile, lines, formats and creation
/// date are decided once, in its plan, and everything after reads the plan.
@Suite("UnitPlan")
struct UnitPlanTests {
    func document(layouts: String = "") throws -> UnitDocument {
        try UnitFileReader.read(text: """
            formprint: 1
            unit:
              name: 测试单位
            year: 2024
            \(layouts)
            projects:
              - name: 测试项目
                implementingUnit: 测试单位
            """, file: "unit.yaml")
    }

    @Test("each document gets its layout: the command line's, else the unit file's, else the default")
    func layoutsAreResolvedOnce() throws {
        let catalog = try LayoutCatalog.standard()
        let byDefault = try catalog.plan(for: try document(), options: RenderOptions())
        #expect(byDefault.documents.map(\.instance) == [.project(index: 0)])
        #expect(byDefault.documents.map(\.layout.id) == [LayoutCatalog.defaults[.project]!])
        #expect(byDefault.projectLayoutID == LayoutCatalog.defaults[.project]!)

        let unitChoice = try document(layouts: "layouts: {project: project-jilin}")
        #expect(try catalog.plan(for: unitChoice, options: RenderOptions()).documents.map(\.layout.id) == ["project-jilin"])
        let commandLine = try catalog.plan(for: unitChoice, options: RenderOptions(layouts: [.project: LayoutCatalog.defaults[.project]!]))
        #expect(commandLine.documents.map(\.layout.id) == [LayoutCatalog.defaults[.project]!])
        #expect(commandLine.projectLayoutID == LayoutCatalog.defaults[.project]!)
    }

    @Test("a layout the unit file names that does not exist is one error at the unit file's line")
    func unknownLayoutOfTheUnitFileIsLocated() throws {
        let document = try document(layouts: "layouts: {project: project-nowhere}")
        #expect {
            _ = try LayoutCatalog.standard().plan(for: document, options: RenderOptions())
        } throws: { error in
            english(error).hasPrefix("unit.yaml:5:") && english(error).contains("project-nowhere") && english(error).contains("project-jilin")
        }
    }

    @Test("checking a unit with an unknown layout fails instead of skipping the layout's checks")
    func checkingRefusesAnUnknownLayout() throws {
        #expect(throws: FormPrintError.self) {
            _ = try UnitChecker().check(try document(), layouts: [.project: "project-nowhere"])
        }
    }

    @Test("the creation date is SOURCE_DATE_EPOCH when set, else 1 January after the evaluated year")
    func creationDateIsPlanned() throws {
        let catalog = try LayoutCatalog.standard()
        let document = try document()
        let pinned = try catalog.plan(for: document, options: RenderOptions(), environment: ["SOURCE_DATE_EPOCH": "86400"])
        #expect(pinned.creationDate == Date(timeIntervalSince1970: 86_400))
        let yearly = try catalog.plan(for: document, options: RenderOptions(), environment: [:])
        #expect(yearly.creationDate == UnitPlan.creationDate(year: 2024, environment: [:]))
        #expect(yearly.creationDate > Date(timeIntervalSince1970: 1_735_000_000) && yearly.creationDate < Date(timeIntervalSince1970: 1_736_000_000))
    }

    @Test("a check's plan is reused for other formats and lines, and replaced for other layouts")
    func checkedPlanIsReusedForWriting() throws {
        let checker = try UnitChecker()
        let check = try checker.check(try document())
        let writing = try #require(check.plan.writing(with: RenderOptions(formats: [.pdf, .svg]), unitLines: ["year"]))
        #expect(writing.formats == [.pdf, .svg] && writing.lines == ["year"])
        #expect(check.plan.writing(with: RenderOptions(layouts: [.project: "project-jilin"]), unitLines: []) == nil)
        #expect(check.plan.writing(with: RenderOptions(scoringProfile: "national"), unitLines: []) == nil)
    }
}
