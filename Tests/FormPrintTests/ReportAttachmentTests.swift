import Evaluation
import Foundation
import Importing
import Testing

@testable import FormPrint

/// The report bound with its attached 自评表: attachments follow the body on
/// pages of their own, fitted into the 版心 (turned when landscape), with
/// page numbers continuing the report's.
@Suite(.serialized)
struct ReportAttachmentTests {
    static func unitText(projectName: String = "2024年政数局综合类项目") throws -> String {
        var text = try String(contentsOf: exampleUnit, encoding: .utf8)
        let report = try #require(text.range(of: "\nreport:"))
        let lineEnd = try #require(text[report.upperBound...].firstIndex(of: "\n"))
        text.insert(contentsOf: """

              sealed: true
              signature: 柳河县政务服务和数字化建设管理局
              date: 2025年3月1日
              attachments:
                - {name: 2024年政数局综合类项目支出绩效自评表, form: project, project: \(projectName)}
                - {name: 部门整体支出绩效自评表, form: department}
            """, at: lineEnd)
        return text.replacingOccurrences(of: "\nyear: 2024", with: "\nyear: 2024\nlayouts: {project: project-national}")
    }

    @Test func attachedFormsFollowTheBodyWithContinuingPageNumbers() throws {
        let folder = try temporaryFolder()
        let unitFile = folder.appendingPathComponent("unit.yaml")
        try Self.unitText().write(to: unitFile, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(unitFile, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        let report = try #require(files.first { $0.lastPathComponent.contains("报告") })
        let pageCount = try #require(Int(try run("pdfinfo", [report.path]).output
            .split(separator: "\n").first { $0.hasPrefix("Pages:") }!.split(separator: " ").last!))
        // The seed's report is 10 pages; the two forms add one page each.
        #expect(pageCount == 12)
        func page(_ number: Int) throws -> String {
            squeezed(try run("pdftotext", ["-raw", "-f", "\(number)", "-l", "\(number)", report.path, "-"]).output)
        }
        let body = try page(10)
        expectContainsAll(body, ["附件：1.2024年政数局综合类项目支出绩效自评表", "2.部门整体支出绩效自评表", "2025年3月1日", "—10—"])
        let project = try page(11)
        expectContainsAll(project, ["附件1", "项目支出绩效自评表", "（2024年度）", "偏差原因分析及改进措施", "212.40", "—11—"])
        let department = try page(12)
        expectContainsAll(department, ["附件2", "部门整体支出绩效自评表", "年度主要任务", "—12—"])
        // Every page is A4 portrait: the landscape form is turned, not printed sideways on its own sheet.
        let sizes = try run("pdfinfo", ["-f", "1", "-l", "12", report.path]).output
        #expect(sizes.components(separatedBy: "595.276 x 841.89 pts (A4)").count - 1 == 12, "\(sizes)")
        #expect(try run("qpdf", ["--check", report.path]).status == 0)
    }

    @Test func anAttachmentNamingNoProjectIsAnErrorWithTheNearestName() throws {
        do {
            _ = try UnitFileReader.read(text: try Self.unitText(projectName: "2024年政数局综合项目"), file: "unit.yaml")
            Issue.record("expected an error")
        } catch {
            let message = english(error)
            #expect(message.contains("unit.yaml:"))
            #expect(message.contains("no project named '2024年政数局综合项目' to attach"))
            #expect(message.contains("did you mean '2024年政数局综合类项目'?"))
        }
    }
}
