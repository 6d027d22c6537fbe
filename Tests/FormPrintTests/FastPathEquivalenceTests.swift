import Foundation
@testable import Batch
@testable import FormPrint
@testable import InputReading
@testable import Layout
import Support
import Testing

/// Issue 25: the batch's string work moved off Foundation's searches and
/// per-scalar copies. Each fast path must answer exactly as the code it
/// replaced, which these tests keep beside it as the reference.
@Suite("Fast paths answer as the code they replaced")
struct FastPathEquivalenceTests {
    /// Scalars around every boundary the fast paths draw, plus a sample of each plane.
    static let scalars: [Unicode.Scalar] = (Array(0...0x3100) + Array(0xFE00...0xFFFF) + [0x1_F600, 0x2_0000, 0x10_FFFF])
        .compactMap(Unicode.Scalar.init)

    @Test func containsBytesAgreesWithFoundation() {
        let texts = ["a.yaml:3:5: error[FP201]: 缺少", "a.yaml:3:5: 错误[FP201]：缺少", "note[FP101]", ": error", "", "年度资金总额", "总 额"]
        let needles = [": error[", ": 错误[", ": note[", "总额", "合计", "e", "：", "a.yaml:3:5: error[FP201]: 缺少 and more"]
        for text in texts {
            for needle in needles {
                #expect(text.containsBytes(needle) == text.contains(needle), "\(text) / \(needle)")
            }
            #expect(!text.containsBytes(""))
        }
    }

