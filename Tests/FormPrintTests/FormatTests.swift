import Foundation
import Testing

@testable import FormPrint

/// PostScript for printers, PNG previews, SVG for the web and the combined
/// PDF with bookmarks, all from the one drawing fold, all deterministic.
@Suite(.serialized)
struct FormatTests {
    static let rendered: Result<RenderedUnit, Error> = Result {
        try UnitRenderer().render(try UnitFiles.read(exampleUnit),
                                  options: RenderOptions(formats: [.pdf, .ps, .png, .svg], resolution: 150, combined: true))
    }

    func unit() throws -> RenderedUnit { try Self.rendered.get() }

    func files(_ format: OutputFormat) throws -> [OutputFile] {
        try unit().documents.flatMap(\.files).filter { $0.format == format }
    }

    func saved(_ file: OutputFile) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(URL(fileURLWithPath: file.relativePath).lastPathComponent)
        try file.data.write(to: url)
        return url
    }

    @Test func postScriptPassesGhostscriptWithOnePagePerPrintedPage() throws {
        let postScripts = try files(.ps)
        #expect(postScripts.map(\.relativePath) == [
            "柳河县政务服务和数字化建设管理局/2024_项目支出绩效自评表_2024年政数局综合类项目.ps",
            "柳河县政务服务和数字化建设管理局/2024_部门整体支出绩效自评表.ps",
            "柳河县政务服务和数字化建设管理局/2024_部门整体支出绩效自评报告.ps",
        ])
        for (file, pages) in zip(postScripts, [1, 1, 10]) {
            let text = String(decoding: file.data.prefix(2000), as: UTF8.self)
            #expect(text.hasPrefix("%!PS-Adobe-3.0"))
            #expect(text.contains("%%LanguageLevel: 2"), "cairo needs only level 2 features for these pages")
            #expect(text.contains("%%DocumentMedia: A4 595 842"))
            #expect(text.contains("%%Pages: \(pages)"), "\(file.relativePath)")
            let result = try run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", try saved(file).path])
            #expect(result.status == 0, "\(file.relativePath): \(result.output)")
        }
    }

    @Test func postScriptCarriesTheFixedCreationDateAndIsByteIdentical() throws {
        let first = try files(.ps)[0].data
        let text = String(decoding: first.prefix(1000), as: UTF8.self)
        #expect(text.contains("%%CreationDate: Wed Jan  1 00:00:00 2025\n"), "\(text)")
        let again = try UnitRenderer().render(try UnitFiles.read(exampleUnit), options: RenderOptions(formats: [.ps]))
        #expect(again.documents[0].files[0].data == first)
    }

    @Test func pngPagesHaveThePixelSizeOfTheResolution() throws {
        let images = try files(.png)
        #expect(images.count == 12)
        #expect(images[2].relativePath.hasSuffix("2024_部门整体支出绩效自评报告_p01.png"))
        #expect(images[11].relativePath.hasSuffix("2024_部门整体支出绩效自评报告_p10.png"))
        for image in images {
            // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
            #expect(image.data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            let bytes = [UInt8](image.data.prefix(24))
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            // A4 at 150 dpi.
            #expect((width, height) == (1240, 1754), "\(image.relativePath): \(width)×\(height)")
        }
        let small = try UnitRenderer().render(try UnitFiles.read(exampleUnit),
                                              options: RenderOptions(formats: [.png], resolution: 72, layouts: [.project: "project-national"]))
        let landscape = [UInt8](small.documents[0].files[0].data.prefix(24))
        #expect(landscape[16..<20].reduce(0) { $0 << 8 | Int($1) } == 842, "A4 landscape at 72 dpi is 842 pixels wide")
        #expect(landscape[20..<24].reduce(0) { $0 << 8 | Int($1) } == 595)
    }

    @Test func svgPagesAreStandaloneAndIndependentOfWhatWasDrawnBefore() throws {
        let svgs = try files(.svg)
        #expect(svgs.count == 12)
        let text = String(decoding: svgs[0].data, as: UTF8.self)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("<svg") && text.contains("width=\"595.275591pt\"") || text.contains("width=\"595.28pt\""), "\(text.prefix(300))")
        // Rendered alone in a fresh renderer, the report's last page has the same bytes.
        let again = try UnitRenderer().render(try UnitFiles.read(exampleUnit), options: RenderOptions(formats: [.svg]))
        #expect(again.documents.last?.files.last?.data == svgs.last?.data)
    }

    @Test func combinedPDFHasABookmarkPerDocumentAndProjectAndLabelledPages() throws {
        let combined = try #require(try unit().combined)
        #expect(combined.relativePath == "柳河县政务服务和数字化建设管理局/2024_全部自评文档.pdf")
        let file = try saved(combined)
        #expect(try run("qpdf", ["--check", file.path]).status == 0)
        let info = try run("pdfinfo", [file.path]).output
        #expect(info.contains("Pages:           12"))
        let json = try run("qpdf", ["--json", "--json-key=outlines", "--json-key=pagelabels", file.path]).output
        for title in ["项目支出绩效自评表", "2024年政数局综合类项目", "部门整体支出绩效自评表", "部门整体支出绩效自评报告"] {
            #expect(json.contains("\"title\": \"\(title)\""), "missing bookmark \(title)")
        }
        #expect(json.contains("\"destpageposfrom1\": 3"), "the report's bookmark opens page 3")
        for prefix in ["项目1-", "部门表-", "报告-"] {
            #expect(json.contains("\"/P\": \"u:\(prefix)\""), "missing page label prefix \(prefix): \(json)")
        }
    }

    @Test func everyPDFPassesQpdfAndCarriesItsMetadata() throws {
        for file in try files(.pdf) {
            let url = try saved(file)
            #expect(try run("qpdf", ["--check", url.path]).status == 0, "\(file.relativePath)")
            let info = try run("pdfinfo", [url.path]).output
            #expect(info.contains("Author:          柳河县政务服务和数字化建设管理局"))
            #expect(info.contains("Creator:         FormPrint \(UnitRenderer.version)"))
            #expect(info.contains("Keywords:        预算绩效自评, 2024"))
        }
    }
}
