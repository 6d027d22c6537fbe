import Evaluation
import Foundation
import Layout
import Testing

/// Limits of the layout engine and its files (README.md, "Limits"): each
/// lays out in bounded work or stops with a message that names the limit.
/// `.hangGuard` only guards against a hang.
@Suite("Limits of layouts and of the layout engine")
struct LayoutLimitsTests {
    @Test("10 000 indicators lay out on hundreds of pages with every invariant", .hangGuard(minutes: 2))
    func tenThousandIndicators() throws {
        let form = try LaidOutForm(unitWithIndicators(10_000))
        #expect(form.measured.table.rowCount == 10 + 10_000)
        #expect(form.pages.count > 300)
        form.checkInvariants()
    }

    func problems(_ text: String) -> [LayoutProblem] {
        do {
            _ = try LayoutLoader.load(text: text, file: "limit.yaml")
            Issue.record("expected the layout to be refused")
            return []
        } catch {
            return error.problems
        }
    }

    static let jilin = (try? String(contentsOf: layoutsFolder().appendingPathComponent("project-jilin.yaml"), encoding: .utf8)) ?? ""

    @Test("columns wider than the page are refused with both widths")
    func columnsWiderThanThePage() throws {
        let text = Self.jilin.replacingOccurrences(of: "columns: [22mm, 27mm, 32mm, 30mm, 27mm, 27mm]",
                                                   with: "columns: [22mm, 27mm, 32mm, 300mm, 27mm, 27mm]")
        let problem = try #require(problems(text).first)
        #expect(problem.description(in: .english).contains("the columns add up to 435.0mm, wider than the page's 165.0mm between the margins"),
                "\(problem)")
    }

    @Test("a 1 MB label in a layout is refused, naming the limit")
    func megabyteLabel() throws {
        let text = Self.jilin.replacingOccurrences(of: "{text: 项目支出绩效自评表, style: title, spaceAfter: 4mm}",
                                                   with: "{text: \"\(String(repeating: "表", count: 1 << 20))\", style: title, spaceAfter: 4mm}")
        let problem = try #require(problems(text).first)
        #expect(problem.message.english.contains("limited to 20000 characters") && problem.path.description == "table.title[0].text", "\(problem)")
    }

    /// Layout files have no recursive structure, so nested aliases cannot
    /// expand into anything valid: the reader stops at the first one, at
    /// the type it does not expect, without expanding it.
    @Test("an alias bomb in a layout is refused without being expanded", .hangGuard(minutes: 1))
    func aliasBomb() throws {
        var lines = Self.jilin.components(separatedBy: "\n")
        let blocks = try #require(lines.firstIndex { $0.hasPrefix("  blocks:") })
        // Nine rows of nine cells, each level nine copies of the one below.
        var bomb = ["    - rows:", "        - &r0 [{text: a, span: 6}]"]
        for level in 1..<9 {
            bomb.append("    - rows: &r\(level) [" + Array(repeating: "*r\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.insert(contentsOf: bomb, at: blocks + 1)
        let problem = try #require(problems(lines.joined(separator: "\n")).first)
        #expect(problem.description(in: .english) == "limit.yaml:34:11: error: table.blocks[2].rows[0][0]: must be a mapping of fields (key: value), found a list; write it as a mapping of fields (key: value)")
    }

    @Test("an invisible character in layout text is refused with its code point and place",
          arguments: ["\\u200D", "\\u202E", "\\a"])
    func invisibleCharacterInLayoutText(escape: String) throws {
        let text = Self.jilin.replacingOccurrences(of: "{text: 项目支出绩效自评表, style: title, spaceAfter: 4mm}",
                                                   with: "{text: \"项目\(escape)支出绩效自评表\", style: title, spaceAfter: 4mm}")
        let problem = try #require(problems(text).first)
        #expect(problem.path.description == "table.title[0].text" && problem.message.english.contains("U+"), "\(problem)")
        #expect(problem.description(in: .english).hasPrefix("limit.yaml:"))
    }
}
