import Evaluation

/// Sets a resolved report on pages: lines on a fixed pitch (GB/T 9704's
/// 22 lines in the 225 mm text block), paragraphs indented two characters
/// and justified to the full measure, headings kept with the text that
/// follows them, page numbers alternating sides.
public enum ReportComposer {
    /// One line of the report before it is put on a page.
    struct FlowLine {
        var runs: [TextRun]
        /// A heading line must not end a page (it stays with its text).
        var keepWithNext: Bool
    }

    public static func compose(_ report: ResolvedReport, flow: FlowSpec, page spec: PageSpec,
                               measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        let content = spec.contentRect
        var lines: [FlowLine] = []
        // Title: centred lines, then blank lines.
        for line in try TableMeasurer.breakLines(report.title, style: flow.title, font: flow.title.font, width: content.size.width,
                                                 origin: .unit("report.title"), measurer) {
            let x = content.minX + (content.size.width - line.width) / 2
            lines.append(FlowLine(runs: [TextRun(text: line.text, font: flow.title.font, origin: Point(x: x, y: .zero))], keepWithNext: true))
        }
        lines += Array(repeating: FlowLine(runs: [], keepWithNext: true), count: flow.linesAfterTitle)
        for block in report.blocks {
            let isHeading = if case .heading = block.kind { true } else { false }
            lines += try paragraphLines(block.text, style: block.style, origin: block.origin, flow: flow, content: content,
                                        keepWithNext: isHeading, measurer: measurer)
        }
        lines += try signatureLines(report, flow: flow, content: content, measurer: measurer)
        return try paginate(lines, flow: flow, spec: spec, measurer: measurer)
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
            var width = line.width
            if index == 0 && text.hasPrefix(indentText) && !indentText.isEmpty {
                text.removeFirst(indentText.count)
                x += indentWidth
                width -= indentWidth
            }
            var extra = Length.zero
            let available = content.maxX - x
            let isLast = index == broken.count - 1
            if !isLast && text.count > 1 && width < available {
                let gap = (available - width) / Double(text.count - 1)
                if gap.points > 0 && gap < style.size * 0.5 { extra = gap }
            }
            result.append(FlowLine(runs: [TextRun(text: text, font: style.font, origin: Point(x: x, y: .zero), extraSpacing: extra)],
                                   keepWithNext: keepWithNext))
        }
        return result
    }

    /// 署名 and 成文日期 by GB/T 9704 §7.3.5 (no seal): one blank line, the
    /// signature right-indented two characters, the date below it starting
    /// two characters further right; a longer date moves both left.
    static func signatureLines(_ report: ResolvedReport, flow: FlowSpec, content: Rect,
                               measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        guard !report.signature.isEmpty || !report.date.isEmpty else { return [] }
        let font = flow.body.font
        let character = try measuredWidth("\u{3000}", font, .unit("report.signature"), measurer)
        let signatureWidth = try measuredWidth(report.signature, font, .unit("report.signature"), measurer)
        let dateWidth = try measuredWidth(report.date, font, .unit("report.date"), measurer)
        let right = content.maxX - character * flow.signatureRightIndent
        var signatureX = right - signatureWidth
        var dateX = signatureX + character * 2
        if !(dateX + dateWidth).fits(in: right) {
            dateX = right - dateWidth
            signatureX = dateX - character * 2
        }
        var lines = [FlowLine(runs: [], keepWithNext: true)]
        if !report.signature.isEmpty {
            lines.append(FlowLine(runs: [TextRun(text: report.signature, font: font, origin: Point(x: signatureX, y: .zero))], keepWithNext: true))
        }
        if !report.date.isEmpty {
            lines.append(FlowLine(runs: [TextRun(text: report.date, font: font, origin: Point(x: dateX, y: .zero))], keepWithNext: false))
        }
        return lines
    }

    static func measuredWidth(_ text: String, _ font: FontSpec, _ origin: TextOrigin,
                              _ measurer: some TextMeasurer) throws(LayoutFailure) -> Length {
        do { return try measurer.width(of: text, font: font) } catch {
            switch error {
            case .missingGlyphs(let characters): throw LayoutFailure.missingGlyphs(characters, in: origin, text: text)
            }
        }
    }

    /// Puts lines on pages at the fixed pitch; a heading that would end a
    /// page moves to the next one with its text; blank lines never start a page.
    static func paginate(_ lines: [FlowLine], flow: FlowSpec, spec: PageSpec,
                         measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        let content = spec.contentRect
        let perPage = max(1, Int((content.size.height.points + Length.tolerance) / flow.lineHeight.points))
        var pages: [[FlowLine]] = [[]]
        var index = 0
        while index < lines.count {
            if pages[pages.count - 1].count == perPage { pages.append([]) }
            let line = lines[index]
            if pages[pages.count - 1].isEmpty && line.runs.isEmpty && pages.count > 1 { index += 1; continue }
            // Keep a run of keep-with-next lines together with the line after it.
            var run = index
            while run < lines.count - 1 && lines[run].keepWithNext && !lines[run].runs.isEmpty { run += 1 }
            let needed = run - index + 1
            let free = perPage - pages[pages.count - 1].count
            if line.keepWithNext && !line.runs.isEmpty && needed > free && needed <= perPage && !pages[pages.count - 1].isEmpty {
                pages.append([])
            }
            pages[pages.count - 1].append(line)
            index += 1
        }
        var result: [Page] = []
        for (number, pageLines) in pages.enumerated() {
            var items: [DrawItem] = []
            for (row, line) in pageLines.enumerated() {
                let top = content.minY + flow.lineHeight * Double(row)
                for run in line.runs {
                    var placed = run
                    placed.origin.y = baseline(lineTop: top, pitch: flow.lineHeight, size: run.font.size)
                    items.append(.text(placed))
                }
            }
            if let numbering = flow.pageNumber {
                items.append(try PageNumbering.item(page: number + 1, of: pages.count, numbering, content: content, measurer: measurer))
            }
            result.append(Page(size: spec.size, items: items))
        }
        return result
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
