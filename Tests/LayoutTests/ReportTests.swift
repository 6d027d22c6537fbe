import Evaluation
import Layout
import Testing

@Suite("Heading numbers")
struct ChineseNumeralTests {
    @Test("ChineseNumeral.text", arguments: [
        (1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (90, "九十"), (99, "九十九"),
    ])
    func numeral(number: Int, text: String) {
        #expect(ChineseNumeral.text(number) == text)
    }

    @Test("numbering labels")
    func labels() {
        #expect(HeadingNumbering.chineseComma.label(11) == "十一、")
        #expect(HeadingNumbering.chineseParenthesized.label(3) == "（三）")
        #expect(HeadingNumbering.arabicDot.label(12) == "12.")
        #expect(HeadingNumbering.arabicParenthesized.label(2) == "（2）")
        #expect(HeadingNumbering.none.label(5) == "")
    }
}

@Suite("Binding the report")
struct ReportBinderTests {
    let flow: FlowSpec

    init() throws { flow = try flowSpec(try loadLayout("report-gbt9704.yaml")) }

    @Test("headings are numbered 一、/（一）/1./（1） by depth, restarting under each parent")
    func numbering() {
        let report = Report(title: "报告", sections: [
            ReportSection(heading: "部门概况", paragraphs: ["概况正文"], sections: [
                ReportSection(heading: "机构职能"),
                ReportSection(heading: "人员情况", sections: [
                    ReportSection(heading: "编制", sections: [
                        ReportSection(heading: "局长"),
                        ReportSection(heading: "副局长", paragraphs: ["（一）正文里的编号不动"], sections: [ReportSection(heading: "更深一层")]),
                    ]),
                    ReportSection(heading: "领导职数"),
                ]),
            ]),
            ReportSection(heading: "部门绩效情况", sections: [ReportSection(heading: "重点工作")]),
        ])
        let resolved = ReportBinder.bind(report, flow: flow)
        #expect(resolved.blocks.map(\.text) == [
            "一、部门概况", "概况正文", "（一）机构职能", "（二）人员情况", "1.编制", "（1）局长", "（2）副局长", "（一）正文里的编号不动",
            "（1）更深一层", "2.领导职数", "二、部门绩效情况", "（一）重点工作",
        ])
        #expect(resolved.blocks.map(\.kind) == [
            .heading(level: 1), .paragraph, .heading(level: 2), .heading(level: 2), .heading(level: 3), .heading(level: 4),
            .heading(level: 4), .paragraph, .heading(level: 5), .heading(level: 3), .heading(level: 1), .heading(level: 2),
        ])
        #expect(resolved.blocks[0].style.family == .hei)
        #expect(resolved.blocks[2].style.family == .kai)
        #expect(resolved.blocks[4].style.family == .fang)
        #expect(resolved.blocks[1].style == flow.body)
        #expect(resolved.blocks[0].origin == .unit(FieldPath("report").appending("sections").appending(0).appending("heading")))
        #expect(resolved.blocks[1].origin.description == "report.sections[0].paragraphs[0]")
        #expect(resolved.blocks[9].origin.description == "report.sections[0].sections[1].sections[1].heading")
        #expect(resolved.title == "报告")
    }

    @Test("more than ten sections count on in Chinese numerals")
    func manySections() {
        let report = Report(title: "报告", sections: (1...21).map { ReportSection(heading: "第\($0)节") })
        let texts = ReportBinder.bind(report, flow: flow).blocks.map(\.text)
        #expect(texts[0] == "一、第1节")
        #expect(texts[9] == "十、第10节")
        #expect(texts[10] == "十一、第11节")
        #expect(texts[19] == "二十、第20节")
        #expect(texts[20] == "二十一、第21节")
    }
}

@Suite("Composing the report (GB/T 9704)")
struct ReportComposerTests: ReportSuite {
    let fixture: ReportFixture

    init() throws { fixture = try ReportFixture() }

    static let sentences = [
        "为了规范柳河县政务服务和数字化建设管理局的职能配置、内设机构和人员编制，推进机构、职能、权限、程序、责任法定化。",
        "根据《中国共产党机构编制工作条例》和《柳河县机构改革方案》精神，以及有关要求，制定本规定。",
        "本年财政拨款收入376.36万元，支出376.36万元，比上年减少19.15万元，占比4.84%。",
        "统筹推进全县政府职能转变和数字政府建设工作（含营商环境建设），统筹协调建立数字监管体系。",
    ]

