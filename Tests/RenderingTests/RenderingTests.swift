import Foundation
import Layout
import Rendering
import TestSupport
import Testing

/// The rendering back end on its own: pages of draw items in, bytes out,
/// read back by poppler and qpdf; no unit, no layout file.
@Suite struct RenderingTests {
    static let fonts = RepositoryPaths.root.appendingPathComponent("Fonts")
    static let song = FontSpec(family: .song, bold: false, size: .pt(12))

    static func page(_ text: String) -> PagedDocument {
        let items: [DrawItem] = [
            .line(LineSegment(from: Point(x: .mm(20), y: .mm(20)), to: Point(x: .mm(190), y: .mm(20)), width: .pt(0.5))),
            .text(TextRun(text: text, font: song, origin: Point(x: .mm(20), y: .mm(30)))),
        ]
        return PagedDocument(pages: [Page(size: .a4Portrait, items: items)],
                             metadata: DocumentMetadata(title: "测试", author: "FormPrint", subject: "", keywords: ""))
    }

    @Test("a CJK character of the bundled 宋体 is one em wide; Latin letters are narrower")
    func measuresWithTheBundledFonts() throws {
        let typesetter = try Typesetter(fonts: try FontLibrary(directory: Self.fonts))
        #expect(try typesetter.advance(of: "中", font: Self.song) == .pt(12))
        let latin = try typesetter.width(of: "abc", font: Self.song)
        #expect(latin > .zero && latin < .pt(36))
        // Wrapped by the typesetter at the width of four characters.
        let lines = try typesetter.lines(of: "绩效自评表八个字", font: Self.song, width: .pt(48))
        #expect(lines.count == 2)
    }

    @Test("a page of draw items becomes a valid PDF with its text and the bundled font embedded as a subset")
    func writesAValidPDF() throws {
        let typesetter = try Typesetter(fonts: try FontLibrary(directory: Self.fonts))
        let writer = PDFWriter(typesetter: typesetter, creationDate: Date(timeIntervalSince1970: 1_735_689_600), creator: "FormPrint tests")
        let data = try writer.pdf(Self.page("项目支出绩效自评表"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("formprint-rendering-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        #expect(try run("qpdf", ["--check", file.path]).status == 0)
        #expect(try run("pdftotext", [file.path, "-"]).output.contains("项目支出绩效自评表"))
        // pdffonts: "ABCDEF+Name  type  encoding  emb sub uni …"; the bundled
        // 宋体 is Noto Serif CJK, embedded (emb) as a subset (sub, the tag).
        let fonts = try run("pdffonts", [file.path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.contains("+NotoSerifCJKsc") && font.contains("yes yes"), "\(font)")
        }
        // The same pages give the same bytes.
        #expect(try writer.pdf(Self.page("项目支出绩效自评表")) == data)
    }

    @Test("a PNG page has the pixel size of A4 at the resolution asked for")
    func writesPNGAtTheResolution() throws {
        let typesetter = try Typesetter(fonts: try FontLibrary(directory: Self.fonts))
        let png = try PNGWriter(typesetter: typesetter, resolution: 72).png(Self.page("预算绩效").pages[0])
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, at bytes 16–23.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 595 && height == 842)
    }

    @Test("a folder without the bundled fonts is refused with the folder named")
    func missingFontsAreAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("formprint-nofonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            try FontLibrary(directory: empty)
        } throws: { error in
            "\(error)".contains(empty.path) || "\(error)".contains("font")
        }
    }
}
