import Evaluation
import Layout
import Testing

/// A project form taken through bind → measure → paginate → compose with
/// the fixed-advance measurer, as `UnitRenderer` does with Pango.
struct LaidOutForm {
    var measured: MeasuredTable
    var regions: TableRegions
    var tablePages: [TablePage]
    var pages: [Page]
    var spec: PageSpec

    init(_ unit: UnitEvaluation, layout file: String = "project-jilin.yaml", size: Size? = nil,
         measurer: FixedAdvanceMeasurer = FixedAdvanceMeasurer()) throws {
        let layout = try loadLayout(file)
        spec = layout.page
        if let size { spec.size = size }
        let resolved = TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
        measured = try TableMeasurer.measure(resolved, with: measurer)
        regions = TableRegions(for: measured, page: spec)
        tablePages = try TablePaginator.paginate(measured, regions: regions)
        pages = try TableComposer.compose(measured, pages: tablePages, page: spec, measurer: measurer)
    }

    func texts(onPage number: Int) -> [String] { pages[number].items.compactMap(\.textRun).map(\.text) }

    /// The 绩效指标 block (its header row holds 一级指标).
    var indicatorBlock: ResolvedBlock? {
        measured.table.blocks.first { block in
            measured.table.cells.contains { $0.row == block.header.lowerBound && $0.text == "一级指标" }
        }
    }

    /// The spanning labels (side labels, merged 一级/二级 groups) that
    /// repeat on continuation pages.
    var repeatedLabels: [ResolvedCell] { measured.table.cells.filter { $0.repeatsOnContinuation && !$0.text.isEmpty } }

    /// Checks the invariants every paginated form must satisfy.
    func checkInvariants(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let table = measured.table
        // Terminates with a sensible number of pages.
        #expect(!tablePages.isEmpty, sourceLocation: sourceLocation)
        #expect(pages.count == tablePages.count, sourceLocation: sourceLocation)
        #expect(tablePages.first?.isFirst == true && tablePages.last?.isLast == true, sourceLocation: sourceLocation)
        #expect(tablePages.dropFirst().allSatisfy { !$0.isFirst } && tablePages.dropLast().allSatisfy { !$0.isLast },
                sourceLocation: sourceLocation)

        // Every body row exactly once, in order (a row split over pages counts where it starts).
        let body = tablePages.flatMap { $0.rows.filter { !$0.isRepeatedHeader && $0.startsRow }.map(\.row) }
        #expect(body == Array(0..<table.rowCount), "rows placed: \(body)", sourceLocation: sourceLocation)
        // A title is never separated from its table.
        #expect(tablePages.first?.rows.isEmpty == false, sourceLocation: sourceLocation)

        for (number, page) in tablePages.enumerated() {
            // Rows stack without gaps and stay within the space of the page.
            var y = Length.zero
            for row in page.rows {
                #expect(abs(row.y.points - y.points) < 0.001, "page \(number + 1) row \(row.row)", sourceLocation: sourceLocation)
                if row.slice == nil { #expect(row.height == measured.rowHeights[row.row], sourceLocation: sourceLocation) }
                y += row.height
            }
            let available = page.isFirst ? regions.firstPage : regions.otherPages
            #expect(y.fits(in: available), "page \(number + 1) holds \(y) of \(available)", sourceLocation: sourceLocation)

            // A continuation page inside a block with a header starts with it.
            for block in table.blocks where !block.header.isEmpty && number > 0 {
                if let first = page.rows.first(where: { !$0.isRepeatedHeader }), block.rows.contains(first.row),
                   first.row >= block.header.upperBound || !first.startsRow {
                    #expect(page.rows.first?.row == block.header.lowerBound && page.rows.first?.isRepeatedHeader == true,
                            "page \(number + 1) lacks the header", sourceLocation: sourceLocation)
                }
            }
            // A header is never left alone at the foot of a page.
            if let last = page.rows.last, !page.isLast,
               table.blocks.contains(where: { $0.header.contains(last.row) && $0.rows.upperBound > $0.header.upperBound }) {
                Issue.record("page \(number + 1) ends with header row \(last.row)", sourceLocation: sourceLocation)
            }
            // Repeated headers only at the top of a page, never on the first.
            let repeated = page.rows.prefix { $0.isRepeatedHeader }.count
            #expect(page.rows.dropFirst(repeated).allSatisfy { !$0.isRepeatedHeader }, sourceLocation: sourceLocation)
            if page.isFirst { #expect(repeated == 0, sourceLocation: sourceLocation) }
            // Continuation pages carry the continued title.
            if number > 0, let title = measured.continuedTitle.first?.lines.first?.text {
                #expect(texts(onPage: number).first == title, "page \(number + 1)", sourceLocation: sourceLocation)
            }
        }

        // Every spanning label on every page it touches: as written where it
        // starts, "…（续）" where it continues.
        for (number, page) in tablePages.enumerated() {
            let texts = Set(texts(onPage: number))
            let rowsHere = Set(page.rows.filter { !$0.isRepeatedHeader }.map(\.row))
            for label in repeatedLabels where !rowsHere.isDisjoint(with: label.rows) {
                let startsHere = page.rows.contains { $0.row == label.row && !$0.isRepeatedHeader && $0.startsRow }
                let expected = startsHere ? label.text : label.continuedText
                let lines = measured.cells.first { $0.cell == label }.map { startsHere ? $0.lines : $0.continuedLines } ?? []
                #expect(lines.allSatisfy { texts.contains($0.text) },
                        "page \(number + 1) lacks the label \(expected) (row \(label.row))", sourceLocation: sourceLocation)
            }
        }

