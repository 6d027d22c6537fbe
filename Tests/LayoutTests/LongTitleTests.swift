import Evaluation
import Testing

@testable import Layout

/// Issue 14, item 2: breaking a report title was exponential in its number
/// of lines (120 characters 0.35 s, 160 characters 44 s, 200 minutes). Now
/// titles of up to three lines are scored exhaustively (at most (characters
/// per line)² arrangements) and longer ones cut by dynamic programming.
@Suite("Long report titles")
struct LongTitleTests {
    let layout: LayoutSpec
    let flow: FlowSpec

    init() throws {
        layout = try loadLayout("report-gbt9704.yaml")
        flow = try flowSpec(layout)
    }

    func advances(_ title: String) -> [Length] { title.map { $0.isASCII ? flow.title.size / 2 : flow.title.size } }

    static let phrase = "柳河县政务服务和数字化建设管理局关于2024年度部门整体支出绩效自评工作开展情况及下一步改进措施的报告"

    @Test("a title of 500 (and 2 000) characters breaks, every line fits and nothing is lost",
          .hangGuard(), arguments: [160, 200, 500, 2_000])
    func longTitle(length: Int) {
        let title = String(String(repeating: Self.phrase, count: length / Self.phrase.count + 1).prefix(length))
        let width = layout.page.contentRect.size.width
        let lines = TitleBreaker.lines(title, advances: advances(title), width: width)
        #expect(lines.joined() == title)
        for line in lines {
            #expect(advances(line).reduce(Length.zero, +).fits(in: width), "\(line)")
        }
        // Words stay whole where the title allows it.
        let allowed = TitleBreaker.allowedBreaks(Array(title))
        var position = 0
        for line in lines.dropLast() {
            position += line.count
            #expect(allowed[position], "a break inside a word at \(position)")
        }
    }
}
