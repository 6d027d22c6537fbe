import Foundation
import Layout
import Testing

@testable import FormPrint
@testable import Rendering

/// The combined PDF is assembled from the documents' own PDFs (qpdf copies
/// their pages), never drawn a second time: it must print exactly what
/// they print, page for page, and read cleanly in other readers.
@Suite(.serialized)
struct CombinedAssemblyTests {
    @Test func theCombinedPDFPrintsTheDocumentsPagesInOrder() throws {
        let (_, files) = try OutlineTests.renderReportWithAttachments()
        let combined = try #require(files.first { $0.lastPathComponent.hasSuffix("全部自评文档.pdf") })
        let documents = files.filter { $0 != combined }.sorted { order($0) < order($1) }
        #expect(documents.count == 3)
        func pages(_ file: URL) throws -> [String] {
            let text = try run("pdftotext", ["-layout", file.path, "-"]).output
            return Array(text.components(separatedBy: "\u{0C}").dropLast(1))
        }
        let expected = try documents.flatMap(pages)
        #expect(expected.count == 14)
        #expect(try pages(combined) == expected)
        // Every page keeps its size, every font is embedded.
        func sizes(_ file: URL) throws -> [String] {
            try run("pdfinfo", ["-f", "1", "-l", "99", file.path]).output.split(separator: "\n")
                .filter { $0.hasPrefix("Page ") && $0.contains(" size: ") }.map { String($0.split(separator: ":", maxSplits: 1)[1]) }
        }
        let expectedSizes = try documents.flatMap(sizes)
        #expect(expectedSizes.count == 14 && expectedSizes.contains { $0.contains("841.89 x 595.276") }, "the landscape project form keeps its size")
        #expect(try sizes(combined) == expectedSizes)
        let fonts = try run("pdffonts", [combined.path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes yes ") }, "\(fonts)")
        #expect(try run("qpdf", ["--check", combined.path]).status == 0)
        // Ghostscript reads it without a complaint.
        let ghostscript = try run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", combined.path])
        #expect(ghostscript.status == 0 && ghostscript.output.isEmpty, "\(ghostscript.output)")
    }

    /// Filing order: project forms, the department form, the report.
    func order(_ file: URL) -> Int {
        let name = file.lastPathComponent
        return name.contains("项目支出") ? 0 : name.contains("自评表") ? 1 : 2
    }
}
