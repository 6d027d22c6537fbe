import Foundation
import Testing
import ZIPFoundation

@testable import FormPrint

/// `--format ofd`: each document as OFD (GB/T 33190-2016) from the same draw
/// items as its PDF. The package is checked here; the reading back is done
/// by an independent reader (PyPI's easyofd, Scripts/ofd/read_back.py).
@Suite(.serialized)
struct OFDTests {
    static func render(formats: [OutputFormat] = [.pdf, .ofd]) throws -> (folder: URL, files: [URL]) {
        let folder = try temporaryFolder()
        let unitFile = folder.appendingPathComponent("unit.yaml")
        try ReportAttachmentTests.unitText().write(to: unitFile, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(unitFile, with: try UnitRenderer(), options: RenderOptions(formats: formats),
                                         into: folder.appendingPathComponent("out"))
        return (folder, files)
    }

    static func entries(_ ofd: URL) throws -> [(path: String, data: Data, modified: Date)] {
        let archive = try Archive(url: ofd, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data, entry.fileAttributes[.modificationDate] as? Date ?? .distantPast)
        }
    }

    @Test func anOFDIsTheStandardsPackageWithOnePagePerPageAndItsFonts() throws {
        let (_, files) = try Self.render()
        let report = try #require(files.first { $0.lastPathComponent.hasSuffix("自评报告.ofd") })
        let entries = try Self.entries(report)
        let paths = entries.map(\.path)
        #expect(paths.first == "OFD.xml")
        #expect(paths.contains("Doc_0/Document.xml") && paths.contains("Doc_0/PublicRes.xml"))
        #expect(paths.filter { $0.hasPrefix("Doc_0/Pages/Page_") && $0.hasSuffix("/Content.xml") }.count == 12)
        #expect(Array(paths.dropFirst()) == paths.dropFirst().sorted(), "entries after OFD.xml in path order")
        // Every embedded font is a subset: far smaller than the 7–16 MB faces.
        let fonts = entries.filter { $0.path.hasPrefix("Doc_0/Res/") && $0.path.hasSuffix(".ttf") }
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.data.count < 400_000 }, "\(fonts.map { ($0.path, $0.data.count) })")
        #expect(Set(entries.map(\.modified)).count == 1, "one fixed timestamp")
        let root = String(decoding: try #require(entries.first).data, as: UTF8.self)
        expectContainsExactly(root, ["<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>", "<ofd:Author>柳河县政务服务和数字化建设管理局</ofd:Author>",
                                 "<ofd:CreationDate>2025-01-01</ofd:CreationDate>", "<ofd:Creator>FormPrint</ofd:Creator>"])
        // The outline is the PDF's: headings and attachments, each opening its page.
        let document = String(decoding: try #require(entries.first { $0.path == "Doc_0/Document.xml" }).data, as: UTF8.self)
        expectContainsExactly(document, ["<ofd:OutlineElem Title=\"一、部门概况\" Expanded=\"true\">", "Title=\"（二）人员情况\"",
                                     "Title=\"附件2 部门整体支出绩效自评表\""])
        // Text is text (searchable), not outlines.
        let first = String(decoding: try #require(entries.first { $0.path == "Doc_0/Pages/Page_0/Content.xml" }).data, as: UTF8.self)
        #expect(first.contains(">部门整体支出绩效自评报告</ofd:TextCode>"), "\(first.prefix(600))")
    }

    @Test func identicalInputGivesIdenticalOFDBytes() throws {
        let (_, first) = try Self.render(formats: [.ofd])
        let (_, second) = try Self.render(formats: [.ofd])
        #expect(first.count == 3)
        for (a, b) in zip(first, second) {
            #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(a.lastPathComponent)")
        }
    }

    @Test func aBatchWritesTheSameOFDAndCombinedPDFBytesWithOneAndTwoJobs() throws {
        let input = try BatchFixture.mixedFolder(good: 2)
        let one = try temporaryFolder(), two = try temporaryFolder()
        let options = RenderOptions(formats: [.pdf, .ofd], combined: true)
        _ = try BatchFixture.run([input], output: one, jobs: 1, options: options)
        _ = try BatchFixture.run([input], output: two, jobs: 2, options: options)
        let reference = try BatchFixture.tree(one)
        #expect(reference.keys.filter { $0.hasSuffix(".ofd") }.count == 9, "\(reference.keys.sorted())")
        #expect(reference.keys.filter { $0.hasSuffix("全部自评文档.pdf") }.count == 3)
        #expect(try BatchFixture.tree(two) == reference)
    }

    /// The test-only environment of Scripts/ofd/make-venv.sh (created by
    /// .ci/run and Scripts/setup.sh), or FORMPRINT_OFD_PYTHON.
    static let readerPython: String? = {
        let path = ProcessInfo.processInfo.environment["FORMPRINT_OFD_PYTHON"]
            ?? repositoryRoot.appendingPathComponent(".build/ofd-venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    @Test(.enabled(if: readerPython != nil,
                   "the OFD reader is not installed: run Scripts/ofd/make-venv.sh (CI does) to read every OFD back with easyofd"))
    func everyOFDReadsBackInAnIndependentReaderWithThePDFsPagesAndText() throws {
        let python = try #require(Self.readerPython)
        let (folder, files) = try Self.render()
        let ofds = files.filter { $0.pathExtension == "ofd" }
        #expect(ofds.count == 3)
        for ofd in ofds {
            let pdf = ofd.deletingPathExtension().appendingPathExtension("pdf")
            let prefix = folder.appendingPathComponent(ofd.deletingPathExtension().lastPathComponent).path
            let song = repositoryRoot.appendingPathComponent("Fonts/FormPrintSong-Regular.ttf").path
            let result = try run(python, [repositoryRoot.appendingPathComponent("Scripts/ofd/read_back.py").path, ofd.path,
                                          "--png", prefix, "--song", song])
            #expect(result.status == 0, "\(result.output.suffix(2000))")
            let line = try #require(result.output.split(separator: "\n").last { $0.hasPrefix("{") }, "\(result.output.suffix(2000))")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let pages = try #require(json["pages"] as? [[String: Any]])
            let sizes = try run("pdfinfo", ["-f", "1", "-l", "99", pdf.path]).output.split(separator: "\n")
                .filter { $0.hasPrefix("Page ") && $0.contains(" size: ") }
            #expect(pages.count == sizes.count && !pages.isEmpty, "\(ofd.lastPathComponent): \(pages.count) pages, the PDF \(sizes.count)")
            for (index, page) in pages.enumerated() where index < sizes.count {
                // "Page    1 size: 595.276 x 841.89 pts (A4)" → millimetres.
                let words = sizes[index].split(separator: " ")
                let at = try #require(words.firstIndex(of: "x"))
                let width = try #require(Double(words[at - 1])) * 25.4 / 72, height = try #require(Double(words[at + 1])) * 25.4 / 72
                #expect(abs((page["width"] as? Double ?? 0) - width) < 0.1 && abs((page["height"] as? Double ?? 0) - height) < 0.1,
                        "\(ofd.lastPathComponent) page \(index + 1): \(page["width"] ?? "?") × \(page["height"] ?? "?") mm, the PDF \(width) × \(height)")
                let pdfText = try run("pdftotext", ["-raw", "-f", "\(index + 1)", "-l", "\(index + 1)", pdf.path, "-"]).output
                #expect(squeezed(page["text"] as? String ?? "") == squeezed(pdfText), "\(ofd.lastPathComponent) page \(index + 1)")
            }
            #expect((json["fontProblems"] as? [String])?.isEmpty == true, "\(json["fontProblems"] ?? "")")
            #expect(json["rendered"] as? Int == pages.count)
            // The reader drew ink on the first page.
            let image = try Data(contentsOf: URL(fileURLWithPath: prefix + "_1.png"))
            #expect(image.count > 20_000, "\(ofd.lastPathComponent): a rendered page of \(image.count) bytes is blank")
        }
    }
}

/// Each value appears in `text` as written, spaces included.
func expectContainsExactly(_ text: String, _ values: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for value in values {
        #expect(text.contains(value), "missing \(value)", sourceLocation: sourceLocation)
    }
}
