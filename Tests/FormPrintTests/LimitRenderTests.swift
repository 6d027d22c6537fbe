import Evaluation
import Foundation
import TestSupport
import Testing

@testable import FormPrint

/// Limits through the whole pipeline (README.md, "Limits"): a value at the
/// limit renders, page after page; a longer one stops before anything is
/// written, naming the limit. `.hangGuard` only guards against a hang.
@Suite("Limits through the whole pipeline", .serialized)
struct LimitRenderTests {
    func unitFile(goal: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent("unit.yaml")
        try """
            formprint: 1
            unit: {name: 测试单位}
            year: 2024
            projects:
              - name: 长文本项目
                implementingUnit: 测试单位
                goal:
                  expected: 为保证政务大厅正常运行，申请此项目。
                  actual: "\(goal)"
            """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a cell at the value limit runs over many pages, every line printed once", .hangGuard(minutes: 2))
    func cellAtTheLimit() throws {
        let sentence = "由于我县财政资金紧张，年末收回预算指标，申请历年执行。"
        let goal = String(repeating: sentence, count: 20_000 / sentence.count) + "完"
        let output = try temporaryFolder()
        let files = try UnitFiles.render(try unitFile(goal: goal), with: try UnitRenderer(), into: output)
        let text = try run("pdftotext", [files[0].path, "-"]).output
        let pages = text.components(separatedBy: "\u{0C}").count - 1
        #expect(pages > 10, "\(pages) pages")
        // Each sentence has one 收, and nothing else on the pages has it:
        // every line of the cell is printed, none twice.
        #expect(text.filter { $0 == "收" }.count == goal.count / sentence.count)
        #expect(text.contains("项目支出绩效自评表（续）") && text.contains("第 \(pages) 页 共 \(pages) 页"))
    }

    @Test("a 1 MB cell stops before rendering, naming the limit, line and field; nothing is written", .hangGuard(minutes: 1))
    func megabyteCell() throws {
        let output = try temporaryFolder()
        let url = try unitFile(goal: String(repeating: "资", count: 1 << 20))
        #expect {
            _ = try UnitFiles.render(url, with: try UnitRenderer(), into: output)
        } throws: { error in
            english(error) == "\(url.path):9:15: error: the value has 1048576 characters; a value is limited to 20000 characters (about 30 pages). Shorten it, or split it into several paragraphs or rows"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }
}
