import Evaluation
import Foundation
import Importing
import InputReading
import TestSupport
import Testing

/// The error reading `text` as a unit file; records an issue if it reads.
func readError(_ text: String, file: String = "unit.yaml") -> InputFileError? {
    do {
        let document = try UnitFileReader.read(text: text, file: file)
        Issue.record("expected an error, but the file was read: \(document.unit.name)")
        return nil
    } catch let error as InputFileError {
        return error
    } catch {
        Issue.record("expected an InputFileError, got \(type(of: error)): \(error)")
        return nil
    }
}

/// A valid unit file with `project` spliced in as the single project's lines.
/// The unknown fields an error reports (all of a file's, at once).
func unknownFields(_ error: InputFileError) -> [UnknownField] {
    if case .unknownFields(let fields) = error.problem { return fields }
    return []
}

func unitFile(project: String) -> String {
    """
    formprint: 1
    unit:
      name: 测试单位
    year: 2024
    projects:
    \(project)
    """
}

@Suite("Malformed unit files")
struct MalformedUnitFileTests {
    @Test("a minimal valid file reads (the base the malformed cases vary)")
    func minimalFileReads() throws {
        let document = try UnitFileReader.read(text: unitFile(project: "  - name: 项目甲\n    implementingUnit: 单位乙"), file: "unit.yaml")
        #expect(document.unit.name == "测试单位")
        #expect(document.unit.projects.map(\.name) == ["项目甲"])
        #expect(document.unit.projects.first?.implementingUnit == "单位乙")
    }

    @Test("a YAML syntax error gives file:line:column on the right line")
    func syntaxError() throws {
        let text = """
            formprint: 1
            unit:
              name: 测试单位
            year: 2024: oops
            """
        let error = try #require(readError(text, file: "broken.yaml"))
        guard case .syntax = error.problem else {
            Issue.record("expected a syntax problem, got \(error.problem)")
            return
        }
        #expect(error.location.file == "broken.yaml")
        #expect(error.location.line == 4)
        #expect(error.location.column >= 1)
        #expect(english(error).contains("broken.yaml:4:\(error.location.column): error: not valid YAML/JSON"))
    }

    @Test("an unterminated quote is a located syntax error")
    func unterminatedQuote() throws {
        let text = "formprint: 1\nunit:\n  name: \"测试单位\nyear: 2024\n"
        let error = try #require(readError(text, file: "quote.yaml"))
        guard case .syntax = error.problem else {
            Issue.record("expected a syntax problem, got \(error.problem)")
            return
        }
        #expect(error.location.line >= 3)
        #expect(english(error).hasPrefix("quote.yaml:\(error.location.line):\(error.location.column): error:"))
    }

    @Test("an empty file is a syntax error, not a crash")
    func emptyFile() throws {
        let error = try #require(readError("", file: "empty.yaml"))
        #expect(error.problem == .syntax("the file is empty"))
        #expect(english(error).hasPrefix("empty.yaml:1:1: error:"))
    }

    @Test("the YAML reader's own English follows a Chinese sentence that says what is wrong (issue 27)",
          arguments: [("formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nprojects:\n  - name: 项目: 甲\n", "这里不能再有“名称: 值”", "mapping values are not allowed"),
                      ("formprint: 1\nunit: {name: 测试单位}\nyear: [2024\n", "方括号“[ ]”中的列表没有闭合", "did not find expected ',' or ']'"),
                      ("formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nyear: 2025\n", "字段“year”在同一层写了两次", "appears twice"),
                      ("formprint: 1\nunit: {name: @单位}\nyear: 2024\n", "这个字符不能作为值的开头", "cannot start any token")])
    func syntaxInChinese(text: String, chinese: String, reader: String) throws {
        let error = try #require(readError(text, file: "bad.yaml"))
        let message = error.message.chinese
        #expect(message.contains("错误：不是有效的YAML/JSON：" + chinese), "\(message)")
        // The reader's detail comes after the Chinese, labelled, for whoever searches for it.
        let detail = try #require(message.range(of: "（读取器原文："))
        #expect(message[detail.upperBound...].contains(reader), "\(message)")
        let start = try #require(message.range(of: "错误："))
        // Outside quoted text (a field as the file writes it), no English word.
        let sentence = message[start.upperBound..<detail.lowerBound].replacingOccurrences(of: "YAML/JSON", with: "")
            .replacingOccurrences(of: "“[^”]*”", with: "", options: .regularExpression)
        #expect(sentence.range(of: "[A-Za-z]{3,}", options: .regularExpression) == nil, "\(sentence)")
    }