    /// A report long enough for several pages.
    static func longReport() -> Report {
        var counter = 0
        func paragraph() -> String {
            counter += 1
            return (0..<(1 + counter % 4)).map { sentences[($0 + counter) % sentences.count] }.joined()
        }
        let sections = ["部门概况", "部门绩效情况", "部分指标情况说明", "存在的问题和建议", "下一步工作计划"].map { heading in
            ReportSection(heading: heading, paragraphs: [paragraph()], sections: (1...3).map { n in
                ReportSection(heading: "\(heading)之\(n)", paragraphs: (0..<3).map { _ in paragraph() })
            })
        }
        return Report(title: "部门整体支出绩效自评报告", sections: sections, signature: "柳河县政务服务和数字化建设管理局", date: "2025年3月1日")
    }

    var advance: Length { flow.body.size + flow.body.tracking }

    /// A page's printed lines, top to bottom: the runs sharing a baseline,
    /// left to right (a line is several runs where fonts change or
    /// punctuation is compressed).
    func lines(_ page: Page) -> [(y: Length, x: Length, text: String, runs: [TextRun])] {
        let runs = page.items.compactMap(\.textRun)
        let baselines = Array(Set(runs.map(\.origin.y))).sorted()
        return baselines.map { y in
            let here = runs.filter { $0.origin.y == y }.sorted { $0.origin.x < $1.origin.x }
            return (y, here[0].origin.x, here.map(\.text).joined(), here)
        }
    }

    /// Baseline offset of a size-`size` line in its line box.
    func baselineOffset(_ size: Length) -> Length { (flow.lineHeight - size) / 2 + size * 0.88 }

    @Test("the report composes into several pages of at most 22 lines on the fixed pitch")
    func linesPerPage() throws {
        let pages = try reportPages(Self.longReport(), measurer: measurer)
        #expect(pages.count >= 3)
        let content = layout.page.contentRect
        let perPage = Int((content.size.height.points + 0.01) / flow.lineHeight.points)
        #expect(perPage == 22)
        for (number, page) in pages.enumerated() {
            #expect(page.size == .a4Portrait)
            let runs = page.items.compactMap(\.textRun)
            var rows = Set<Int>()
            for run in runs {
                let position = (run.origin.y - content.minY - baselineOffset(run.font.size)).points / flow.lineHeight.points
                #expect(abs(position - position.rounded()) < 1e-6, "page \(number + 1): \(run.text) is off the pitch")
                let row = Int(position.rounded())
                #expect((0..<22).contains(row), "page \(number + 1): \(run.text) on line \(row + 1)")
                rows.insert(row)
                // Inside the text block horizontally.
                let width = try measurer.width(of: run.text, font: run.font)
                    + run.extraSpacing * Double(max(0, run.text.count - 1))
                #expect(run.origin.x.points >= content.minX.points - 0.01)
                #expect((run.origin.x + width).points <= content.maxX.points + 0.5, "page \(number + 1): \(run.text) too wide")
            }
            #expect(rows.count <= 22)
            // The runs of a line follow each other without overlapping.
            for line in lines(page) {
                for (a, b) in zip(line.runs, line.runs.dropFirst()) {
                    let end = a.origin.x + (try measurer.width(of: a.text, font: a.font)) + a.extraSpacing * Double(a.text.count)
                    #expect(b.origin.x.points >= end.points - flow.body.size.points / 2 - 0.01, "page \(number + 1): \(a.text)|\(b.text)")
                }
            }
        }
    }

    @Test("28 characters of body text fill a line")
    func charactersPerLine() throws {
        let content = layout.page.contentRect
        #expect(Int((content.size.width.points + 0.01) / advance.points) == 28)
        let text = String(repeating: "政", count: 28 * 3)
        let report = Report(title: "标题", sections: [ReportSection(heading: "节", paragraphs: [text])])
        let pages = try reportPages(report, measurer: measurer)
        let lines = lines(pages[0]).filter { $0.text.allSatisfy { $0 == "政" } }
        #expect(lines.map(\.text.count) == [26, 28, 28, 2])
    }

