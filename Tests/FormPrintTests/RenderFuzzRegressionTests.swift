import Evaluation
import Foundation
import Importing
import Testing

@testable import FormPrint

/// The inputs of the render fuzz target (Fuzz/Render) kept in
/// Tests/FuzzRegressions/render/, replayed through the real renderer (Pango
/// and Cairo, not the fuzzer's fixed-advance measurer): each renders or
/// fails with a located error. The empty input is the one LeakSanitizer
/// named when the harness held its layouts where it could not see them.
@Suite("Render fuzz inputs stay fixed")
struct RenderFuzzRegressionTests {
    static func inputs() -> [String] {
        let folder = repositoryRoot.appendingPathComponent("Tests/FuzzRegressions/render")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("each input renders or fails with a located error", .hangGuard(minutes: 1), arguments: inputs())
    func replay(name: String) throws {
        let url = repositoryRoot.appendingPathComponent("Tests/FuzzRegressions/render/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let document: UnitDocument
        do {
            document = try UnitFileReader.read(text: text, file: name)
        } catch {
            #expect(english(error).hasPrefix(name))
            return
        }
        do {
            let rendered = try UnitRenderer().render(document, options: RenderOptions())
            #expect(!rendered.documents.isEmpty)
        } catch {
            #expect(!english(error).isEmpty)
        }
    }
}