    @Test("a list where text is expected is a wrong type at the list's position")
    func wrongType() throws {
        let text = """
            formprint: 1
            unit:
              name: [测试, 单位]
            year: 2024
            """
        let error = try #require(readError(text))
        #expect(error.problem == .wrongType(expected: .text, found: .list))
        #expect(error.path.description == "unit.name")
        #expect(error.location.line == 3)
        #expect(error.location.column == 9)
        #expect(english(error) == "unit.yaml:3:9: error: unit.name must be text, found a list. Write it as text.")
    }

    @Test("a mapping where a list is expected is a wrong type")
    func mappingInsteadOfList() throws {
        let error = try #require(readError(unitFile(project: "  name: 项目甲")))
        #expect(error.problem == .wrongType(expected: .list, found: .mapping))
        #expect(error.path.description == "projects")
        #expect(error.location.line == 6)
    }

    @Test("a project without 'name' is a missing required field")
    func missingProjectName() throws {
        let error = try #require(readError(unitFile(project: "  - implementingUnit: 单位乙")))
        #expect(error.problem == .missingField("name"))
        #expect(error.path.description == "projects[0]")
        #expect(error.location.line == 6)
        #expect(english(error).contains("unit.yaml:6:"))
        #expect(english(error).contains("missing required field 'name' (projects[0])"))
        #expect(english(error).contains("Add 'name: …' here."))
    }

    @Test("a misspelt field is reported with the nearest declared field, key and Chinese label")
    func unknownFieldWithSuggestion() throws {
        let error = try #require(readError(unitFile(project: "  - name: 项目甲\n    implementingUnt: 单位乙")))
        let fields = unknownFields(error)
        #expect(fields.map(\.name) == ["implementingUnt"])
        #expect(fields.first?.suggestion == FieldSuggestion(key: "implementingUnit", label: "实施单位"))
        #expect(error.path.description == "projects[0]")
        #expect(error.location.line == 7)
        #expect(error.location.column == 5)
        #expect(english(error) == "unit.yaml:7:5: error: unknown field 'implementingUnt' (projects[0]); did you mean 'implementingUnit'（实施单位）?")
    }

    @Test("a field typed as its Chinese label, with a typo, is matched by label: 实施单住 → implementingUnit (实施单位)")
    func unknownFieldByLabel() throws {
        let error = try #require(readError(unitFile(project: "  - name: 项目甲\n    实施单住: 单位乙\n    项目负责: 张三")))
        let fields = unknownFields(error)
        #expect(fields.map(\.name) == ["实施单住", "项目负责"])
        #expect(fields.map(\.suggestion?.key) == ["implementingUnit", nil])
        #expect(fields[0].description(in: .english).contains("did you mean 'implementingUnit'（实施单位）?"))
    }

    @Test("every unknown field of a file is reported at once, in file order")
    func allUnknownFieldsAtOnce() throws {
        let text = unitFile(project: "  - name: 项目甲\n    implementingUnt: 单位乙\n    funds:\n      - {source: 合计, executd: 1}\n    goal: {expectd: x}")
        let error = try #require(readError(text))
        #expect(unknownFields(error).map(\.name) == ["implementingUnt", "executd", "expectd"])
        #expect(unknownFields(error).map(\.suggestion?.key) == ["implementingUnit", "executed", "expected"])
        #expect(english(error).split(separator: "\n").count == 3)
    }

    @Test("an unknown field with no near name has no suggestion")
    func unknownFieldWithoutSuggestion() throws {
        let error = try #require(readError(unitFile(project: "  - name: 项目甲\n    zzzzzzzzzzzz: 1")))
        #expect(unknownFields(error).map(\.name) == ["zzzzzzzzzzzz"])
        #expect(unknownFields(error).first?.suggestion == nil)
        #expect(english(error).contains("remove it, or declare it in Layouts/fields.yaml"))
    }

    @Test("an unknown top-level field is reported")
    func unknownTopLevelField() throws {
        let text = "formprint: 1\nunit:\n  name: 测试单位\nyear: 2024\nprojets: []\n"
        let error = try #require(readError(text))
        #expect(unknownFields(error).map(\.name) == ["projets"])
        #expect(unknownFields(error).first?.suggestion?.key == "projects")
        #expect(error.location.line == 5)
    }

    @Test("a wrong format version is an invalid value with a hint", arguments: ["2", "0", "one"])
    func wrongVersion(version: String) throws {
        let text = "formprint: \(version)\nunit:\n  name: 测试单位\nyear: 2024\n"
        let error = try #require(readError(text))
        guard case .invalidValue(let message, let hint) = error.problem else {
            Issue.record("expected an invalid value, got \(error.problem)")
            return
        }
        #expect(message.english == "'\(version)' is not a whole number from 1 to 1")
        #expect(hint.english.contains("formprint: 1"))
        #expect(error.path.description == "formprint")
        #expect(error.location.line == 1)
        #expect(error.location.column == 12)
    }

    @Test("a missing format version is a missing field")
    func missingVersion() throws {
        let error = try #require(readError("unit:\n  name: 测试单位\nyear: 2024\n"))
        #expect(error.problem == .missingField("formprint"))
    }

