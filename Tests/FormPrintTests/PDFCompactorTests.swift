import Foundation
import Testing

@testable import FormPrint
@testable import Rendering

/// The object-stream packing of cairo's PDFs on a rendered unit: smaller and
/// the same document (input it does not understand: RenderingTests).
@Suite(.serialized)
struct PDFCompactorTests {
    @Test func packedPDFsAreSmallerAndReadTheSame() throws {
        let folder = try temporaryFolder()
        let files = try UnitFiles.render(exampleUnit, with: try UnitRenderer(), into: folder)
        for file in files {
            let packed = try Data(contentsOf: file)
            #expect(String(decoding: packed.prefix(8), as: UTF8.self) == "%PDF-1.5")
            #expect(packed.range(of: Data("/Type /ObjStm".utf8)) != nil)
            #expect(packed.range(of: Data("/Type /XRef".utf8)) != nil)
            #expect(packed.range(of: Data("\ntrailer".utf8)) == nil)
            let check = try run("qpdf", ["--check", file.path])
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output.contains("No syntax or stream encoding errors found"))
        }
        // The same pages and text as cairo's own file, in fewer bytes:
        // unpacking with qpdf gives the plain layout back.
        let project = try #require(files.first { $0.lastPathComponent.contains("项目支出") })
        let plain = folder.appendingPathComponent("plain.pdf")
        #expect(try run("qpdf", ["--object-streams=disable", project.path, plain.path]).status == 0)
        let packedSize = try Data(contentsOf: project).count, plainSize = try Data(contentsOf: plain).count
        #expect(packedSize < plainSize)
        #expect(try run("pdftotext", [project.path, "-"]).output == (try run("pdftotext", [plain.path, "-"]).output))
    }
}
