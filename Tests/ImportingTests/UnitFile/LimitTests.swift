import Evaluation
import Foundation
import Importing
import InputReading
import TestSupport
import Testing

/// The limits that protect the readers from hostile or accidental input,
/// each stopping with a message that names it (README.md, "Limits").
/// `.hangGuard` only guards against a hang; nothing here depends on speed.
@Suite("Limits of unit files")
struct UnitFileLimitTests {
    func unit(goal: String) -> String {
        "formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nprojects:\n  - name: 项目\n    goal:\n      expected: 目标\n      actual: \"\(goal)\"\n"
    }

    @Test("a 1 MB value is refused, naming the limit, the line and the field", .hangGuard(minutes: 1))
    func megabyteValue() throws {
        let error = try #require(readError(unit(goal: String(repeating: "由于资金紧张，年末收回预算指标。", count: 65_536))))
        guard case .limitExceeded(let message) = error.problem else {
            Issue.record("expected limitExceeded, got \(error.problem)")
            return
        }
        #expect(message.english.contains("1048576 characters") && message.english.contains("limited to 20000 characters"), "\(message)")
        #expect(error.location.line == 8)
        #expect(error.path.description == "projects[0].goal.actual")
        #expect(english(error).hasPrefix("unit.yaml:8:"))
    }

    @Test("a value at the limit is read")
    func valueAtTheLimit() throws {
        let text = String(repeating: "指", count: NodeReader.maximumValueLength)
        let document = try UnitFileReader.read(text: unit(goal: text), file: "unit.yaml")
        #expect(document.unit.projects[0].goal.actual.count == NodeReader.maximumValueLength)
    }

    @Test("200 levels of report sections stop at the fifth level (report headings have four)", .hangGuard(minutes: 1))
    func twoHundredLevelsOfSections() throws {
        try expectSectionDepthError(levels: 200)
    }

    @Test("200 nested lists are a wrong type, not a crash", .hangGuard(minutes: 1))
    func twoHundredNestedLists() throws {
        let text = "formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nprojects: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        let error = try #require(readError(text))
        #expect(error.problem == .wrongType(expected: .mapping, found: .list))
    }

    @Test("100 000 nested lists stop at the YAML parser's nesting limit", .hangGuard(minutes: 1))
    func hundredThousandNestedLists() throws {
        let text = "formprint: 1\nunit: {name: 测试单位}\nyear: 2024\nprojects: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let error = try #require(readError(text))
        guard case .syntax(let message) = error.problem else {
            Issue.record("expected a syntax error, got \(error.problem)")
            return
        }
        #expect(message.contains("nesting level"), "\(message)")
    }

    @Test("a file over 16 MB is refused before it is read", .hangGuard(minutes: 1))
    func oversizedFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("formprint-big-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(count: YAMLDocument.maximumFileSize + 1).write(to: url)
        do {
            _ = try UnitFileReader.read(contentsOf: url)
            Issue.record("expected the size limit")
        } catch let error as InputFileError {
            #expect(english(error) == "\(url.path): error: the file has 16 MB; unit and layout files are limited to 16 MB")
        }
    }
}
