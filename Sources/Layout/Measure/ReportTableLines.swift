import Evaluation

/// A table inside the report, set on the report's line grid: its title
/// centred on a line of its own, then each row as whole lines of the fixed
/// pitch (one line per line of text of its tallest cell), ruled, so that
/// the text after the table stays on the 22-line grid. A row is never split
/// over pages, the header stays with the first row after it, and a table
/// that goes on over a page break repeats its header rows at the top of the
/// next page (each body line names them, `repeatedHeader`).
enum ReportTableLines {
    static func lines(_ table: ReportTable, origin: TextOrigin, flow: FlowSpec, content: Rect,
                      measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        let styles = flow.tables
        let count = table.columnCount
        var weights = table.columns.count == count ? table.columns : Array(repeating: 1, count: count)
        // The unit file reader bounds the widths; a caller of the library
        // may not have, and infinite or zero weights put every edge at x=0.
        if !weights.allSatisfy({ $0.isFinite && $0 > 0 }) || !weights.reduce(0, +).isFinite { weights = Array(repeating: 1, count: count) }
        let total = weights.reduce(0, +)
        var edges: [Length] = [content.minX]
        for weight in weights { edges.append(edges.last! + content.size.width * (weight / total)) }
        edges[edges.count - 1] = content.maxX

        var lines: [FlowLine] = []
        if !table.title.isEmpty {
            let broken = try TableMeasurer.breakLines(table.title, style: styles.title, font: styles.title.font, width: content.size.width,
                                                      origin: origin, measurer)
            for line in broken {
                let x = HorizontalAlignment.center.start(of: line.width, left: content.minX, width: content.size.width)
                lines.append(.init(runs: [TextRun(text: line.text, font: styles.title.font, origin: Point(x: x, y: .zero))], keepWithNext: true))
            }
        }
        let rows = table.header.map { ($0, true) } + table.rows.map { ($0, false) }
        let headerStart = lines.count
        var header: Range<Int>?
        for (number, (cells, isHeader)) in rows.enumerated() {
            if !isHeader && header == nil && !table.header.isEmpty { header = headerStart..<lines.count }
            let style = isHeader ? styles.header : styles.text
            var cellLines: [[TextLine]] = []
            for column in 0..<count {
                let text = column < cells.count ? cells[column] : ""
                let width = edges[column + 1] - edges[column] - styles.padding * 2
                let broken = try TableMeasurer.breakLines(text, style: style, font: style.font, width: width, origin: origin, measurer)
                // As in forms: a character wider than its column would run
                // across the rule into the next one.
                if let line = broken.first(where: { $0.text.count == 1 && !$0.width.fits(in: width) }) {
                    throw LayoutFailure.columnTooNarrow(row: number, column: column, character: line.text.first!, origin: origin,
                                                        needed: line.width, available: max(width, .zero))
                }
                cellLines.append(broken)
            }
            let height = max(1, cellLines.map(\.count).max() ?? 1)
            let pitch = flow.lineHeight
            for lineIndex in 0..<height {
                var runs: [TextRun] = []
                for column in 0..<count where lineIndex < cellLines[column].count {
                    let line = cellLines[column][lineIndex]
                    let left = edges[column] + styles.padding
                    // Headers centred; amounts and rates right-aligned so their digits line up.
                    let text = column < cells.count ? cells[column] : ""
                    let align: HorizontalAlignment = isHeader ? .center : Self.isNumber(text) ? .right : style.align
                    let x = align.start(of: line.width, left: left, width: edges[column + 1] - edges[column] - styles.padding * 2)
                    runs.append(TextRun(text: line.text, font: style.font, origin: Point(x: x, y: .zero)))
                }
                var rules = edges.map { LineSegment(from: Point(x: $0, y: .zero), to: Point(x: $0, y: pitch), width: styles.rule) }
                if lineIndex == 0 {
                    rules.append(LineSegment(from: Point(x: content.minX, y: .zero), to: Point(x: content.maxX, y: .zero), width: styles.rule))
                }
                if lineIndex == height - 1 {
                    rules.append(LineSegment(from: Point(x: content.minX, y: pitch), to: Point(x: content.maxX, y: pitch), width: styles.rule))
                }
                // A row holds together; the header holds to the row after it.
                let isLastHeader = isHeader && number == table.header.count - 1
                lines.append(.init(runs: runs, keepWithNext: lineIndex < height - 1 || isHeader && !isLastHeader || isLastHeader,
                                   rules: rules, repeatedHeader: isHeader ? nil : header))
            }
        }
        return lines
    }

    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.contains(where: \.isNumber) && text.allSatisfy { $0.isNumber || ".,%-+ ".contains($0) }
    }
}
