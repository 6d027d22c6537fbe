import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// The seed (pasted tables and report) imports to exactly the unit that
/// Examples/liuhe-2024.yaml transcribes by hand.
@Suite("Importing the seed text")
struct SeedImportTests {
    static let imported = Result { try PastedTextImporter.importText(try seedText(), file: "seed.txt") }
    static func seedText() throws -> String { try String(contentsOf: RepositoryPaths.seed, encoding: .utf8) }
    static func example() throws -> UnitEvaluation { try UnitFileReader.read(contentsOf: RepositoryPaths.exampleUnit).unit }

    @Test("the imported model equals the example's")
    func equalsExample() throws {
        let imported = try Self.imported.get().unit
        let example = try Self.example()
        #expect(imported.name == example.name)
        #expect(imported.year == example.year)
        #expect(imported.projects == example.projects)
        #expect(imported.department == example.department)
        #expect(imported.report?.title == example.report?.title)
        let importedSections = imported.report?.sections ?? []
        let exampleSections = example.report?.sections ?? []
        #expect(importedSections.count == exampleSections.count)
        for (a, b) in zip(importedSections, exampleSections) {
            #expect(a.heading == b.heading)
            for (x, y) in zip(a.sections, b.sections) {
                #expect(x.heading == y.heading)
                #expect(x.paragraphs == y.paragraphs)
            }
            #expect(a.paragraphs == b.paragraphs)
        }
        #expect(imported == example)
    }
}
