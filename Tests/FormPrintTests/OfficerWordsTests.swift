import Evaluation
import Foundation
import Importing
import Layout
import Review
import Testing

@testable import FormPrint

/// Issue 27, item 1: what an officer reads about a finding names places
/// they can find on their own form, in Chinese — no field path, no model
/// identifier, no English word outside the text quoted from their file.
@Suite(.serialized)
struct OfficerWordsTests {
    /// Every example unit (and a pasted one) with the findings it has.
    static func checks() throws -> [CheckedUnit] {
        let checker = try UnitChecker()
        let folder = repositoryRoot.appendingPathComponent("Examples")
        var checks: [CheckedUnit] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let url = folder.appendingPathComponent(name)
            let document = try UnitFiles.read(path: url.path, fields: try checker.catalog.fields, layouts: [])
            checks.append(try checker.check(document))
        }
        return checks
    }

    /// The officer's sentence with what it quotes from their file (「…」,
    /// “…”, '…', "…") and file names taken out.
    static func ownWords(_ text: String) -> String {
        text.replacingOccurrences(of: "「[^」]*」|“[^”]*”|‘[^’]*’|\"[^\"]*\"|'[^']*'", with: "", options: .regularExpression)
            .replacingOccurrences(of: "[^\\s/（）()：:]+\\.(yaml|yml|json|xlsx|xls|docx|txt)", with: "", options: .regularExpression)
    }

    @Test("every finding of the examples names its place in the officer's words and says what to do, with no English word or field path")
    func findingsInOfficersWords() throws {
        let checks = try Self.checks()
        let findings = checks.flatMap(\.findings)
        #expect(findings.count >= 15)
        var offenders: [String] = []
        for finding in findings {
            let subject = try #require(finding.subject, "\(finding.rule.code) at \(finding.path) has no place in the officer's words")
            #expect(!subject.chinese.isEmpty)
            for text in [finding.message.chinese, subject.chinese, finding.rule.fix.chinese] {
                let own = Self.ownWords(text)
                if own.range(of: "[A-Za-z]{3,}", options: .regularExpression) != nil || own.contains("[") && own.contains("]") {
                    offenders.append("\(finding.rule.code): \(text)")
                }
            }
        }
        #expect(offenders.isEmpty, "\(Set(offenders).sorted().joined(separator: "\n"))")
    }

    @Test("an indicator's place: the document, the project's name, the indicator's position and name, the column's label")
    func indicatorPlace() throws {
        let checks = try Self.checks()
        let seed = try #require(checks.first { $0.document.source.file.hasSuffix("liuhe-2024.yaml") })
        let fp301 = try #require(seed.findings.first { $0.rule == .targetNotMet && $0.path.description.hasPrefix("projects[0]") })
        #expect(fp301.subject?.chinese == "项目支出绩效自评表「2024年政数局综合类项目」第5条指标「优化政府部门」的实际完成值", "\(fp301.subject?.chinese ?? "")")
        let text = FindingText.lines(fp301, in: .chinese)
        #expect(text.contains("\n    位置：项目支出绩效自评表「2024年政数局综合类项目」第5条指标") && text.contains("\n    怎么改：核对实际完成值"))
        #expect(!text.contains("projects[0]"))
        #expect(FindingText.lines(fp301, verbose: true, in: .chinese).contains("字段 projects[0]."))
    }

    @Test("findings come document by document, each in reading order")
    func readingOrder() throws {
        for check in try Self.checks() {
            let documents = check.findings.map { $0.path.document }
            func rank(_ document: DocumentInstance?) -> Int {
                switch document {
                case nil: 0
                case .project(let index)?: 1 + index
                case .department?: 1_000_000
                case .report?: 2_000_000
                }
            }
            let ranks = documents.map(rank)
            #expect(ranks == ranks.sorted(), "\(check.document.source.file)")
        }
    }
}
