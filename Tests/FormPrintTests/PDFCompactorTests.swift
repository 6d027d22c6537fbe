import Foundation
import Testing

@testable import FormPrint
@testable import Rendering

/// The object-stream packing of cairo's PDFs: smaller, the same document,
/// and input it does not understand left alone.
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

    @Test("input that is not a cairo-shaped PDF comes back unchanged", arguments: [
        "", "%PDF-1.5\n", "not a pdf at all", "%PDF-1.5\n1 0 obj\n<< >>\nendobj\nstartxref\n999999\n%%EOF\n",
        "%PDF-1.5\n1 0 obj\n<< >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 3 >>\nstartxref\n31\n%%EOF\n",
    ])
    func unknownInput(text: String) {
        let data = Data(text.utf8)
        #expect(PDFCompactor.compact(data) == data)
    }
}
