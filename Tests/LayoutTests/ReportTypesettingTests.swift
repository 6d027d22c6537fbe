import Evaluation
import Testing

@testable import Layout

/// GB/T 9704 typesetting details: title shapes, punctuation compression,
/// Western digits in the serif, the 附件说明 and the sealed signature.
@Suite("Typesetting the report")
struct ReportTypesettingTests: ReportSuite {
    let fixture: ReportFixture

    init() throws { fixture = try ReportFixture() }

    func titleLines(_ title: String) -> [String] {
        let advances = title.map { $0.isASCII ? flow.title.size / 2 : flow.title.size }
        return TitleBreaker.lines(title, advances: advances, width: layout.page.contentRect.size.width)
    }

    @Test("a title that fits stays on one line")
    func shortTitle() {
        #expect(titleLines("部门整体支出绩效自评报告") == ["部门整体支出绩效自评报告"])
    }

    @Test("a long title breaks at a natural place, keeps words whole and is not a rectangle")
    func twoLineTitle() {
        // Breaking after 管理局 would give two lines of exactly 16 characters'
        // width — a rectangle; after 年度 gives a trapezoid.
        let lines = titleLines("柳河县政务服务和数字化建设管理局2024年度部门整体支出绩效自评报告")
        #expect(lines == ["柳河县政务服务和数字化建设管理局2024年度", "部门整体支出绩效自评报告"])
        #expect(titleLines("柳河县政务服务和数字化建设管理局2024年部门整体支出绩效自评报告")
                == ["柳河县政务服务和数字化建设管理局", "2024年部门整体支出绩效自评报告"])
    }

    @Test("titles of every length: lines fit, words whole, trapezoid or diamond", arguments: [
        "关于柳河县政务服务和数字化建设管理局2024年度部门整体支出绩效自评情况的报告",
        "柳河县政务服务和数字化建设管理局关于2024年度部门整体支出绩效自评工作开展情况及下一步改进措施的报告",
        "吉林省通化市柳河县人民政府办公室2024年度项目支出绩效自评报告",
        "柳河县政务服务和数字化建设管理局2024年度部门整体支出绩效自评报告",
    ])
    func titleShapes(title: String) {
        let lines = titleLines(title)
        #expect(lines.joined() == title)
        let width = layout.page.contentRect.size.width
        for line in lines {
            let lineWidth = line.reduce(Length.zero) { $0 + ($1.isASCII ? flow.title.size / 2 : flow.title.size) }
            #expect(lineWidth.fits(in: width), "\(line)")
        }
        // No protected word and no number is split.
        let ends = lines.dropLast().map { $0.last! }, starts = lines.dropFirst().map { $0.first! }
        for (end, start) in zip(ends, starts) {
            #expect(!(end.isNumber && start.isNumber))
            for word in TitleBreaker.words where title.contains(word) {
                #expect(lines.contains { $0.contains(word) }, "\(word) split in \(lines)")
            }
        }
        let widths = lines.map { $0.reduce(0.0) { $0 + ($1.isASCII ? 0.5 : 1) } }
        if widths.count == 2 { #expect(widths[0] != widths[1], "\(lines)") }
        if widths.count == 3 {
            let hourglass = widths[1] < widths[0] && widths[1] < widths[2]
            let rectangle = Set(widths).count == 1
            #expect(!hourglass && !rectangle, "\(lines)")
        }
    }

    func runs(_ text: String, justify: Length? = nil) throws -> [TextRun] {
        try LineSetter(measurer: measurer, font: flow.body.font).runs(text, x: .zero, justifyTo: justify)
    }

    @Test("adjacent full-width punctuation is compressed: no doubled blank at 。」 or ），")
    func punctuationCompression() throws {
        let em = flow.body.size + flow.body.tracking
        let set = try runs("社会组织（团体）、营商环境。”下一")
        // Characters' x positions, reconstructed from the runs.
        var positions: [Character: Length] = [:]
        for run in set {
            var x = run.origin.x
            for character in run.text {
                positions[character] = positions[character] ?? x
                x += character.isASCII ? em / 2 : em
            }
        }
        // "）" is followed by "、": the 、 moves half a character left.
        #expect(abs((positions["、"]! - positions["）"]!).points - (em - flow.body.size / 2).points) < 0.001)
        // "。" then "”": the quote closes up to the full stop.
        #expect(abs((positions["”"]! - positions["。"]!).points - (em - flow.body.size / 2).points) < 0.001)
        // Characters without a neighbouring mark keep their full advance.
        #expect(abs((positions["织"]! - positions["组"]!).points - em.points) < 0.001)
    }

    @Test("Western digits and letters are set in the Latin family, Chinese in the body face")
    func latinRuns() throws {
        #expect(flow.body.latinFamily == .song)
        let set = try runs("本年收入376.36万元APP")
        #expect(set.map(\.text) == ["本年收入", "376.36", "万元", "APP"])
        #expect(set.map(\.font.family) == [.fang, .song, .fang, .song])
        // Runs follow each other exactly.
        for (a, b) in zip(set, set.dropFirst()) {
            let width = try measurer.width(of: a.text, font: a.font)
            #expect(abs((b.origin.x - a.origin.x - width).points) < 0.001)
        }
    }

    @Test("a justified line ends exactly at the measure")
    func justification() throws {
        let measure = Length.mm(156)
        let set = try runs(String(repeating: "政", count: 15) + "（单位）、营商环境建设", justify: measure)
        let last = try #require(set.last)
        let end = last.origin.x + (try measurer.width(of: last.text, font: last.font)) + last.extraSpacing * Double(last.text.count - 1)
        #expect(abs(end.points - measure.points) < 0.01)
    }

    func report(sealed: Bool, attachments: [ReportAttachment] = []) -> Report {
        Report(title: "部门整体支出绩效自评报告", sections: [ReportSection(heading: "概况", paragraphs: ["正文。"])],
               signature: "柳河县政务服务和数字化建设管理局", date: "2025年3月1日", sealed: sealed, attachments: attachments)
    }

    func line(_ pages: [Page], containing text: String) -> [TextRun] {
        let runs = pages.flatMap { $0.items.compactMap(\.textRun) }
        guard let y = runs.first(where: { $0.text.contains(text) })?.origin.y else { return [] }
        return runs.filter { $0.origin.y == y }.sorted { $0.origin.x < $1.origin.x }
    }

    @Test("with a seal the date is four characters from the right and the 署名 centred on it")
    func sealedSignature() throws {
        let pages = try reportPages(report(sealed: true), measurer: measurer)
        let content = layout.page.contentRect
        let em = flow.body.size + flow.body.tracking
        let date = line(pages, containing: "日")
        let signature = line(pages, containing: "柳河县")
        let dateStart = try #require(date.first).origin.x, signatureStart = try #require(signature.first).origin.x
        let dateWidth = try measurer.width(of: "2025年3月1日", font: flow.body.font)
        let signatureWidth = try measurer.width(of: "柳河县政务服务和数字化建设管理局", font: flow.body.font)
        #expect(abs((dateStart + dateWidth - (content.maxX - em * 4)).points) < 0.01)
        #expect(abs((signatureStart + signatureWidth / 2 - (dateStart + dateWidth / 2)).points) < 0.01)
    }

    @Test("without a seal the 署名 is two characters from the right and the date starts two characters further in")
    func unsealedSignature() throws {
        let pages = try reportPages(report(sealed: false), measurer: measurer)
        let em = flow.body.size + flow.body.tracking
        let signature = try #require(line(pages, containing: "柳河县").first)
        let date = try #require(line(pages, containing: "日").first)
        let signatureWidth = try measurer.width(of: signature.text, font: flow.body.font)
        #expect(abs((signature.origin.x + signatureWidth - (layout.page.contentRect.maxX - em * 2)).points) < 0.01)
        #expect(abs((date.origin.x - (signature.origin.x + em * 2)).points) < 0.01)
    }

    @Test("附件说明: two characters in, numbered, later names aligned with the first, before the 署名")
    func attachmentNote() throws {
        // Names only: the note is the same whether or not a form is attached,
        // and attached forms' pages would put their runs among the note's.
        let attachments = [ReportAttachment(name: "2024年政数局综合类项目支出绩效自评表"), ReportAttachment(name: "部门整体支出绩效自评表")]
        let pages = try reportPages(report(sealed: false, attachments: attachments), measurer: measurer)
        let content = layout.page.contentRect
        let em = flow.body.size + flow.body.tracking
        let first = line(pages, containing: "附件：")
        #expect(first.map(\.text).joined() == "附件：1.2024年政数局综合类项目支出绩效自评表")
        #expect(abs((first[0].origin.x - (content.minX + em * 2)).points) < 0.01)
        let second = line(pages, containing: "部门整体支出绩效自评表")
        #expect(second.map(\.text).joined() == "2.部门整体支出绩效自评表")
        // "2." sits under "1.".
        let one = try #require(first.first { $0.text.hasPrefix("1.") })
        #expect(abs((second[0].origin.x - one.origin.x).points) < 0.01)
        // A blank line above, and the 署名 below the note.
        let signatureY = try #require(line(pages, containing: "柳河县").first).origin.y
        #expect(signatureY > second[0].origin.y)
        let bodyY = try #require(line(pages, containing: "正文").first).origin.y
        #expect(abs((first[0].origin.y - bodyY).points - (flow.lineHeight * 2).points) < 0.01)
    }
}

