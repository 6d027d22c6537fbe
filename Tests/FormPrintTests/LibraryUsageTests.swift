import Foundation
import FormPrint
import Testing

/// The README's "As a library" example, as a caller outside the package
/// writes it (no @testable import): it must keep compiling and working.
@Suite struct LibraryUsageTests {
    @Test("read, check, render and write a unit in four calls")
    func readmeExample() throws {
        let out = try temporaryFolder()
        let catalog = try LayoutCatalog.standard()
        let document = try UnitFiles.read(path: seedText.path, catalog: catalog)
        let check = try UnitChecker().check(document)
        #expect(check.findings.contains { $0.rule.code == "FP301" })
        // The pasted seed's findings point into the paste.
        #expect(check.findings.allSatisfy { $0.location?.file == seedText.path })
        let renderer = try UnitRenderer()
        let rendered = try renderer.render(check, options: RenderOptions(formats: [.pdf], combined: true))
        let files = try UnitFiles.write(rendered, into: out)
        #expect(files.count == rendered.documents.count + 1)
        #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(files.last?.lastPathComponent == "2024_全部自评文档.pdf")
    }
}
