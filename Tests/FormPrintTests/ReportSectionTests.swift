import Foundation
import Importing
import Testing

@testable import FormPrint
@testable import Layout

/// Issue 14, item 14: report sections deeper than four levels all numbered
/// as （1）; and more than 99 sections of one level trapped in ChineseNumeral.
@Suite("Report sections: depth and count")
struct ReportSectionTests {
    static func unit(sections: String) -> String { reportUnitFile(sections: sections) }

    @Test("a fifth heading level is refused at its line, naming the four levels")
    func fifthLevelRefused() throws {
        func nested(_ levels: Int) -> String {
            var text = "{heading: 第\(levels)级}"
            for level in stride(from: levels - 1, through: 1, by: -1) { text = "{heading: 第\(level)级, sections: [\(text)]}" }
            return "    - " + text
        }
        let sections = nested(5)
        let text = Self.unit(sections: sections)
        #expect {
            _ = try UnitFileReader.read(text: text, file: "deep.yaml")
        } throws: { error in
            let message = english(error)
            return message.hasPrefix("deep.yaml:") && message.contains("5 levels deep") && message.contains("（一）")
        }
        // Four levels are fine.
        _ = try UnitFileReader.read(text: Self.unit(sections: nested(4)), file: "four.yaml")
    }

    @Test("heading numbers past 九十九 are written in full, never trapping", arguments: [
        (1, "一"), (10, "十"), (11, "十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (120, "一百二十"),
        (1000, "一千"), (1020, "一千零二十"), (1100, "一千一百"), (9999, "九千九百九十九"), (10_000, "10000"), (0, "0"),
    ])
    func numerals(number: Int, text: String) {
        #expect(ChineseNumeral.text(number) == text)
    }

    @Test("a report of 120 sections renders, the last numbered 一百二十、")
    func manySections() throws {
        let sections = (1...120).map { "    - {heading: 第\($0)节, paragraphs: [正文。]}" }.joined(separator: "\n")
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("many.yaml")
        try Self.unit(sections: sections).write(to: url, atomically: true, encoding: .utf8)
        let files = try UnitFiles.render(url, with: try UnitRenderer(), into: folder.appendingPathComponent("out"))
        let text = try run("pdftotext", [files[0].path, "-"]).output
        #expect(text.contains("一百二十、第120节"), "\(text.suffix(400))")
    }
}
