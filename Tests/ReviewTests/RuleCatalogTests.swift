import Foundation
import Review
import Testing

/// Every rule has a stable code, and docs/VALIDATION.md documents each.
@Suite("The rule catalog")
struct RuleCatalogTests {
    @Test("codes are unique and grouped by family")
    func codes() {
        #expect(Set(Rule.allCases.map(\.code)).count == Rule.allCases.count)
        for rule in Rule.allCases {
            #expect(rule.code.hasPrefix("FP") && rule.code.count == 5)
        }
        #expect(Rule.allCases.filter { $0.code.hasPrefix("FP2") }.allSatisfy { [.totalNotSumOfSources, .executionRateMismatch, .executedAboveBudget, .executedWithoutBudget, .noTotalRow, .formulaDisagrees].contains($0) })
    }

    @Test("docs/VALIDATION.md lists every rule with its severity", arguments: Rule.allCases)
    func documented(rule: Rule) throws {
        let page = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/VALIDATION.md"), encoding: .utf8)
        let row = page.split(separator: "\n").first { $0.hasPrefix("| \(rule.code) ") }
        #expect(row != nil, "\(rule.code) is not in the rules table")
        #expect(row?.contains("| \(rule.severity.rawValue) |") == true, "\(rule.code) should be documented as \(rule.severity.rawValue)")
    }

    @Test("every rule says what to do, in both languages, in the catalogue and in docs/VALIDATION.md (issue 27)", arguments: Rule.allCases)
    func saysWhatToDo(rule: Rule) throws {
        #expect(rule.fix.chinese.count >= 6 && rule.fix.chinese.hasSuffix("。"), "\(rule.code): \(rule.fix.chinese)")
        #expect(rule.fix.english.count >= 10 && rule.fix.english.hasSuffix("."), "\(rule.code): \(rule.fix.english)")
        // An officer's sentence: no English word or program name in the Chinese.
        #expect(rule.fix.chinese.range(of: "[A-Za-z]{3,}", options: .regularExpression) == nil, "\(rule.code): \(rule.fix.chinese)")
        let page = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/VALIDATION.md"), encoding: .utf8)
        let row = page.split(separator: "\n").first { $0.hasPrefix("| \(rule.code) ") }
        #expect(row?.hasSuffix("| " + rule.fix.chinese + " |") == true, "\(rule.code)'s row in docs/VALIDATION.md ends with its how-to-fix sentence")
    }
}
