import Foundation
import FormPrint
import Testing

/// Every file the examples render to — each document in every format, the
/// combined PDF, and a draft-marked copy — has the bytes recorded in
/// `Snapshots/output-digests.txt`. A refactoring of the layout engine, the
/// facade or the writers must leave them byte-identical; a change that is
/// meant to alter the output updates the record deliberately:
///
///     FORMPRINT_UPDATE_DIGESTS=1 swift test --filter OutputDigestTests
///
/// and the diff of the record shows which files changed.
@Suite struct OutputDigestTests {
    static let record = repositoryRoot.appendingPathComponent("Tests/FormPrintTests/Snapshots/output-digests.txt")

    /// `<example> <variant> <relative path> <sha-256>` per file, sorted.
    static func currentDigests() throws -> [String] {
        let renderer = try UnitRenderer()
        let examples = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Examples").path)
            .filter { UnitFiles.isUnitFile($0) }.sorted()
        let variants: [(name: String, options: RenderOptions, errors: Int)] = [
            ("all-formats", RenderOptions(formats: [.pdf, .ps, .svg, .ofd, .png], resolution: 30, combined: true), 0),
            ("draft", RenderOptions(formats: [.pdf]), 1),
        ]
        var lines: [String] = []
        for example in examples {
            let document = try UnitFiles.read(repositoryRoot.appendingPathComponent("Examples/\(example)"), fields: try renderer.catalog.fields)
            for variant in variants {
                let rendered = try renderer.render(document, options: variant.options, errors: variant.errors)
                for file in rendered.files {
                    lines.append("\(example) \(variant.name) \(file.relativePath) \(ContentHash.hex(file.data))")
                }
            }
        }
        return lines.sorted()
    }

    @Test func examplesRenderToTheRecordedBytes() throws {
        let current = try Self.currentDigests()
        if ProcessInfo.processInfo.environment["FORMPRINT_UPDATE_DIGESTS"] == "1" {
            try (current.joined(separator: "\n") + "\n").write(to: Self.record, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: Self.record, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(current.count == recorded.count, "the examples render \(current.count) files; \(recorded.count) are recorded")
        let changed = Set(current).symmetricDifference(recorded).sorted()
        #expect(changed.isEmpty, "output bytes changed (FORMPRINT_UPDATE_DIGESTS=1 records them if intended):\n\(changed.joined(separator: "\n"))")
        // The record covers every kind of output, so "nothing changed" means something.
        for kind in [".pdf", ".ps", ".svg", ".ofd", ".png", "全部自评文档.pdf"] {
            #expect(recorded.contains { $0.split(separator: " ")[2].hasSuffix(kind) }, "no \(kind) file is recorded")
        }
    }
}