@Suite("Tables in the report")
struct ReportTableTests: ReportSuite {
    let fixture: ReportFixture

    init() throws { fixture = try ReportFixture() }

    static let table = ReportTable(title: "表1　收支情况（万元）", header: [["项目", "全年预算数", "执行率"]],
                                   rows: [["财政拨款收入", "376.36", "100.00%"], ["其中：政务大厅综合类项目经费", "212.40", "81.06%"]],
                                   columns: [3, 2, 1.5], afterParagraph: 1)

    func pages(paragraphsBefore: Int) throws -> [Page] {
        let paragraphs = (0..<paragraphsBefore).map { _ in String(repeating: "政", count: 28 * 2) }
        let report = Report(title: "报告", sections: [ReportSection(heading: "收支情况", paragraphs: paragraphs + ["表后的段落。"],
                                                                tables: [ReportTable(title: Self.table.title, header: Self.table.header,
                                                                                     rows: Self.table.rows, columns: Self.table.columns,
                                                                                     afterParagraph: paragraphsBefore)])])
        return try reportPages(report, measurer: measurer)
    }

    @Test("the table follows its paragraph, on the grid, ruled across the text block, numbers right-aligned")
    func tableOnTheGrid() throws {
        let page = try #require(try pages(paragraphsBefore: 1).first)
        let content = layout.page.contentRect
        let runs = page.items.compactMap(\.textRun)
        let title = try #require(runs.first { $0.text.hasPrefix("表1") })
        let after = try #require(runs.first { $0.text.hasPrefix("表后") })
        #expect(after.origin.y > title.origin.y)
        // Every run on the pitch.
        for run in runs {
            let line = (run.origin.y - content.minY - ((flow.lineHeight - run.font.size) / 2 + run.font.size * 0.88)).points / flow.lineHeight.points
            #expect(abs(line - line.rounded()) < 1e-6, "\(run.text)")
        }
        // Horizontal rules span the text block: above the header, between rows, below the last.
        let horizontal = page.items.compactMap(\.lineSegment).filter { $0.from.y == $0.to.y }
        #expect(horizontal.count == 4)
        #expect(horizontal.allSatisfy { abs($0.from.x.points - content.minX.points) < 0.01 && abs($0.to.x.points - content.maxX.points) < 0.01 })
        // The wrapped cell makes its row two lines tall.
        let ys = horizontal.map(\.from.y.points).sorted()
        #expect(abs((ys[3] - ys[2]) - 2 * flow.lineHeight.points) < 0.01)
        // "376.36" ends at its column's right padding.
        let amount = try #require(runs.first { $0.text == "376.36" })
        let width = try measurer.width(of: amount.text, font: amount.font)
        let columnRight = content.minX + content.size.width * (5.0 / 6.5)
        #expect(abs((amount.origin.x + width - (columnRight - flow.tables.padding)).points) < 0.01)
    }

    @Test("a table never starts at a page foot with its title or header alone", arguments: 8...11)
    func headerStaysWithARow(paragraphsBefore: Int) throws {
        let pages = try pages(paragraphsBefore: paragraphsBefore)
        for page in pages {
            let texts = page.items.compactMap(\.textRun).map(\.text)
            if texts.contains(where: { $0.hasPrefix("表1") }) { #expect(texts.contains("项目") && texts.contains("财政拨款收入")) }
            if texts.contains("项目") { #expect(texts.contains("财政拨款收入")) }
        }
    }
}
