import Evaluation

/// Measures a resolved report into the lines it prints, in reading order:
/// the title broken as a trapezoid or diamond and centred, each heading and
/// paragraph broken at the full measure (GB/T 9704's 28 characters, two
/// characters of indent, every line but the last justified), each table
/// row as whole lines of the pitch, the 附件说明, the 署名 and date. Every
/// call to the measurer is here; which line goes on which page is
/// `FlowPaginator`'s, where a line lands is `ReportComposer`'s.
package enum ReportMeasurer {
    /// The report's lines, each with what the paginator needs: whether it
    /// must stay with the next and which header rows it repeats.
    package static func lines(_ report: ResolvedReport, flow: FlowSpec, content: Rect,
                              measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        var lines = try titleLines(report.title, flow: flow, content: content, measurer: measurer)
        lines += Array(repeating: FlowLine(runs: [], keepWithNext: true), count: flow.linesAfterTitle)
        for block in report.blocks {
            switch block.kind {
            case .table(let table):
                let start = lines.count
                var tableLines = try ReportTableLines.lines(table, origin: block.origin, flow: flow, content: content, measurer: measurer)
                // The table's lines name their header by index into the
                // table; the paginator counts in the whole report.
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
        return lines + closing
    }

    /// The title: centred lines shaped by `TitleBreaker`, kept with the
    /// text below.
    static func titleLines(_ title: String, flow: FlowSpec, content: Rect,
                           measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        var advances: [Length] = []
        for character in title {
            advances.append(try measurer.width(of: String(character), font: flow.title.font, at: .unit("report.title")))
        }
        var lines: [FlowLine] = []
        for line in TitleBreaker.lines(title, advances: advances, width: content.size.width) {
            let width = try measurer.width(of: line, font: flow.title.font, at: .unit("report.title"))
            let x = content.minX + (content.size.width - width) / 2
            lines.append(FlowLine(runs: [TextRun(text: line, font: flow.title.font, origin: Point(x: x, y: .zero))], keepWithNext: true))
        }
        return lines
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
        let indentWidth = try measurer.width(of: indentText, font: style.font, at: origin)
        var result: [FlowLine] = []
        for (index, line) in broken.enumerated() {
            var text = line.text
            var x = content.minX
            if index == 0 && text.hasPrefix(indentText) && !indentText.isEmpty {
                text.removeFirst(indentText.count)
                x += indentWidth
            }
            let isLast = index == broken.count - 1
            let runs = try measurer.runs(of: text, font: style.font, x: x, justifyTo: isLast ? nil : content.maxX - x, at: origin)
            result.append(FlowLine(runs: runs, keepWithNext: keepWithNext))
        }
        return result
    }
}
