import Layout
import Testing

@Suite("Line breaking (禁则)")
struct LineBreakerTests {
    let measurer = FixedAdvanceMeasurer()
    let font = FontSpec(family: .song, bold: false, size: .pt(10))

    /// A cell `characters` full-width characters wide.
    func width(_ characters: Double) -> Length { .pt(10 * characters) }

    static let noStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」"]
    static let noEnd: Set<Character> = ["（", "《", "「"]

    static let samples = [
        "根据《中国共产党机构编制工作条例》和《柳河县机构改革方案》精神，制定本规定。",
        "（一）负责全县政务服务和数字化建设管理工作。贯彻执行国家、省、市关于政务服务的法律、法规、规章。",
        "我县“一窗受理，集成服务”改革共设9大类25个综合窗口；经核算经费全年212.39万元；",
        "问：为什么？答：因为「资金紧张」！（见附件）。",
        "县政务服务和数字化局机关行政编制 11 名。设局长 1 名，副局长 2 名。内设机构领导职数 5 名（含党务办公室主任 1 名）。",
        "甲，乙，丙，丁，戊，己，庚，辛。子（丑）寅《卯》辰「巳」午。",
    ]

    func check(_ lines: [TextLine], of text: String, width: Length, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (index, line) in lines.enumerated() {
            if index > 0, let first = line.text.first {
                #expect(!Self.noStart.contains(first), "line \(index) starts with \(first): \(lines.map(\.text))",
                        sourceLocation: sourceLocation)
            }
            if index < lines.count - 1, let last = line.text.last {
                #expect(!Self.noEnd.contains(last), "line \(index) ends with \(last): \(lines.map(\.text))",
                        sourceLocation: sourceLocation)
            }
            #expect(line.width.fits(in: width) || line.text.count == 1, "line \(index) is too wide: \(line.text)",
                    sourceLocation: sourceLocation)
            #expect(line.width == (try? measurer.width(of: line.text, font: font)), sourceLocation: sourceLocation)
        }
    }

    @Test("no line starts with closing or ends with opening punctuation", arguments: [3.0, 4, 5, 7, 11, 28])
    func prohibitedPunctuation(characters: Double) throws {
        for text in Self.samples {
            let lines = try measurer.lines(of: text, font: font, width: width(characters))
            check(lines, of: text, width: width(characters))
            // Nothing is lost or reordered (spaces at line ends may be dropped).
            #expect(lines.map(\.text).joined().filter { $0 != " " } == text.filter { $0 != " " })
            #expect(lines.count > 1 || text.count <= Int(characters))
        }
    }

    @Test("a 3-character cell: closing punctuation is pulled down with the character before it")
    func narrowCell() throws {
        let lines = try measurer.lines(of: "甲乙丙。丁戊", font: font, width: width(3))
        #expect(lines.map(\.text) == ["甲乙", "丙。丁", "戊"])
        let opening = try measurer.lines(of: "甲乙（丙）丁", font: font, width: width(3))
        #expect(opening.map(\.text) == ["甲乙", "（丙）", "丁"])
    }

    @Test("Latin numbers stay whole", arguments: ["212.40", "81.06%", "172.18", "2025"])
    func numbersStayWhole(number: String) throws {
        let text = "年初预算数\(number)万元，全年执行数\(number)万元"
        for characters in [4.0, 6, 7, 9] {
            let lines = try measurer.lines(of: text, font: font, width: width(characters))
            #expect(lines.filter { $0.text.contains(number) }.count == 2, "\(lines.map(\.text))")
            #expect(lines.map(\.text).joined() == text)
            // No line holds a fragment of the number without the whole of it.
            let prefix = String(number.prefix(2))
            for line in lines where line.text.contains(prefix) {
                #expect(line.text.contains(number), "\(line.text) splits \(number)")
            }
        }
    }

    @Test("a number wider than the line is split by characters rather than overflowing")
    func longNumber() throws {
        let lines = try measurer.lines(of: "12345678901234567890", font: font, width: width(3))
        #expect(lines.map(\.text).joined() == "12345678901234567890")
        for line in lines { #expect(line.width.fits(in: width(3))) }
        #expect(lines.count == 4)
    }

    @Test("explicit newlines always break")
    func explicitNewlines() throws {
        let lines = try measurer.lines(of: "第一行\n第二行\n\n第四行", font: font, width: width(20))
        #expect(lines.map(\.text) == ["第一行", "第二行", "", "第四行"])
        #expect(lines[2].width == .zero)
    }

    @Test("text that fits stays on one line, measured")
    func fitsOneLine() throws {
        let lines = try measurer.lines(of: "项目名称", font: font, width: width(10))
        #expect(lines == [TextLine(text: "项目名称", width: .pt(40))])
        let exact = try measurer.lines(of: "实际完成值", font: font, width: width(5))
        #expect(exact.map(\.text) == ["实际完成值"])
        let mixed = try measurer.lines(of: "81.06%", font: font, width: width(3))
        #expect(mixed == [TextLine(text: "81.06%", width: .pt(30))])
    }

    @Test("spaces at a break are dropped, not carried to the next line")
    func spacesAtBreaks() throws {
        let lines = try measurer.lines(of: "编制 11 名 设局长 1 名", font: font, width: width(3))
        for line in lines {
            #expect(line.text.first != " " && line.text.last != " ", "\(lines.map(\.text))")
        }
    }

    @Test("missing glyphs are all reported, once each")
    func missingGlyphs() throws {
        let measurer = FixedAdvanceMeasurer(missing: ["𠀀", "𪚥"])
        #expect(throws: MeasureError.missingGlyphs(["𠀀", "𪚥"])) {
            try measurer.lines(of: "甲𠀀乙𪚥丙𠀀", font: font, width: width(10))
        }
    }
}
