import Evaluation
import Foundation
import Testing

@testable import FormPrint

/// The seed's report measured in the rendered PDF with `pdftotext
/// -bbox-layout`, against GB/T 9704-2012: 版心 156 × 225 mm from 28 mm left
/// and 37 mm top, 22 lines of 28 characters, two-character indents, page
/// numbers 7 mm below the 版心, odd pages right and even pages left.
@Suite(.serialized)
struct ReportMeasurementTests {
    static let millimetre = 72 / 25.4
    static let left = 28 * millimetre, right = (28 + 156) * millimetre
    static let top = 37 * millimetre, bottom = (37 + 225) * millimetre
    static let tolerance = 0.5 * millimetre
    /// 16pt less 0.21pt tracking: 28 of them fill 156 mm.
    static let character = 156 * millimetre / 28

    struct Word { var xMin, yMin, xMax, yMax: Double; var text: String }
    struct Row { var words: [Word]
        var xMin: Double { words.map(\.xMin).min()! }
        var xMax: Double { words.map(\.xMax).max()! }
        var yMin: Double { words.map(\.yMin).min()! }
        var text: String { words.sorted { $0.xMin < $1.xMin }.map(\.text).joined() }
    }

    static let pages: Result<[[Row]], Error> = Result {
        let folder = try temporaryFolder()
        let files = try UnitFiles.render(exampleUnit, with: try UnitRenderer(), into: folder)
        let report = try #require(files.first { $0.lastPathComponent.contains("报告") })
        return try parse(run("pdftotext", ["-bbox-layout", report.path, "-"]).output)
    }

    /// Words per page, gathered into printed rows: words whose tops lie
    /// within a few points (a digit in the serif face sits a little higher
    /// than the 仿宋 around it) are one row.
    static func parse(_ xhtml: String) -> [[Row]] {
        var pages: [[Row]] = []
        for pageText in xhtml.components(separatedBy: "<page ").dropFirst() {
            var words: [Word] = []
            let pattern = #/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>/#
            for match in pageText.matches(of: pattern) {
                words.append(Word(xMin: Double(match.1)!, yMin: Double(match.2)!, xMax: Double(match.3)!, yMax: Double(match.4)!,
                                  text: String(match.5)))
            }
            var rows: [Row] = []
            for word in words.sorted(by: { $0.yMin < $1.yMin }) {
                if let last = rows.indices.last, abs(rows[last].yMin - word.yMin) < 6 { rows[last].words.append(word) } else {
                    rows.append(Row(words: [word]))
                }
            }
            pages.append(rows)
        }
        return pages
    }

    func bodyRows(_ page: [Row]) -> [Row] { page.filter { !$0.text.hasPrefix("—") } }

    @Test func everyLineIsInsideTheTextBlockOnTheFixedPitch() throws {
        let pages = try Self.pages.get()
        #expect(pages.count >= 8)
        for (number, page) in pages.enumerated() {
            let rows = bodyRows(page)
            #expect(rows.count <= 22, "page \(number + 1) has \(rows.count) lines")
            for row in rows {
                #expect(row.xMin >= Self.left - Self.tolerance && row.xMax <= Self.right + Self.tolerance,
                        "page \(number + 1): \(row.text.prefix(12)) spans \(row.xMin)…\(row.xMax)")
                // Rows set wholly in the 仿宋 body face, whose bounding box is
                // its em box (0.88 em up, 0.12 em down): their tops fall on
                // the pitch. Other faces have other ascents.
                guard row.words.allSatisfy({ abs($0.yMax - $0.yMin - 16) < 0.05 }) else { continue }
                #expect(row.yMin >= Self.top - Self.tolerance && row.yMin + 16 <= Self.bottom + Self.tolerance, "page \(number + 1)")
                // Every line on the 28.99 pt pitch from the top of the 版心.
                let line = (row.yMin - Self.top - (225 * Self.millimetre / 22 - 16) / 2) / (225 * Self.millimetre / 22)
                #expect(abs(line - line.rounded()) < 0.1, "page \(number + 1): \(row.text.prefix(12)) is off the pitch (\(line))")
            }
        }
        // Pages the text runs on from hold 22 lines (one fewer where a
        // heading moved on to stay with its text).
        let full = pages.dropLast().map { bodyRows($0).count }
        #expect(full.allSatisfy { $0 >= 21 }, "\(full)")
        #expect(full.filter { $0 == 22 }.count >= full.count / 2, "\(full)")
    }

    /// A full line of Chinese holds 28 characters. The exceptions are the
    /// line-breaking rules: when the 29th character is closing punctuation
    /// the 28th moves down with it (no line starts with "、"), an opening
    /// bracket never ends a line, and a Western word is not split; the
    /// characters left are spread to fill the line.
    @Test func fullLinesOfChineseHoldTwentyEightCharactersAndFillTheMeasure() throws {
        let closing = Set("，。、；：？！）》」』”’"), opening = Set("（《「『“‘")
        var checked = 0, pulledDown = 0
        for page in try Self.pages.get() {
            let rows = bodyRows(page)
            for (index, row) in rows.enumerated()
            where abs(row.xMin - Self.left) < Self.tolerance && abs(row.xMax - Self.right) < Self.tolerance {
                guard row.text.allSatisfy({ !$0.isASCII }) else { continue }
                checked += 1
                if row.text.count == 28 { continue }
                let next = index + 1 < rows.count ? Array(rows[index + 1].text) : []
                let ruled = (row.text.count == 27 && next.count > 1 && closing.contains(next[1]))
                    || (row.text.count == 27 && next.first.map(opening.contains) == true)
                    || (row.text.count >= 24 && next.first?.isASCII == true)
                #expect(ruled, "\(row.text) (\(row.text.count))")
                pulledDown += 1
            }
        }
        #expect(checked > 50)
        #expect(pulledDown < checked / 3)
    }

    @Test func paragraphsStartTwoCharactersIn() throws {
        var indented = 0
        for page in try Self.pages.get() {
            for row in bodyRows(page) where row.xMin > Self.left + Self.tolerance {
                // A first line two characters in, or the centred title, or the signature block.
                if abs(row.xMin - (Self.left + 2 * Self.character)) < Self.tolerance { indented += 1 }
            }
        }
        #expect(indented > 30)
        // No line starts between the margin and the indent.
        for page in try Self.pages.get() {
            for row in bodyRows(page) {
                #expect(!(row.xMin > Self.left + Self.tolerance && row.xMin < Self.left + 2 * Self.character - Self.tolerance),
                        "\(row.text.prefix(12)) starts at \(row.xMin)")
            }
        }
    }

    @Test func pageNumbersSitSevenMillimetresBelowTheTextBlockOnAlternateSides() throws {
        let pages = try Self.pages.get()
        let em = 14.0
        for (index, page) in pages.enumerated() {
            let number = index + 1
            let row = try #require(page.first { $0.text == "—\(number)—" }, "page \(number) has no number")
            if number % 2 == 1 {
                #expect(abs(row.xMax - (Self.right - em)) < Self.tolerance, "page \(number): \(row.xMax)")
            } else {
                #expect(abs(row.xMin - (Self.left + em)) < Self.tolerance, "page \(number): \(row.xMin)")
            }
            // The em box of 4号 Noto Serif: its bounding box is 1.151 em above
            // the baseline to 0.286 em below; the em box top is 0.88 em up.
            let baseline = row.words[0].yMax - 0.286 * em
            let emTop = baseline - 0.88 * em
            #expect(abs(emTop - (Self.bottom + 7 * Self.millimetre)) < Self.tolerance, "page \(number): \(emTop)")
        }
    }
}
