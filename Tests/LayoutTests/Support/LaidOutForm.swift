import Evaluation
import Layout
import Testing

/// A project form taken through bind → measure → paginate → compose with
/// the fixed-advance measurer, as `UnitRenderer` does with Pango.
struct LaidOutForm {
    var measured: MeasuredTable
    var regions: Regions
    var tablePages: [TablePage]
    var pages: [Page]
    var spec: PageSpec

    init(_ unit: UnitEvaluation, layout file: String = "project-jilin.yaml", size: Size? = nil,
         measurer: FixedAdvanceMeasurer = FixedAdvanceMeasurer()) throws {
        try self.init(unit, spec: try loadLayout(file), size: size, measurer: measurer)
    }

    /// A form of any layout, e.g. one made up by a property test.
    init(_ unit: UnitEvaluation, spec layout: LayoutSpec, instance: DocumentInstance = .project(index: 0), size: Size? = nil,
         measurer: FixedAdvanceMeasurer = FixedAdvanceMeasurer()) throws {
        spec = layout.page
        if let size { spec.size = size }
        let resolved = TableBinder.bind(unit, instance, onto: layout, table: try tableSpec(layout))
        measured = try TableMeasurer.measure(resolved, with: measurer)
        regions = Regions(for: measured, page: spec)
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
        // A title is never separated from its table (a table without rows
        // is one page: title and footer).
        #expect(tablePages.first?.rows.isEmpty == (table.rowCount == 0), sourceLocation: sourceLocation)

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

            // A continuation page inside a block with a header starts with it
            // (unless the header is too tall to repeat: over half the page).
            for block in table.blocks where !block.header.isEmpty && number > 0
                && block.header.reduce(Length.zero, { $0 + measured.rowHeights[$1] }).fits(in: available / 2) {
                if let first = page.rows.first(where: { !$0.isRepeatedHeader }), block.rows.contains(first.row),
                   first.row >= block.header.upperBound || !first.startsRow {
                    #expect(page.rows.first?.row == block.header.lowerBound && page.rows.first?.isRepeatedHeader == true,
                            "page \(number + 1) lacks the header", sourceLocation: sourceLocation)
                }
            }
            // A header is never left alone at the foot of a page (but one
            // taller than a page continues on the next like any row, and one
            // too tall to repeat may stand alone).
            if let last = page.rows.last, !page.isLast, last.slice == nil,
               table.blocks.contains(where: { $0.header.contains(last.row) && $0.rows.upperBound > $0.header.upperBound
                   && $0.header.reduce(Length.zero, { $0 + measured.rowHeights[$1] }).fits(in: regions.otherPages / 2) }) {
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

        // Every spanning label on every page it touches, whenever its rows
        // there are tall enough for it: as written where it starts,
        // "…（续）" where it continues. A label taller than its rows on a
        // page goes on with its next lines on the following page: every
        // line of every label is printed somewhere.
        let repeatedLabels = self.repeatedLabels
        var printed = Set<String>()
        var measuredLabels: [Int: MeasuredCell] = [:]
        for cell in measured.cells where cell.cell.repeatsOnContinuation && !cell.cell.text.isEmpty {
            measuredLabels[cell.cell.row * 1_000 + cell.cell.column] = cell
        }
        // The labels by the rows they span, so that each page looks only at
        // its own (a form of hundreds of pages stays linear in its rows).
        var labelsByRow: [Int: [Int]] = [:]
        for (index, label) in repeatedLabels.enumerated() {
            for row in label.rows { labelsByRow[row, default: []].append(index) }
        }
        let labelHeights = repeatedLabels.map { $0.rows.reduce(Length.zero) { $0 + measured.rowHeights[$1] } }
        for (number, page) in tablePages.enumerated() {
            let texts = Set(texts(onPage: number))
            printed.formUnion(texts)
            let rowsHere = Set(page.rows.filter { !$0.isRepeatedHeader }.map(\.row))
            for index in Set(rowsHere.flatMap { labelsByRow[$0] ?? [] }).sorted() {
                let label = repeatedLabels[index]
                guard let cell = measuredLabels[label.row * 1_000 + label.column] else { continue }
                let startsHere = page.rows.contains { $0.row == label.row && !$0.isRepeatedHeader && $0.startsRow }
                let expected = startsHere ? label.text : label.continuedText
                let lines = startsHere ? cell.lines : cell.continuedLines
                let frame = page.rows.filter { label.rows.contains($0.row) }.reduce(Length.zero) { $0 + $1.height }
                let needed = startsHere ? cell.requiredHeight : cell.continuedRequiredHeight
                if needed.fits(in: frame) && (startsHere || cell.requiredHeight.fits(in: labelHeights[index])) {
                    // (A label taller than its rows on the page before goes on
                    // with its own next lines first.)
                    let ownLinesHere = !startsHere && cell.lines.contains { texts.contains($0.text) }
                    #expect(ownLinesHere || lines.allSatisfy { texts.contains($0.text) },
                            "page \(number + 1) lacks the label \(expected) (row \(label.row))", sourceLocation: sourceLocation)
                }
            }
        }
        for label in repeatedLabels {
            let lines = measuredLabels[label.row * 1_000 + label.column]?.lines ?? []
            #expect(lines.allSatisfy { printed.contains($0.text) }, "a line of the label \(label.text) is printed nowhere",
                    sourceLocation: sourceLocation)
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

        // No two text runs overlap (each run's box: its advance × the font
        // size above the baseline).
        for (number, page) in pages.enumerated() {
            let boxes = page.items.compactMap(\.textRun).map { run -> (run: TextRun, x: ClosedRange<Double>, y: ClosedRange<Double>) in
                let width = ((try? FixedAdvanceMeasurer().width(of: run.text, font: run.font)) ?? .zero) + run.extraSpacing * Double(run.text.count)
                return (run, run.origin.x.points...(run.origin.x + width).points,
                        (run.origin.y - run.font.size).points...run.origin.y.points)
            }.sorted { $0.y.lowerBound < $1.y.lowerBound }
            for (index, box) in boxes.enumerated() {
                for other in boxes[(index + 1)...] {
                    if other.y.lowerBound >= box.y.upperBound - 0.01 { break }
                    let xOverlap = min(box.x.upperBound, other.x.upperBound) - max(box.x.lowerBound, other.x.lowerBound)
                    let yOverlap = min(box.y.upperBound, other.y.upperBound) - max(box.y.lowerBound, other.y.lowerBound)
                    if xOverlap > 0.01 && yOverlap > 0.01 {
                        Issue.record("page \(number + 1): \"\(box.run.text)\" at \(box.run.origin) overlaps \"\(other.run.text)\" at \(other.run.origin)",
                                     sourceLocation: sourceLocation)
                    }
                }
            }
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
