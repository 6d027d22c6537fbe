import Evaluation
import Layout
import Foundation
import Testing

@testable import FormPrint
@testable import Rendering

/// Characters the bundled fonts lack: an error naming the character, its
/// code point and its field (never a box on the page), or, with
/// `--font-fallback system`, set in one of the machine's fonts.
@Suite("Fonts: missing glyphs and the system fallback", .serialized)
struct FontFallbackTests {
    static let fonts = repositoryRoot.appendingPathComponent("Fonts")

    /// A system font family covering `codePoint` (hex), by fc-list; nil if none.
    static func systemFamily(covering codePoint: String) -> String? {
        guard let listed = try? run("fc-list", [":charset=\(codePoint)", "family"]), listed.status == 0 else { return nil }
        return listed.output.split(separator: "\n").first.map(String.init)
    }

    /// The first of a few characters the bundled fonts lack that some font
    /// of this machine has (emoji in DejaVu Sans, Thai, Arabic, Devanagari).
    static let systemOnly: (character: String, codePoint: String)? = [("😀", "1f600"), ("ก", "e01"), ("ب", "628"), ("क", "915")]
        .first { systemFamily(covering: $0.1) != nil }

    func unitFile(_ body: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent("unit.yaml")
        try ("formprint: 1\nunit: {name: 测试单位}\nyear: 2024\n" + body).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// One renderer per fallback, made once: the glyph checks are tested, not the set-up.
    /// Unchecked because UnitRenderer is not Sendable; the suite is serialized.
    nonisolated(unsafe) static let bundledOnly = Result { try UnitRenderer() }
    nonisolated(unsafe) static let withSystemFonts = Result { try UnitRenderer(fontFallback: .system) }

    func renderError(_ url: URL, _ instance: DocumentInstance, fallback: FontFallback = .none) throws -> String {
        let renderer = try (fallback == .none ? Self.bundledOnly : Self.withSystemFonts).get()
        do {
            _ = try renderer.render(try UnitFiles.read(url), instance)
            return "no error"
        } catch {
            return english(error)
        }
    }

    static let rareName = "\u{2A6A5}"   // 𪚥, CJK Extension B: in no bundled font

    /// (the unit file's body, the document to render, the field, its line)
    static let fields: [(String, String, String, Int)] = [
        ("projects:\n  - name: 项目\(rareName)\n", "project", "projects[0].name", 5),
        ("projects:\n  - name: 项目\n    implementingUnit: 单位\(rareName)\n", "project", "projects[0].implementingUnit", 6),
        ("projects:\n  - name: 项目\n    indicators:\n      - category: 产出指标\n        subcategories:\n          - category: 数量指标\n            indicators:\n              - {name: 指标\(rareName), target: 1个, actual: 1个}\n",
         "project", "projects[0].indicators[0].subcategories[0].indicators[0].name", 11),
        ("projects:\n  - name: 项目\nsignatures:\n  unitHead: 张\(rareName)\n", "project", "signatures.unitHead", 7),
        ("department:\n  name: 测试\(rareName)单位\n", "department", "department.name", 5),
        ("department:\n  name: 测试单位\n  tasks:\n    - {number: 1, name: 任务, content: 内容\(rareName)}\n", "department", "department.tasks[0].content", 7),
        ("report:\n  title: 报告\n  sections:\n    - heading: 概况\(rareName)\n", "report", "report.sections[0].heading", 7),
        ("report:\n  title: 报告\n  sections:\n    - heading: 概况\n      paragraphs: [文字\(rareName)]\n", "report", "report.sections[0].paragraphs[0]", 8),
        ("report:\n  title: 报告\n  signature: 测试\(rareName)单位\n  sections: []\n", "report", "report.signature", 6),
    ]

    @Test("a rare name character (𪚥 U+2A6A5) is named with its code point, line and field in every kind of field",
          arguments: fields.indices)
    func rareCharacterInEveryField(index: Int) throws {
        let (body, document, field, line) = Self.fields[index]
        let instance: DocumentInstance = switch document {
        case "department": .department
        case "report": .report
        default: .project(index: 0)
        }
        let url = try unitFile(body)
        let message = try renderError(url, instance)
        #expect(message.hasPrefix("\(url.path):\(line):"), "\(message)")
        #expect(message.contains("\(field): no bundled font of this text's face has a glyph for '\(Self.rareName)' (U+2A6A5)"), "\(message)")
        #expect(message.contains("--font-fallback system"))
    }

    /// Issue 24: characters the 宋体 face lacks but the bundled 楷体 has
    /// (龦 U+9FA6, a Hangul syllable) printed in 楷体 inside a 宋体 cell
    /// without a word. The cell's face is kept: such a character is named,
    /// with its field, unless other faces are allowed.
    @Test("a character only another bundled face has is named in a 宋体 cell, not set in 楷体", arguments: ["龦", "한"])
    func otherFaceOnly(character: String) throws {
        let url = try unitFile("projects:\n  - name: 项目\(character)\n")
        let message = try renderError(url, .project(index: 0))
        let code = "U+" + String(character.unicodeScalars.first!.value, radix: 16, uppercase: true)
        #expect(message.contains("projects[0].name: no bundled font of this text's face has a glyph for '\(character)' (\(code))"), "\(message)")
        #expect(try renderError(url, .project(index: 0), fallback: .system) == "no error", "allowed with --font-fallback system")
    }

    @Test("everything the bundled fonts cover prints byte for byte the same with the fallback")
    func seedIdenticalWithFallback() throws {
        let document = try UnitFiles.read(exampleUnit)
        let plain = try UnitRenderer().render(document)
        let fallback = try UnitRenderer(fontFallback: .system).render(document)
        #expect(plain.map(\.pdf) == fallback.map(\.pdf))
    }

    @Test("a character only the system's fonts have: an error without the fallback, printed in a system font with it",
          .enabled(if: systemOnly != nil, "no system font covers any of the test characters"))
    func systemOnlyCharacter() throws {
        let (character, codePoint) = try #require(Self.systemOnly)
        let url = try unitFile("projects:\n  - name: 项目\(character)名\n    implementingUnit: 测试单位\n")
        let message = try renderError(url, .project(index: 0))
        #expect(message.contains("U+\(codePoint.uppercased())") && message.contains("projects[0].name"), "\(message)")

        let output = try temporaryFolder()
        let renderer = try UnitRenderer(fontFallback: .system)
        let written = try UnitFiles.render(url, with: renderer, into: output)
        let text = try run("pdftotext", [written[0].path, "-"]).output
        #expect(text.contains("项目\(character)名"), "\(text)")
        let fonts = try run("pdffonts", [written[0].path]).output
        let family = try #require(Self.systemFamily(covering: codePoint)).split(separator: ",")[0].replacingOccurrences(of: " ", with: "")
        #expect(fonts.contains(family), "\(fonts) lacks \(family)")
    }

    @Test("a character no font of the machine has is still an error with the fallback, never a box",
          .enabled(if: systemFamily(covering: "2a6a5") == nil, "this machine has a font for U+2A6A5"))
    func characterInNoFont() throws {
        let url = try unitFile("projects:\n  - name: 项目\(Self.rareName)\n")
        let message = try renderError(url, .project(index: 0), fallback: .system)
        #expect(message.contains("'\(Self.rareName)' (U+2A6A5)") && message.contains("projects[0].name"), "\(message)")
    }
}

@Suite("Unusual Unicode on the page", .serialized)
struct UnusualUnicodeRenderTests {
    /// (the value, whether it prints, what the error names otherwise)
    static let cases: [(String, Bool, String)] = [
        // A combining mark 宋体 lacks: only LXGW WenKai (楷体) has it, and a
        // 宋体 cell is never set partly in 楷体 without a word (issue 24).
        ("cafe\u{0301}", false, "U+65 U+301"),
        ("名\u{0301}", false, "U+540D U+301"),
        ("名\u{0360}", false, "U+540D U+360"),              // a combining double tilde: in no bundled font
        ("😀", false, "U+1F600"),                           // emoji
        ("❤\u{FE0F}", false, "U+FE0F"),                     // an emoji presentation selector
        ("Ω²½", true, ""),                                  // Greek, superscripts, fractions: in the bundled fonts
        ("한국", false, "U+D55C"),                           // Hangul: only in LXGW WenKai (楷体), not in 宋体
        // An ideographic variation sequence the face has no variant for: the
        // base glyph prints, and the selector stays in the PDF's text (it
        // was dropped into an empty ActualText span before, issue 24).
        ("葛\u{E0100}", true, ""),
        ("辻\u{E0101}文", true, ""),
    ]

    @Test("visible unusual characters print, or are named with their code points and field", arguments: cases.indices)
    func visible(index: Int) throws {
        let (value, prints, named) = Self.cases[index]
        let url = try temporaryFolder().appendingPathComponent("unit.yaml")
        try "formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nprojects:\n  - name: \"项目\(value)\"\n    implementingUnit: 测试单位\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let output = try temporaryFolder()
        do {
            let written = try UnitFiles.render(url, with: try UnitRenderer(), into: output)
            #expect(prints, "\(value) printed")
            let text = try run("pdftotext", [written[0].path, "-"]).output
            #expect(text.precomposedStringWithCanonicalMapping.contains(value.precomposedStringWithCanonicalMapping), "\(text)")
        } catch {
            #expect(!prints, "\(english(error))")
            #expect(english(error).contains(named) && english(error).contains("unit.yaml:5:") && english(error).contains("projects[0].name"), "\(english(error))")
        }
    }
}
