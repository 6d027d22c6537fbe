import Support
import Foundation
import Testing

@testable import FormPrint
@testable import Layout

/// Issue 14, item 13: —— and …… were split over lines, and 〗］｝〙 started
/// lines while 〖［｛〘 ended them. Random punctuation-heavy text goes
/// through the whole pipeline (real Pango and Cairo) into a report and a
/// project form, and every line pdftotext finds in the PDF is checked.
@Suite("Line breaking of punctuation, read back from the PDF", .serialized)
struct PunctuationBreakPropertyTests {
    static let hanzi = Array("预算绩效管理资金执行项目建设服务群众满意度提升完成情况指标数量质量时效成本效益")
    static let marks: [String] = ["，", "。", "、", "；", "：", "？", "！", "——", "……", "（", "）", "《", "》", "「", "」", "〖", "〗",
                                  "［", "］", "｛", "｝", "〘", "〙", "【", "】", "“", "”", "·", "％"]

    /// A paragraph of `count` pieces: mostly characters, often a mark.
    static func text(seed: UInt64, count: Int) -> String {
        var random = SplitMix64(seed: seed)
        // It starts and ends with a character: a text that itself begins
        // with 〗 or ends with 〖 has that at a line's end whatever the breaks.
        var text = String(hanzi[0])
        for _ in 0..<count {
            if Int.random(in: 0..<10, using: &random) < 4 {
                text += marks[Int.random(in: 0..<marks.count, using: &random)]
            } else {
                text.append(hanzi[Int.random(in: 0..<hanzi.count, using: &random)])
            }
        }
        return text + String(hanzi[1])
    }

    /// The printed lines of a PDF, from the words pdftotext -bbox finds:
    /// words on one baseline (centres within 4 pt) that follow each other
    /// without a gap wider than 4 pt. Columns of a form are further apart
    /// (padding and rule), and pdftotext's own lines and blocks cannot be
    /// used: it cuts a line where punctuation compression moved a mark.
    static func lines(ofPDF path: String) throws -> [String] {
        let xml = try run("pdftotext", ["-bbox", path, "-"]).output
        struct Word { var x0, x1, y: Double; var text: String }
        var lines: [String] = []
        let pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/
        for page in xml.components(separatedBy: "<page").dropFirst() {
            let words = page.matches(of: pattern).map { match in
                Word(x0: Double(match.1)!, x1: Double(match.3)!, y: (Double(match.2)! + Double(match.4)!) / 2,
                     text: String(match.5).replacingOccurrences(of: "&amp;", with: "&"))
            }.sorted { $0.y < $1.y }
            var bands: [[Word]] = []
            for word in words {
                if let first = bands.last?.first, abs(word.y - first.y) < 4 { bands[bands.count - 1].append(word) } else { bands.append([word]) }
            }
            for band in bands {
                var line = "", end = -Double.infinity
                for word in band.sorted(by: { $0.x0 < $1.x0 }) {
                    if !line.isEmpty && word.x0 - end > 4 { lines.append(line); line = "" }
                    line += word.text
                    end = word.x1
                }
                if !line.isEmpty { lines.append(line) }
            }
        }
        return lines
    }

    static func check(_ lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for line in lines where line.wholeMatch(of: /—\d+—/) == nil {  // the report's page numbers, — 1 —
            #expect(!LineBreakRules.noLineStart.contains(line.first!), "line starts with \(line.first!): \(line)", sourceLocation: sourceLocation)
            #expect(!LineBreakRules.noLineEnd.contains(line.last!), "line ends with \(line.last!): \(line)", sourceLocation: sourceLocation)
            // The text writes —— and …… whole, so an odd run at a line's end
            // or start is one cut in two.
            for mark in ["—", "…"] as [Character] {
                let trailing = line.reversed().prefix { $0 == mark }.count, leading = line.prefix { $0 == mark }.count
                #expect(trailing % 2 == 0 && leading % 2 == 0, "\(mark)\(mark) split at: \(line)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("report paragraphs", arguments: 0..<6)
    func reportParagraphs(seed: UInt64) throws {
        let paragraphs = (0..<4).map { "\"" + Self.text(seed: seed * 10 + UInt64($0), count: 160) + "\"" }
        let unit = reportUnitFile(sections: "    - {heading: 概况, paragraphs: [\(paragraphs.joined(separator: ", "))]}")
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("report.yaml")
        try unit.write(to: url, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(url, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        let lines = try Self.lines(ofPDF: files[0].path)
        #expect(lines.count > 20)
        Self.check(lines)
    }

    @Test("form cells of several widths", arguments: 0..<6)
    func formCells(seed: UInt64) throws {
        let unit = BatchFixture.smallUnit(named: "标点单位")
            .replacingOccurrences(of: "expected: 完成年度工作", with: "expected: \"\(Self.text(seed: seed, count: 120))\"")
            .replacingOccurrences(of: "actual: 已完成", with: "actual: \"\(Self.text(seed: seed + 100, count: 200))\"")
            .replacingOccurrences(of: "{name: 覆盖人数,", with: "{name: \"\(Self.text(seed: seed + 200, count: 40))\",")
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("form.yaml")
        try unit.write(to: url, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(url, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        Self.check(try Self.lines(ofPDF: files[0].path))
    }
}

