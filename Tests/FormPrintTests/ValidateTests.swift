import Evaluation
import Foundation
import Review
import Testing

@testable import FormPrint

/// What `formprint validate` and `render` build on: choosing the scoring
/// profile, the compiler-style text, the JSON and the exit status.
@Suite("Checking unit files (formprint validate)")
struct ValidateTests {
    let seedPath = exampleUnit.path

    @Test("the seed is checked with the profile of its layout (jilin), or of the layout asked for")
    func profileChoice() throws {
        let checker = try UnitChecker()
        let document = try UnitFiles.read(path: seedPath)
        #expect(try checker.check(document).profile.id == "jilin")
        #expect(try checker.check(document, layouts: [.project: "project-national"]).profile.id == "national")
        #expect(try checker.check(document, scoring: "national").profile.id == "national")
        // An unknown layout is one error (issue 26), not a check run with the default profile.
        #expect(throws: FormPrintError.self) { try checker.check(document, layouts: [.project: "project-elsewhere"]) }
        #expect(throws: ScoringChoiceError.self) { try checker.check(document, scoring: "nowhere") }
    }

    @Test("a profile file named on the command line is read")
    func profileFile() throws {
        let checker = try UnitChecker()
        let document = try UnitFiles.read(path: seedPath)
        let file = repositoryRoot.appendingPathComponent("Scoring/national.yaml").path
        #expect(try checker.check(document, scoring: file).profile.id == "national")
    }

    @Test("findings print like a compiler's, under the path as given, in the language chosen, with the place on the form and what to do; the field path with --verbose")
    func text() throws {
        let check = try UnitChecker().check(try UnitFiles.read(path: seedPath))
        let finding = try #require(check.findings.first { $0.rule == .targetNotMet })
        #expect(FindingText.lines(finding, in: .chinese) == """
            \(seedPath):75:60: 警告[FP301]：优化政府部门：完成值14.4万元，未达到指标值≥64.4万元（完成22.4%）
                位置：项目支出绩效自评表「2024年政数局综合类项目」第5条指标「优化政府部门」的实际完成值
                怎么改：核对实际完成值；确未完成的，在偏差原因分析及改进措施（或实际完成情况）中说明原因和改进措施。
            """)
        #expect(FindingText.lines(finding, verbose: true, in: .english) == """
            \(seedPath):75:60: warning[FP301]: 优化政府部门: 14.4万元 of ≥64.4万元, 22.4%: target not met
                where: the project form 「2024年政数局综合类项目」, indicator 5 「优化政府部门」, 实际完成值
                to fix: Check the actual value; if the target was indeed missed, explain why and what will change in the deviation column (or 实际完成情况).
                at projects[0].indicators[2].subcategories[0].indicators[0].actual
            """)
        // The library's default, whatever the machine's locale, is Chinese.
        #expect(FindingText.lines(finding) == FindingText.lines(finding, in: .chinese))
        #expect(FindingText.summary(check, in: .english) == "\(seedPath): 0 errors, 7 warnings, 1 note (scoring profile jilin)")
        #expect(FindingText.summary(check, in: .chinese) == "\(seedPath): 0个错误，7个警告，1个提示（评分规则 jilin）")
        // The seed enters no 分值: FormPrint makes none up, so no 总分 or 等级.
        #expect(FindingText.scores(check).contains("总分 —\t等级 —"), "\(FindingText.scores(check))")
    }

    @Test("exit status: 0 with warnings, 1 with --strict or errors, 2 for an unusable input")
    func exitStatus() throws {
        var report = ValidationReport()
        report.checks.append(try UnitChecker().check(try UnitFiles.read(path: seedPath)))
        #expect(report.exitStatus(strict: false) == 0)
        #expect(report.exitStatus(strict: true) == 1)

        var broken = try UnitFiles.read(path: seedPath)
        broken.unit.projects[0].funds[3].executed = "170.00"
        var withError = ValidationReport()
        withError.checks.append(try UnitChecker().check(broken))
        #expect(withError.count(.error) == 2, "the total and its 执行率")
        #expect(withError.exitStatus(strict: false) == 1)

        report.unreadable.append(.init(file: "missing.yaml", reason: "cannot read the file"))
        #expect(report.exitStatus(strict: false) == 2)
    }

    @Test("the JSON form has every finding with code, severity, place, path and both messages, and the scores")
    func json() throws {
        var report = ValidationReport()
        report.checks.append(try UnitChecker().check(try UnitFiles.read(path: seedPath)))
        report.unreadable.append(.init(file: "missing.yaml", reason: "cannot read the file"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
        #expect(object["warnings"] as? Int == 7)
        #expect(object["notes"] as? Int == 1)
        #expect(object["unreadable"] as? Int == 1)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 2)
        let findings = try #require(files[0]["findings"] as? [[String: Any]])
        #expect(findings.map { $0["code"] as? String } == ["FP310", "FP101", "FP304", "FP301", "FP401", "FP301", "FP303", "FP302"])
        #expect(findings[1]["line"] as? Int == 64)
        #expect(findings[1]["column"] as? Int == 38)
        #expect(findings[1]["severity"] as? String == "warning")
        #expect((findings[1]["message"] as? [String: String])?["zh"]?.contains("148") == true)
        #expect((findings[1]["place"] as? [String: String])?["zh"] == "项目支出绩效自评表「2024年政数局综合类项目」第2条指标「费用成本」的年度指标值")
        #expect((findings[1]["fix"] as? [String: String])?["en"]?.hasPrefix("Remove the stray decimal point") == true)
        let scores = try #require(files[0]["scores"] as? [[String: Any]])
        #expect(scores.first?["total"] as? String == nil)
        #expect(scores.first?["grade"] as? String == nil)
        #expect(files[1]["error"] as? String == "cannot read the file")
    }
}
