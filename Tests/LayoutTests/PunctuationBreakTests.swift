import Evaluation
import Testing

@testable import Layout

/// Issue 14, item 13, with the fixed-advance measurer: —— and …… are
/// never split, closing brackets never start a line, opening ones never
/// end one.
@Suite("Line breaking of paired and bracket punctuation")
struct PunctuationBreakTests {
    let measurer = FixedAdvanceMeasurer()
    let font = FontSpec(family: .song, bold: false, size: .pt(10))

    func lines(_ text: String, characters: Double) throws -> [String] {
        try measurer.breakLines(text, font: font, width: .pt(10 * characters)).map(\.text)
    }

    @Test("—— and …… stay whole at every width", arguments: 3...12)
    func pairedMarks(width: Int) throws {
        let text = "项目资金执行——预算绩效……管理服务——群众满意度……提升"
        for line in try lines(text, characters: Double(width)) {
            #expect(!(line.hasSuffix("—") && !line.hasSuffix("——")) && !line.hasPrefix("—") || line.hasPrefix("——"), "\(line)")
            let trailing = line.reversed().prefix { $0 == "—" }.count, leading = line.prefix { $0 == "—" }.count
            #expect(trailing % 2 == 0 && leading % 2 == 0, "—— split: \(line)")
            let trailingDots = line.reversed().prefix { $0 == "…" }.count
            #expect(trailingDots % 2 == 0, "…… split: \(line)")
        }
    }

    @Test("〗］｝〙 never start a line and 〖［｛〘 never end one", arguments: 3...12)
    func brackets(width: Int) throws {
        let text = "〖项目〗资金［执行］预算｛绩效｝管理〘服务〙群众〖满意〗度［提升］完成｛情况｝指标〘数量〙"
        for line in try lines(text, characters: Double(width)) {
            #expect(!"〗］｝〙".contains(line.first!), "starts with \(line.first!): \(line)")
            #expect(!"〖［｛〘".contains(line.last!), "ends with \(line.last!): \(line)")
        }
    }

    @Test("the case the PDF property test found")
    func found() throws {
        let text = "绩）｝！·指［】质：！众成〘效：指（管质》效·益」〗〖（情效”％况意金」务质”〗情服”情金。数指」众｝资"
        for width in 5...30 {
            for line in try lines(text, characters: Double(width)) {
                #expect(!LineBreakRules.noLineEnd.contains(line.last!), "\(width): ends with \(line.last!): \(line)")
                #expect(!LineBreakRules.noLineStart.contains(line.first!), "\(width): starts with \(line.first!): \(line)")
            }
        }
    }
}
