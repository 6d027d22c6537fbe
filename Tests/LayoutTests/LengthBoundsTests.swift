import Foundation
import Layout
import Testing

/// Issue 14, item 14: a layout `rule: 30mm` passed `layouts check` and
/// painted the table black. Every length is bounded by what it means.
@Suite("Layout lengths are bounded by their meaning")
struct LengthBoundsTests {
    static func jilin() throws -> String {
        try String(contentsOf: layoutsFolder().appendingPathComponent("project-jilin.yaml"), encoding: .utf8)
    }

    @Test("a length far beyond its meaning is refused at its line, saying the bound", arguments: [
        ("rule: 0.5pt", "rule: 30mm", "thickness of a rule"),
        ("padding: {horizontal: 1.5mm", "padding: {horizontal: 40mm", "padding inside a cell"),
        ("minRowHeight: 8mm", "minRowHeight: 2000mm", "height of a table row"),
        ("stylesheet: forms\n", "stylesheet: forms\nstyles:\n  title: {size: 500pt}\n", "a font size"),
        ("line: 25mm}", "line: 9000mm}", "signature line"),
        ("gap: 6mm", "gap: 900mm", "gap between"),
    ])
    func refused(original: String, replacement: String, meaning: String) throws {
        let text = try Self.jilin()
        #expect(text.contains(original))
        let problems = loadProblems(text.replacingOccurrences(of: original, with: replacement))
        let problem = try #require(problems.first { $0.message.english.contains("too large") }, "\(problems)")
        #expect(problem.message.english.contains(meaning), "\(problem)")
        #expect(problem.hint.english.hasPrefix("write at most"))
        #expect(problem.location.line > 0)
    }

    @Test("the shipped values and thick official outer rules load")
    func plausibleLoads() throws {
        _ = try LayoutLoader.load(text: try Self.jilin().replacingOccurrences(of: "rule: 0.5pt", with: "rule: 1.5pt"), file: "thick.yaml")
    }
}
