import Evaluation

/// Sets a resolved report on pages: lines on a fixed pitch (GB/T 9704's
/// 22 lines in the 225 mm text block), paragraphs indented two characters
/// and justified to the full measure, headings kept with the text that
/// follows them, page numbers alternating sides.
package enum ReportComposer {
    /// One line of the report before it is put on a page.
    struct FlowLine {
        var runs: [TextRun]
        /// A heading line must not end a page (it stays with its text).
        var keepWithNext: Bool
        /// Rules of a table row, with y measured from the top of the line box.
        var rules: [LineSegment] = []
        /// The outline entry a heading's first line opens.
        var bookmark: Bookmark?

        /// For a table body's lines, the lines of the table's header.
        var repeatedHeader: Range<Int>?

        var isBlank: Bool { runs.isEmpty && rules.isEmpty }

        var paginated: FlowPaginator.Line {
            FlowPaginator.Line(keepWithNext: keepWithNext, isBlank: isBlank, repeatedHeader: repeatedHeader)
        }
    }

    /// The report's pages, numbered as the layout says.
    package static func compose(_ report: ResolvedReport, flow: FlowSpec, page spec: PageSpec,
                               measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        let pages = try composeBody(report, flow: flow, page: spec, measurer: measurer)
        guard let numbering = flow.pageNumber else { return pages }
        return try PageNumbering.number(pages, numbering, content: spec.contentRect, measurer: measurer)
    }

    /// The report's pages without page numbers, for a document that goes on
    /// with attachments numbered in the same sequence.
    package static func composeBody(_ report: ResolvedReport, flow: FlowSpec, page spec: PageSpec,
                                   measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        let content = spec.contentRect
        var lines: [FlowLine] = []
        // Title: centred lines shaped as a trapezoid or diamond, then blank lines.
        var titleAdvances: [Length] = []
        for character in report.title {
            titleAdvances.append(try measuredWidth(String(character), flow.title.font, .unit("report.title"), measurer))
        }
        for line in TitleBreaker.lines(report.title, advances: titleAdvances, width: content.size.width) {
            let width = try measuredWidth(line, flow.title.font, .unit("report.title"), measurer)
            let x = content.minX + (content.size.width - width) / 2
            lines.append(FlowLine(runs: [TextRun(text: line, font: flow.title.font, origin: Point(x: x, y: .zero))], keepWithNext: true))
        }
        lines += Array(repeating: FlowLine(runs: [], keepWithNext: true), count: flow.linesAfterTitle)
        for block in report.blocks {
            switch block.kind {
            case .table(let table):
                let start = lines.count
                var tableLines = try ReportTableLines.lines(table, origin: block.origin, flow: flow, content: content, measurer: measurer)
                for index in tableLines.indices where tableLines[index].repeatedHeader != nil {
                    let header = tableLines[index].repeatedHeader!
                    tableLines[index].repeatedHeader = (start + header.lowerBound)..<(start + header.upperBound)
                }
                lines += tableLines
            case .heading, .paragraph:
                let level: Int? = if case .heading(let level) = block.kind { level } else { nil }
                var blockLines = try paragraphLines(block.text, style: block.style, origin: block.origin, flow: flow, content: content,
                                                    keepWithNext: level != nil, measurer: measurer)
                if let level, !blockLines.isEmpty { blockLines[0].bookmark = Bookmark(title: block.text, level: level) }
                lines += blockLines
            }
        }
        lines += try attachmentLines(report.attachments, flow: flow, content: content, measurer: measurer)
        let closing = try signatureLines(report, flow: flow, content: content, measurer: measurer)
        // The 署名 and date never start a page on their own: the last line
        // of text goes with them.
        if !closing.isEmpty, let last = lines.lastIndex(where: { !$0.runs.isEmpty }) { lines[last].keepWithNext = true }
        lines += closing
        return paginate(lines, flow: flow, spec: spec)
    }

    /// A paragraph broken at the full measure with a first-line indent of
    /// `firstLineIndent` characters, every line but the last justified.
    static func paragraphLines(_ text: String, style: TextStyle, origin: TextOrigin, flow: FlowSpec, content: Rect,
                               keepWithNext: Bool, measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        let indentText = String(repeating: "\u{3000}", count: Int(flow.firstLineIndent))
        let broken: [TextLine]
        do {
            broken = try TableMeasurer.breakLines(indentText + text, style: style, font: style.font, width: content.size.width, origin: origin, measurer)
        } catch {
            // Quote the paragraph as written, without the indent that was added to measure it.
            if case .missingGlyphs(let characters, let origin, _) = error { throw .missingGlyphs(characters, in: origin, text: text) }
            throw error
        }
        let indentWidth = try measuredWidth(indentText, style.font, origin, measurer)
        var result: [FlowLine] = []
        for (index, line) in broken.enumerated() {
            var text = line.text
            var x = content.minX
            if index == 0 && text.hasPrefix(indentText) && !indentText.isEmpty {
                text.removeFirst(indentText.count)
                x += indentWidth
            }
            let isLast = index == broken.count - 1
            let runs: [TextRun]
            do {
                runs = try LineSetter(measurer: measurer, font: style.font).runs(text, x: x, justifyTo: isLast ? nil : content.maxX - x)
            } catch {
                switch error {
                case .missingGlyphs(let characters): throw LayoutFailure.missingGlyphs(characters, in: origin, text: text)
                }
            }
            result.append(FlowLine(runs: runs, keepWithNext: keepWithNext))
        }
        return result
    }

    /// 附件说明 by GB/T 9704 §7.3.4: a blank line after the body, then
    /// "附件：" two characters in, the names numbered "1." "2." when there are
    /// several, each further name (and a wrapped name) aligned with the
    /// first name's first character.
    static func attachmentLines(_ names: [String], flow: FlowSpec, content: Rect,
                                measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        guard !names.isEmpty else { return [] }
        let font = flow.body.font
        let origin = TextOrigin.unit("report.attachments")
        let character = try measuredWidth("\u{3000}", font, origin, measurer)
        let label = "附件："
        let labelX = content.minX + character * flow.firstLineIndent
        let itemX = labelX + (try measuredWidth(label, font, origin, measurer))
        var lines = [FlowLine(runs: [], keepWithNext: true)]
        for (index, name) in names.enumerated() {
            let number = names.count > 1 ? "\(index + 1)." : ""
            let numberWidth = try measuredWidth(number, font, origin, measurer)
            let nameX = itemX + numberWidth
            let broken = try TableMeasurer.breakLines(name, style: flow.body, font: font, width: content.maxX - nameX, origin: origin, measurer)
            for (lineIndex, line) in broken.enumerated() {
                var runs: [TextRun] = []
                if index == 0 && lineIndex == 0 { runs.append(TextRun(text: label, font: font, origin: Point(x: labelX, y: .zero))) }
                if lineIndex == 0 && !number.isEmpty { runs.append(TextRun(text: number, font: font.font(for: "1"), origin: Point(x: itemX, y: .zero))) }
                do {
                    runs += try LineSetter(measurer: measurer, font: font).runs(line.text, x: nameX, justifyTo: nil)
                } catch {
                    switch error {
                    case .missingGlyphs(let characters): throw LayoutFailure.missingGlyphs(characters, in: origin, text: name)
                    }
                }
                lines.append(FlowLine(runs: runs, keepWithNext: true))
            }
        }
        lines[lines.count - 1].keepWithNext = false
        return lines
    }

    /// 署名 and 成文日期 by GB/T 9704 §7.3.5, one blank line below the body.
    /// Without a seal: the 署名 right-indented two characters, the date below
    /// it starting two characters further right (a longer date moves both
    /// left). With a seal: the date right-indented four characters and the
    /// 署名 centred on it; the seal is stamped over both.
    static func signatureLines(_ report: ResolvedReport, flow: FlowSpec, content: Rect,
                               measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        guard !report.signature.isEmpty || !report.date.isEmpty else { return [] }
        let font = flow.body.font
        let character = try measuredWidth("\u{3000}", font, .unit("report.signature"), measurer)
        let signatureWidth = try measuredWidth(report.signature, font, .unit("report.signature"), measurer)
        let dateWidth = try measuredWidth(report.date, font, .unit("report.date"), measurer)
        var signatureX: Length, dateX: Length
        if report.sealed {
            dateX = content.maxX - character * 4 - dateWidth
            signatureX = dateX + (dateWidth - signatureWidth) / 2
        } else {
            let right = content.maxX - character * flow.signatureRightIndent
            signatureX = right - signatureWidth
            dateX = signatureX + character * 2
            if !(dateX + dateWidth).fits(in: right) {
                dateX = right - dateWidth
                signatureX = dateX - character * 2
            }
        }
        var lines = [FlowLine(runs: [], keepWithNext: true)]
        if !report.signature.isEmpty {
            lines.append(FlowLine(runs: try runs(report.signature, font, x: signatureX, origin: .unit("report.signature"), measurer),
                                  keepWithNext: true))
        }
        if !report.date.isEmpty {
            lines.append(FlowLine(runs: try runs(report.date, font, x: dateX, origin: .unit("report.date"), measurer), keepWithNext: false))
        }
        return lines
    }

    static func runs(_ text: String, _ font: FontSpec, x: Length, origin: TextOrigin,
                     _ measurer: some TextMeasurer) throws(LayoutFailure) -> [TextRun] {
        do {
            return try LineSetter(measurer: measurer, font: font).runs(text, x: x, justifyTo: nil)
        } catch {
            switch error {
            case .missingGlyphs(let characters): throw LayoutFailure.missingGlyphs(characters, in: origin, text: text)
            }
        }
    }

    static func measuredWidth(_ text: String, _ font: FontSpec, _ origin: TextOrigin,
                              _ measurer: some TextMeasurer) throws(LayoutFailure) -> Length {
        do { return try measurer.width(of: text, font: font) } catch {
            switch error {
            case .missingGlyphs(let characters): throw LayoutFailure.missingGlyphs(characters, in: origin, text: text)
            }
        }
    }

    /// Puts lines on pages at the fixed pitch (`FlowPaginator` decides
    /// which line goes where) and draws each page's lines.
    static func paginate(_ lines: [FlowLine], flow: FlowSpec, spec: PageSpec) -> [Page] {
        let content = spec.contentRect
        let decided = FlowPaginator.paginate(lines.map(\.paginated), regions: .uniform(content.size.height), pitch: flow.lineHeight)
        let pages = decided.map { $0.map { lines[$0] } }
        var result: [Page] = []
        for pageLines in pages {
            var items: [DrawItem] = []
            let bookmarks = pageLines.compactMap(\.bookmark)
            for (row, line) in pageLines.enumerated() {
                let top = content.minY + flow.lineHeight * Double(row)
                for rule in line.rules {
                    items.append(.line(LineSegment(from: Point(x: rule.from.x, y: top + rule.from.y), to: Point(x: rule.to.x, y: top + rule.to.y),
                                                   width: rule.width)))
                }
                for run in line.runs {
                    var placed = run
                    placed.origin.y = baseline(lineTop: top, pitch: flow.lineHeight, size: run.font.size)
                    items.append(.text(placed))
                }
            }
            // Table rules drawn line by line join into whole rules.
            let rules = RuleMerger.merged(items.compactMap { if case .line(let line) = $0 { line } else { nil } })
            items = rules.map(DrawItem.line) + items.filter { if case .text = $0 { true } else { false } }
            result.append(Page(size: spec.size, items: items, bookmarks: bookmarks))
        }
        return result
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
