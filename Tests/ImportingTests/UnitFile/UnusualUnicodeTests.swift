import Evaluation
import Foundation
import Importing
import InputReading
import Testing

/// Unusual Unicode in every kind of field: characters that print as
/// nothing but change the text (joiners, direction marks and overrides,
/// control characters) are refused with their code point, line and field;
/// visible ones (combining marks, emoji, rare CJK) are read as written and
/// left to the fonts (FormPrintTests/UnusualUnicodeRenderTests).
@Suite("Unusual Unicode in unit files")
struct UnusualUnicodeTests {
    /// A unit file with `value` (YAML double-quoted escapes allowed) in the field at `path`.
    static func unit(_ value: String, in field: String) -> String {
        let fields: [String: String] = [
            "projects[0].name": "projects:\n  - name: \"项目\(value)\"\n",
            "projects[0].indicators[0].subcategories[0].indicators[0].target": "projects:\n  - name: 项目\n    indicators:\n      - category: 产出指标\n        subcategories:\n          - category: 数量指标\n            indicators:\n              - {name: 指标, target: \">=1\(value)个\", actual: 1个}\n",
            "department.name": "department:\n  name: \"测试\(value)单位\"\n",
            "department.tasks[0].content": "department:\n  name: 测试单位\n  tasks:\n    - {number: 1, name: 任务, content: \"内容\(value)\"}\n",
            "report.sections[0].paragraphs[0]": "report:\n  title: 报告\n  sections:\n    - heading: 概况\n      paragraphs: [\"文字\(value)\"]\n",
            "report.signature": "report:\n  title: 报告\n  signature: \"测试\(value)单位\"\n",
            "signatures.unitHead": "signatures:\n  unitHead: \"张\(value)三\"\n",
        ]
        return "formprint: 1\nunit: {name: 测试单位}\nyear: 2024\n" + fields[field]!
    }

    static let fields = ["projects[0].name", "projects[0].indicators[0].subcategories[0].indicators[0].target", "department.name",
                         "department.tasks[0].content", "report.sections[0].paragraphs[0]", "report.signature", "signatures.unitHead"]

    /// Written as a YAML escape, what the error names.
    static let invisible: [(escape: String, named: String)] = [
        ("\\u200D", "U+200D (ZERO WIDTH JOINER)"),
        ("\\u200F", "U+200F (RIGHT-TO-LEFT MARK)"),
        ("\\u202E", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\\u2067", "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
        ("\\a", "the control character U+0007"),
        ("\\e", "the control character U+001B"),
        ("\\x7F", "the control character U+007F"),
        ("\\x85", "the control character U+0085"),
    ]

    @Test("an invisible or control character in any field is refused with its code point, line and field",
          arguments: fields, invisible.indices)
    func invisibleCharacter(field: String, index: Int) throws {
        let (escape, named) = Self.invisible[index]
        let error = try #require(readError(Self.unit(escape, in: field)))
        #expect(error.path.description == field)
        #expect(english(error).contains(named), "\(english(error))")
        #expect(english(error).hasPrefix("unit.yaml:\(error.location.line):"))
        #expect(error.location.line >= 4)
    }

    @Test("a raw control character in the file is a located YAML error, not a crash")
    func rawControlCharacter() throws {
        let error = try #require(readError(Self.unit("\u{7}", in: "projects[0].name")))
        guard case .syntax = error.problem else {
            Issue.record("expected a syntax error, got \(error.problem)")
            return
        }
        #expect(error.location.line == 5 && error.location.column == 14)
        #expect(english(error).contains("control characters are not allowed (U+0007)"), "\(english(error))")
    }

    @Test("combining marks, emoji with their joiners' neighbours, rare CJK and other scripts are read as written",
          arguments: ["e\u{0301}", "名\u{0301}", "😀", "❤\u{FE0F}", "\u{2A6A5}", "ก", "ب", "한", "Ω"])
    func visibleCharacters(value: String) throws {
        for field in Self.fields {
            let document = try UnitFileReader.read(text: Self.unit(value, in: field), file: "unit.yaml")
            #expect(document.source.location(of: FieldPath(stringLiteral: field)) != nil || field.contains("["), "\(field)")
            let unit = document.unit
            let read = [unit.projects.first?.name, unit.projects.first?.indicators.first?.subcategories.first?.indicators.first?.target,
                        unit.department?.name, unit.department?.tasks.first?.content,
                        unit.report?.sections.first?.paragraphs.first, unit.report?.signature, unit.signatures.unitHead]
            #expect(read.contains { $0?.contains(value) == true }, "\(field): \(value)")
        }
    }

    @Test("an emoji joined by a zero-width joiner is refused for the joiner")
    func emojiSequenceWithJoiner() throws {
        let error = try #require(readError(Self.unit("👨\\u200D👩", in: "projects[0].name")))
        #expect(english(error).contains("U+200D (ZERO WIDTH JOINER)"), "\(english(error))")
    }
}