    @Test func spreadsheetUnitsCountWideScalarsAsBefore() {
        func reference(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }
        for scalar in Self.scalars {
            let text = "a" + String(Character(scalar)) + "中"
            #expect(SpreadsheetWriter.units(text) == reference(text), "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// The findings workbook's column widths and row heights: one pass
    /// over the bytes against splitting at "\n" and counting each piece.
    @Test func spreadsheetLinesCountAsSplittingDid() {
        func reference(_ text: String, room: Int) -> (widest: Int, wrapped: Int) {
            let pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
            return (pieces.map { SpreadsheetWriter.units($0) }.max() ?? 0,
                    pieces.reduce(0) { $0 + max(1, (SpreadsheetWriter.units($1) + room - 1) / room) })
        }
        let alphabet: [Character] = ["a", "中", "\n", " ", "ሀ", "ᄀ", "é", "😀", "，", "\r\n"]
        var generator = SplitMix64(seed: 25)
        var texts = ["", "\n", "\n\n", "a\n", "\na", "中中中\n", String(repeating: "中", count: 40)]
        for _ in 0..<400 {
            texts.append(String((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            for room in [1, 2, 7, 29] {
                let fast = SpreadsheetWriter.lineUnits(text, room: room), slow = reference(text, room: room)
                #expect(fast.widest == slow.widest && fast.wrapped == slow.wrapped, "\(text.debugDescription) room \(room)")
            }
        }
    }

    /// The built-in layouts' `default:`/`document:`/`id:` lines, read on
    /// the bytes, against splitting the file into Character lines.
    @Test func layoutDefaultsReadTopLevelLinesAsSplittingDid() throws {
        func reference(_ key: String, in text: String) -> String? {
            let prefix = "\(key):"
            for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix(prefix) {
                let value = line.dropFirst(prefix.count).prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            return nil
        }
        let folder = try #require(LayoutSearch.builtInFolder)
        var texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        #expect(texts.count > 5)
        texts += ["", "default:", "default: true", "x\r\ndefault: true # yes\r\n", "a\u{2028}default: true", "a\u{85}id: x",
                  "a\u{2029}document: report\u{2029}", "default:\u{301} true\ndefault: false", " default: true\ndefault:   # none\n",
                  "a\u{0B}id: v\u{0C}", "idx: 1\nid: 2", "中文: 一\n id: 缩进\nid: 顶格 # 注释", "\r\r\nid:\t t \r"]
        for text in texts {
            for key in ["default", "document", "id", "extends", "missing"] {
                #expect(LayoutDefaults.topLevel(key, in: text) == reference(key, in: text), "\(key) in \(text.prefix(60).debugDescription)")
            }
        }
    }

    @Test func escapingUnchangedTextReturnsItAsIs() {
        #expect(MarkupEscaping.xml("年度资金总额 100.00") == "年度资金总额 100.00")
        #expect(MarkupEscaping.xml("a&b<c>\"d'\u{1}\te\nf\r") == "a&amp;b&lt;c&gt;&quot;d'&#9;e&#10;f&#13;")
        #expect(MarkupEscaping.html("a&b<c>\"d'\u{1}") == "a&amp;b&lt;c&gt;&quot;d&#39;\u{1}")
        #expect(MarkupEscaping.html("说明'") == "说明&#39;")
        #expect(MarkupEscaping.xml("x\u{1F}") == "x")
    }

    @Test func conservationTrimsAsFoundationDoes() {
        for scalar in Self.scalars {
            let character = String(Character(scalar))
            for text in [character, character + "12.50", "12.50" + character, character + "说明" + character] {
                #expect(text.trimmingSpacesAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "U+\(String(scalar.value, radix: 16))")
                #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "U+\(String(scalar.value, radix: 16))")
                #expect(text.dropFirst(0).trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
            }
        }
        #expect("".trimmingSpacesAndNewlines() == "")
        #expect("".trimmingSpaces() == "" && " \t".trimmingSpaces() == "" && "\u{3000}值\u{3000}".trimmingSpaces() == "值")
    }

    /// The findings report's file names, cut from the path, against
    /// Foundation's `lastPathComponent`.
    @Test func findingsReportFileNamesAsURLGivesThem() {
        for path in ["a/b.yaml", "/x/自评.yaml", "b.yaml", "/", "a//b", "./a.xlsx", "dir/", "/a/b/", "a b/c d.xls", "../单位/表 1.xls",
                     "/tmp/x.y/z", "a/.hidden", "~/u.yaml", "a\\b.yaml"] {
            #expect(FindingsReport.fileName(path) == URL(fileURLWithPath: path).lastPathComponent, "\(path)")
        }
    }

    /// summary.csv's fields: the bytes looked at before the Characters,
    /// against the Characters alone.
    @Test func csvFieldsQuoteAsTheCharactersDid() {
        func reference(_ field: String) -> String {
            let field = SpreadsheetText.neutralised(field)
            let needsQuotes = field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || field.hasPrefix(" ")
            return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        for scalar in Self.scalars {
            let character = String(Character(scalar))
            for text in [character, "说明" + character + "中", character + "\u{301}", ",\u{301}", "\"\u{308}x", "\r\n", "中\u{2028}"] {
                #expect(SpreadsheetText.csvField(text) == reference(text), "U+\(String(scalar.value, radix: 16))")
                #expect(UTF8LineBreak.contains(in: text) == text.unicodeScalars.contains { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) })
            }
        }
    }

    /// The findings page's class names, written out, against the case
    /// names interpolation found by reflection.
    @Test func reviewStatusClassNamesAreTheCaseNames() {
        for status in ReviewStatus.allCases {
            #expect(status.className == "\(status)")
        }
    }

    /// The scalars the invisible-character check passes without their
    /// category must all have a visible category.
    @Test func invisibleCharacterSkipsOnlyVisibleScalars() {
        let invisible: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned]
        for value in Array(0x20...0x7E) + Array(InvisibleCharacter.visibleIdeographs) {
            let scalar = Unicode.Scalar(value)!
            #expect(!invisible.contains(scalar.properties.generalCategory), "U+\(String(value, radix: 16))")
        }
        #expect(InvisibleCharacter.first(in: "项目\u{200B}名称")?.scalar == "\u{200B}")
        #expect(InvisibleCharacter.first(in: "项目\u{E000}")?.scalar == "\u{E000}")
        #expect(InvisibleCharacter.first(in: "项目名称 abc\n\t中") == nil)
    }

    @Test func punctuationMarksAsTheSets() {
        for scalar in Self.scalars {
            let character = Character(scalar)
            let expected: ChinesePunctuation.Mark = ChinesePunctuation.closing.contains(character) ? .closing
                : ChinesePunctuation.opening.contains(character) ? .opening : .none
            #expect(ChinesePunctuation.mark(character) == expected, "U+\(String(scalar.value, radix: 16))")
        }
        #expect(ChinesePunctuation.mark("）\u{301}") == .none)
    }
}
