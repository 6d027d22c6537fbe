/// Places the report's measured lines on its pages: each line on the fixed
/// pitch (GB/T 9704's 22 lines in the 225 mm text block), its runs on the
/// line's baseline, its rules at the line's top, the headings' outline
/// entries on the page they open. Measures nothing and decides no page
/// break: the lines come from `ReportMeasurer`, their pages from
/// `FlowPaginator`.
package enum ReportComposer {
    /// The report's body pages, unnumbered: `pages` holds each page's lines
    /// by index into `lines` (a repeated table header appears again).
    package static func compose(_ lines: [FlowLine], pages: [[Int]], flow: FlowSpec, page spec: PageSpec) -> [Page] {
        let content = spec.contentRect
        var result: [Page] = []
        for pageLines in pages.map({ $0.map { lines[$0] } }) {
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