    @Test("a year out of range is an invalid value", arguments: ["1800", "2101", "24", "二〇二四"])
    func yearOutOfRange(year: String) throws {
        let text = "formprint: 1\nunit:\n  name: 测试单位\nyear: \(year)\n"
        let error = try #require(readError(text))
        guard case .invalidValue(let message, let hint) = error.problem else {
            Issue.record("expected an invalid value, got \(error.problem)")
            return
        }
        #expect(message.english == "'\(year)' is not a whole number from 1990 to 2100")
        #expect(hint.english.contains("year: 2024"))
        #expect(error.path.description == "year")
        #expect(error.location.line == 4)
        #expect(english(error).hasPrefix("unit.yaml:4:7: error: year:"))
    }

    @Test("years at the ends of the range are accepted", arguments: [1990, 2100])
    func yearAtRangeEnds(year: Int) throws {
        let text = "formprint: 1\nunit:\n  name: 测试单位\nyear: \(year)\n"
        #expect(try UnitFileReader.read(text: text, file: "unit.yaml").unit.year == year)
    }

    @Test("a deeply nested field path is a wrong type, located")
    func deepWrongType() throws {
        let project = """
              - name: 项目甲
                indicators:
                  - category: 产出指标
                    subcategories:
                      - category: 数量指标
                        indicators:
                          - {name: 费用成本, target: [1, 2]}
            """
        let error = try #require(readError(unitFile(project: project)))
        #expect(error.problem == .wrongType(expected: .text, found: .list))
        #expect(error.path.description == "projects[0].indicators[0].subcategories[0].indicators[0].target")
        #expect(error.location.line == 12)
    }

    @Test("null and empty values read as empty text; quoted null stays text")
    func nullValues() throws {
        let project = "  - name: 项目甲\n    implementingUnit: ~\n    competentDepartment: \"null\""
        let document = try UnitFileReader.read(text: unitFile(project: project), file: "unit.yaml")
        #expect(document.unit.projects[0].implementingUnit == "")
        #expect(document.unit.projects[0].competentDepartment == "null")
    }
}