        // Each page's grid is closed: a rule along the whole width at its foot.
        let content = spec.contentRect
        let left = content.minX + (content.size.width - measured.width) / 2
        for (number, page) in pages.enumerated() {
            guard let last = tablePages[number].rows.last else { continue }
            let top = content.minY + (number == 0 ? measured.titleHeight : measured.continuedTitleHeight)
            let foot = (top + last.y + last.height).points
            let rules = page.items.compactMap(\.lineSegment).filter { $0.from.y == $0.to.y }
            let covered = rules.filter { abs($0.from.y.points - foot) < 0.001 }.map { ($0.from.x.points, $0.to.x.points) }.sorted { $0.0 < $1.0 }
            var reach = left.points
            for (from, to) in covered where from <= reach + 0.001 { reach = max(reach, to) }
            #expect(abs(reach - (left + measured.width).points) < 0.01, "page \(number + 1): the foot rule stops at \(reach)",
                    sourceLocation: sourceLocation)
        }

        // Nothing drawn outside the page's content area but the page number.
        let slack = 0.5
        for (number, page) in pages.enumerated() {
            #expect(page.size == spec.size, sourceLocation: sourceLocation)
            let pageNumber = table.pageNumber?.text(page: number + 1, of: pages.count)
            for item in page.items {
                switch item {
                case .line(let line):
                    for point in [line.from, line.to] {
                        #expect(point.x.points >= content.minX.points - slack && point.x.points <= content.maxX.points + slack
                                && point.y.points >= content.minY.points - slack && point.y.points <= content.maxY.points + slack,
                                "page \(number + 1): rule at \(point)", sourceLocation: sourceLocation)
                    }
                case .text(let run) where run.text == pageNumber:
                    #expect(run.origin.y > content.maxY && run.origin.y < spec.size.height, sourceLocation: sourceLocation)
                case .text(let run):
                    let width = (try? FixedAdvanceMeasurer().width(of: run.text, font: run.font)) ?? .zero
                    #expect(run.origin.x.points >= content.minX.points - slack
                            && (run.origin.x + width).points <= content.maxX.points + slack
                            && run.origin.y.points > content.minY.points && run.origin.y.points <= content.maxY.points + slack,
                            "page \(number + 1): \(run.text) at \(run.origin)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Row → the 一级 category label that covers it.
    func indicatorLabels() -> [Int: ResolvedCell] {
        guard let block = indicatorBlock else { return [:] }
        var labels: [Int: ResolvedCell] = [:]
        for cell in measured.table.cells where cell.column == 1 && block.rows.contains(cell.row) && cell.row >= block.header.upperBound {
            for row in cell.rows { labels[row] = cell }
        }
        return labels
    }
}
