import Evaluation
import Review
import Testing

/// The findings a careful reviewer makes of the seed (Examples/liuhe-2024.yaml),
/// pinned with their lines and columns, and nothing else.
@Suite("The seed's findings")
struct SeedFindingsTests {
    /// code, line, column, field path, English message — in report order.
    static let expected: [(String, Int, Int, String, String)] = [
        ("FP310", 59, 38, "projects[0].indicators[0].subcategories[0].indicators[0].target",
         "费用指标: a 成本指标 measured in 人, not in money (元/万元)"),
        ("FP101", 64, 38, "projects[0].indicators[1].subcategories[0].indicators[0].target",
         "费用成本 年度指标值 \">=148.万元\" read as ≥148万元: a \".\" with no digits after it was ignored"),
        ("FP304", 70, 38, "projects[0].indicators[1].subcategories[2].indicators[0].target",
         "完成时间: time target =2025年 lies outside the evaluated year 2024"),
        ("FP301", 75, 60, "projects[0].indicators[2].subcategories[0].indicators[0].actual",
         "优化政府部门: 14.4万元 of ≥64.4万元, 22.4%: target not met"),
        ("FP401", 102, 36, "department.indicators[0].subcategories[2].indicators[0].target",
         "指标金额: =212.39万元 in the department form, but project 2024年政数局综合类项目 has 全年预算数 212.40 (differs by 0.01万元)"),
        ("FP301", 102, 57, "department.indicators[0].subcategories[2].indicators[0].actual",
         "指标金额: 172.18万元 of =212.39万元, 81.1%: target not met"),
        ("FP303", 105, 54, "department.indicators[0].subcategories[3].indicators[0].actual",
         "完成时间: done 2025年, target =2024年: time target missed"),
        ("FP302", 110, 52, "department.indicators[1].subcategories[0].indicators[0].actual",
         "社会效益: 95% against >95%: a strict \">\" is not met by equality"),
    ]

    @Test("with the seed's own 6-column layout (profile jilin): exactly these eight")
    func seedFindings() throws {
        let (text, document) = try seed()
        let found = Reviewer.findings(in: document, profile: try profile("jilin"))
        #expect(found.count == Self.expected.count, "\(found.map(\.description).joined(separator: "\n"))")
        for (finding, expected) in zip(found, Self.expected) {
            #expect(finding.rule.code == expected.0)
            #expect(finding.location?.file == "Examples/liuhe-2024.yaml")
            #expect(finding.location?.line == expected.1, "\(finding)")
            #expect(finding.location?.column == expected.2, "\(finding)")
            #expect(finding.path.description == expected.3)
            #expect(finding.message.english == expected.4)
        }
        // The pinned lines are the lines holding those values.
        #expect(lineNumber(of: "target: \">=148.万元\"", in: text) == 64)
        #expect(lineNumber(of: "target: \"=2025年\"", in: text) == 70)
        #expect(lineNumber(of: "actual: 14.4万元", in: text) == 75)
        #expect(lineNumber(of: "target: \"=212.39万元\"", in: text) == 102)
        #expect(lineNumber(of: "target: \"=2024年\", actual: 2025年", in: text) == 105)
        #expect(lineNumber(of: "target: \">95%\"", in: text) == 110)
    }

    @Test("no errors: the seed's arithmetic adds up (212.40 = 212.40 + 0.00 + 0.00; 81.06% = 172.18 ÷ 212.40)")
    func noErrors() throws {
        let found = Reviewer.findings(in: try seed().document, profile: try profile("jilin"))
        #expect(!found.contains { $0.severity == .error })
        #expect(!found.contains { ["FP201", "FP202", "FP203", "FP204", "FP205"].contains($0.rule.code) })
    }

    @Test("Chinese messages name the same values")
    func chineseMessages() throws {
        let found = Reviewer.findings(in: try seed().document, profile: try profile("jilin"))
        #expect(found.map(\.message.chinese).contains("优化政府部门：完成值14.4万元，未达到指标值≥64.4万元（完成22.4%）"))
        #expect(found.map(\.message.chinese).contains("完成时间：时效指标值=2025年不在评价年度2024年内"))
    }

    @Test("printed on the national form (profile national), the unmet target also needs its 偏差原因 (FP307)")
    func nationalProfile() throws {
        let found = Reviewer.findings(in: try seed().document, profile: try profile("national"))
        let extra = found.filter { $0.rule == .missingDeviationReason }
        // FP307, and FP504: the seed enters no 分值, which the national form prints.
        #expect(found.count == Self.expected.count + 2)
        #expect(found.contains { $0.rule == .weightsPartlyEntered })
        #expect(extra.map(\.path.description) == ["projects[0].indicators[2].subcategories[0].indicators[0].deviation"])
        // The 偏差原因 field is absent, so the finding points at its indicator's line.
        #expect(extra.first?.location?.line == 75)
    }
}