@Suite("Hostile unit files")
struct HostileUnitFileTests {
    /// Billion laughs over the only recursive structure a unit file has
    /// (report sections): level 1 has nine paragraphs, each further level
    /// nine copies of the level below, nine levels deep — 9^9 values
    /// once expanded.
    /// Four levels deep, the most a report has (a fifth is refused before
    /// anything is expanded), and wide enough to pass the node limit.
    static func sectionBomb(levels: Int = 4, copies: Int = 90) -> String {
        var lines = ["formprint: 1", "unit:", "  name: 测试单位", "year: 2024", "report:", "  title: 报告", "  sections:"]
        let names = (0..<levels).map { "l\($0)" }
        lines.append("    - &l0 {heading: h, paragraphs: [x, x, x, x, x, x, x, x, x]}")
        for level in 1..<levels {
            let copies = Array(repeating: "*\(names[level - 1])", count: copies).joined(separator: ", ")
            lines.append("    - &\(names[level]) {heading: h, sections: [\(copies)]}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("an alias bomb in report sections fails with limitExceeded instead of hanging", .hangGuard(minutes: 1))
    func sectionAliasBomb() throws {
        let error = try #require(readError(Self.sectionBomb()))
        guard case .limitExceeded(let message) = error.problem else {
            Issue.record("expected limitExceeded, got \(error.problem)")
            return
        }
        #expect(message.english.contains("aliases"))
        #expect(english(error).hasPrefix("unit.yaml:"))
    }

    @Test("the classic list alias bomb (a: &a [x,…], b: &b [*a,…], … 9 levels) is rejected promptly", .hangGuard(minutes: 1))
    func listAliasBomb() throws {
        var lines = ["formprint: 1", "unit:", "  name: 测试单位", "year: 2024"]
        let names = "abcdefghi".map(String.init)
        lines.append("a: &a [x, x, x, x, x, x, x, x, x]")
        for level in 1..<9 {
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ") + "]")
        }
        let error = try #require(readError(lines.joined(separator: "\n") + "\n"))
        // No field of a unit file is a list of lists, so the reader never
        // expands this bomb: the first unread key is reported as unknown.
        // (Promptly: the hang guard stops a reader that expands it; the
        // suite holds no wall-time assertion.)
        #expect(unknownFields(error).first?.name == "a")
    }

    @Test("the classic list alias bomb used as report sections is a wrong type, not an expansion", .hangGuard(minutes: 1))
    func listAliasBombAsValue() throws {
        var lines = ["formprint: 1", "unit:", "  name: 测试单位", "year: 2024", "report:", "  title: 报告", "  sections:"]
        lines.append("    - &a [x, x, x, x, x, x, x, x, x]")
        for level in 1..<9 {
            lines.append("    - &\("abcdefghi".map(String.init)[level]) [" + Array(repeating: "*\("abcdefghi".map(String.init)[level - 1])", count: 9).joined(separator: ", ") + "]")
        }
        let error = try #require(readError(lines.joined(separator: "\n") + "\n"))
        #expect(error.problem == .wrongType(expected: .mapping, found: .list))
        #expect(error.path.description == "report.sections[0]")
    }

    @Test("sections nested deeper than four levels fail at the fifth, long before the depth limit")
    func tooDeep() throws {
        try expectSectionDepthError(levels: 40)
    }
}

@Suite("Invisible characters in values")
struct InvisibleCharacterTests {
    static let cases: [(String, String, String)] = [
        ("\u{200D}", "U+200D (ZERO WIDTH JOINER)", "Delete it"),
        ("\u{202E}", "U+202E (RIGHT-TO-LEFT OVERRIDE)", "reorders the text"),
        ("\u{200F}", "U+200F (RIGHT-TO-LEFT MARK)", "Delete it"),
        ("\u{FEFF}", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)", "Delete it"),
        ("\u{E000}", "the private-use character U+E000", "Replace it"),
        ("\u{2028}", "U+2028 (LINE SEPARATOR)", "Delete it"),
    ]

    @Test("an invisible character in any value is an error naming its code point, line and field", arguments: cases)
    func rejected(character: String, named: String, hint: String) throws {
        let text = "formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nprojects:\n  - name: \"项目\(character)名称\"\n"
        do {
            _ = try UnitFileReader.read(text: text, file: "u.yaml")
            Issue.record("expected an error for \(named)")
        } catch let error as InputFileError {
            #expect(error.location.line == 5)
            #expect(error.path.description == "projects[0].name")
            #expect(english(error).contains(named), "\(english(error))")
            #expect(english(error).contains(hint), "\(english(error))")
        }
    }

    @Test("line breaks, tabs, combining marks and full-width spaces are ordinary text")
    func accepted() throws {
        let text = "formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nprojects:\n  - name: \"项目\\t名称e\u{0301}\u{3000}Ａ\\n第二行\"\n"
        let unit = try UnitFileReader.read(text: text, file: "u.yaml").unit
        #expect(unit.projects[0].name == "项目\t名称e\u{0301}\u{3000}Ａ\n第二行")
    }
}

@Suite("Report tables in unit files")
struct ReportTableFileTests {
    func read(_ table: String) throws -> UnitDocument {
        try UnitFileReader.read(text: """
            formprint: 1
            unit: {name: 测试单位}
            year: 2024
            report:
              title: 报告
              sections:
                - heading: 收支情况
                  paragraphs: [第一段。, 第二段。]
                  tables:
                    - \(table)
            """, file: "t.yaml")
    }

    @Test("a table reads with its title, rows, widths and place")
    func reads() throws {
        let table = try #require(try read("{title: 表1, header: [[项目, 金额]], rows: [[收入, 376.36]], columns: [2, 1], after: 1}").unit.report?.sections[0].tables.first)
        #expect(table == ReportTable(title: "表1", header: [["项目", "金额"]], rows: [["收入", "376.36"]], columns: [2, 1], afterParagraph: 1))
    }

    @Test("mistakes in a table are located and explained", arguments: [
        ("{rows: [[a, b]], after: 3}", "'after: 3' names no paragraph of this section", 10),
        ("{rows: [[a, b]], columns: [1]}", "1 column widths for a table of 2 columns", 10),
        ("{rows: [[a]], columns: [0]}", "column width '0' is not a positive number", 10),
        ("{title: 空表}", "the table has no cells", 10),
    ])
    func mistakes(table: String, message: String, line: Int) throws {
        do {
            _ = try read(table)
            Issue.record("expected an error")
        } catch let error as InputFileError {
            #expect(english(error).contains(message), "\(english(error))")
            #expect(error.location.line == line)
        }
    }
}

/// A report whose sections nest `levels` deep is refused at the fifth level.
func expectSectionDepthError(levels: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    var lines = ["formprint: 1", "unit: {name: 测试单位}", "year: 2024", "report:", "  title: 报告", "  sections:"]
    var indent = "    "
    for _ in 0..<levels {
        lines.append(indent + "- heading: h")
        lines.append(indent + "  sections:")
        indent += "    "
    }
    lines.append(indent + "- heading: last")
    let error = try #require(readError(lines.joined(separator: "\n") + "\n"), sourceLocation: sourceLocation)
    guard case .invalidValue(let message, _) = error.problem else {
        Issue.record("expected the section depth error, got \(error.problem)", sourceLocation: sourceLocation)
        return
    }
    #expect(message.english.contains("5 levels deep"), sourceLocation: sourceLocation)
}