    @Test("every paragraph and heading starts two characters in; its other lines start at the margin")
    func firstLineIndent() throws {
        let resolved = ReportBinder.bind(Self.longReport(), flow: flow)
        let pages = try reportPages(Self.longReport(), measurer: measurer)
        let content = layout.page.contentRect
        var runs = pages.flatMap { lines($0).map { TextRun(text: $0.text, font: $0.runs[0].font, origin: Point(x: $0.x, y: $0.y)) } }[...]
        // The centred title comes first.
        let title = try #require(runs.first)
        runs = runs.dropFirst()
        #expect(title.text == "部门整体支出绩效自评报告")
        let titleWidth = try measurer.width(of: title.text, font: title.font)
        #expect(abs((title.origin.x - content.minX).points - (content.maxX - title.origin.x - titleWidth).points) < 0.01)
        var headingsEndingPages = 0
        let lastOnPage = Set(pages.compactMap { lines($0).last.map { TextRun(text: $0.text, font: $0.runs[0].font, origin: Point(x: $0.x, y: $0.y)) } })
        for block in resolved.blocks {
            var text = ""
            var first = true
            while text.count < block.text.count, let run = runs.first {
                runs = runs.dropFirst()
                let expectedX = first ? content.minX + advance * 2 : content.minX
                #expect(abs((run.origin.x - expectedX).points) < 0.001, "\(run.text) of \"\(block.text.prefix(10))…\" at x \(run.origin.x)")
                if case .heading = block.kind, lastOnPage.contains(run) { headingsEndingPages += 1 }
                text += run.text
                first = false
            }
            #expect(text == block.text)
        }
        // Headings stay with the text that follows them.
        #expect(headingsEndingPages == 0)
        // Then the signature and the date, right-aligned two characters in.
        let signature = try #require(runs.first)
        let date = try #require(runs.dropFirst().first)
        runs = runs.dropFirst(2)
        #expect(runs.isEmpty)
        #expect(signature.text == "柳河县政务服务和数字化建设管理局")
        #expect(date.text == "2025年3月1日")
        let signatureRight = signature.origin.x + (try measurer.width(of: signature.text, font: signature.font))
        #expect(abs((signatureRight - (content.maxX - advance * 2)).points) < 0.001)
    }

    @Test("page numbers \"— n —\": odd pages right, even pages left, below the text block")
    func pageNumbers() throws {
        let pages = try reportPages(Self.longReport(), measurer: measurer)
        let content = layout.page.contentRect
        let numbering = try #require(flow.pageNumber)
        let inset = numbering.style.size * numbering.inset
        #expect(pages.count >= 3)
        for (index, page) in pages.enumerated() {
            let number = index + 1
            let run = try #require(page.overlay.last?.textRun)
            #expect(run.text == "— \(number) —")
            #expect(run.font == numbering.style.font)
            let width = try measurer.width(of: run.text, font: run.font)
            if number % 2 == 1 {
                #expect(abs((run.origin.x + width - (content.maxX - inset)).points) < 0.001, "page \(number) not right-aligned")
            } else {
                #expect(abs((run.origin.x - (content.minX + inset)).points) < 0.001, "page \(number) not left-aligned")
            }
            #expect(run.origin.y > content.maxY + numbering.gap)
            #expect(run.origin.y < layout.page.size.height)
            // Exactly one page number per page.
            #expect((page.items + page.overlay).compactMap(\.textRun).filter { $0.text.hasPrefix("— ") }.count == 1)
        }
    }

    @Test("a missing glyph in the report names the paragraph's path")
    func missingGlyph() throws {
        let report = Report(title: "报告", sections: [ReportSection(heading: "概况", paragraphs: ["正常", "有𠀀字"])])
        do {
            _ = try reportPages(report, measurer: FixedAdvanceMeasurer(missing: ["𠀀"]))
            Issue.record("expected missingGlyphs")
        } catch {
            guard case .missingGlyphs(let characters, let origin, let text) = error else {
                Issue.record("expected missingGlyphs, got \(error)")
                return
            }
            #expect(characters == ["𠀀"])
            #expect(origin == .unit(FieldPath("report").appending("sections").appending(0).appending("paragraphs").appending(1)))
            #expect(text.contains("有𠀀字"))
            #expect(english(error).hasPrefix("report.sections[0].paragraphs[1]: "))
        }
    }
}
