import Foundation
import Testing

@testable import FormPrint

/// Issue 14, item 12: a long merged 二级 label repeated on a continuation
/// page was cut to the lines its rows there held (35 of 93 characters),
/// with exit 0. Now a page shows the whole "…（续）" text, or the mark
/// "（续）" alone where that does not fit — never part of the label.
@Suite("Repeated labels on continuation pages")
struct ContinuedLabelTests {
    static let text = String(repeating: "为保证政务大厅正常运行申请此项目年末收回预算指标由于我县财政资金紧张按照常务会议要求完成数字化建设管理服务效能持续提升群众满意度", count: 3)

    static func unit(label: String, indicators: Int, layout: String) -> String {
        let rows = (0..<indicators).map { "              - {name: 指标\($0), target: \">=100人\", actual: 120人}" }.joined(separator: "\n")
        return """
            formprint: 1
            unit: {name: 标签单位}
            year: 2024
            layouts: {project: \(layout)}
            projects:
              - name: 标签项目
                implementingUnit: 标签单位
                goal: {expected: 完成年度工作, actual: 已完成}
                indicators:
                  - category: 产出指标
                    subcategories:
                      - category: \(label)
                        indicators:
            \(rows)
            """
    }

    @Test("every page prints all of the label or none of it", arguments: [
        ("project-national", 160, 24), ("project-national", 160, 32), ("project-national", 93, 14), ("project-jilin", 93, 53),
        ("project-jilin", 120, 30),
    ])
    func wholeOrMark(layout: String, length: Int, indicators: Int) throws {
        let label = String(Self.text.prefix(length))
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("label.yaml")
        try Self.unit(label: label, indicators: indicators, layout: layout).write(to: url, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(url, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        let pages = try run("pdftotext", [files[0].path, "-"]).output.components(separatedBy: "\u{0C}").dropLast()
        #expect(pages.count > 1)
        var whole = 0
        for (number, page) in pages.enumerated() {
            // How much of the label the page prints, in order.
            var printed = 0
            for character in squeezed(page) where printed < label.count && character == label[label.index(label.startIndex, offsetBy: printed)] {
                printed += 1
            }
            #expect(printed == 0 || printed == label.count, "page \(number + 1) prints \(printed) of \(label.count) characters of the label")
            if printed == label.count { whole += 1 }
        }
        #expect(whole >= 1)
    }
}
