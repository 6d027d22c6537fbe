import Evaluation
import Layout
import Testing

/// A project form taken through measure → paginate → compose with the
/// fixed-advance measurer.
struct LaidOutForm {
    var measured: MeasuredTable
    var regions: TableRegions
    var tablePages: [TablePage]
    var pages: [Page]
    var spec: PageSpec

    init(_ unit: UnitEvaluation, size: Size = .a4Portrait, measurer: FixedAdvanceMeasurer = FixedAdvanceMeasurer()) throws {
        let layout = try loadLayout("project-jilin.yaml")
        spec = layout.page
        spec.size = size
        let resolved = TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
        measured = try TableMeasurer.measure(resolved, with: measurer)
        regions = LayoutTests.regions(for: measured, page: spec)
        tablePages = try TablePaginator.paginate(measured, regions: regions)
        pages = TableComposer.compose(measured, pages: tablePages, page: spec)
    }

    /// The 绩效指标 block (its header row holds 一级指标).
    var indicatorBlock: ResolvedBlock? {
        measured.table.blocks.first { block in
            measured.table.cells.contains { $0.row == block.header.lowerBound && $0.text == "一级指标" }
        }
    }

    /// Checks the invariants every paginated form must satisfy.
    func checkInvariants(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let table = measured.table
        // Terminates with a sensible number of pages.
        #expect(!tablePages.isEmpty && tablePages.count <= table.rowCount + 1, sourceLocation: sourceLocation)
        #expect(pages.count == tablePages.count, sourceLocation: sourceLocation)
        #expect(tablePages.first?.isFirst == true && tablePages.last?.isLast == true, sourceLocation: sourceLocation)
        #expect(tablePages.dropFirst().allSatisfy { !$0.isFirst } && tablePages.dropLast().allSatisfy { !$0.isLast },
                sourceLocation: sourceLocation)

        // Every body row exactly once, in order.
        let body = tablePages.flatMap { $0.rows.filter { !$0.isRepeatedHeader }.map(\.row) }
        #expect(body == Array(0..<table.rowCount), "rows placed: \(body)", sourceLocation: sourceLocation)

        for (number, page) in tablePages.enumerated() {
            // Rows stack without gaps and stay within the space of the page.
            var y = Length.zero
            for row in page.rows {
                #expect(abs(row.y.points - y.points) < 0.001, "page \(number + 1) row \(row.row)", sourceLocation: sourceLocation)
                #expect(row.height == measured.rowHeights[row.row], sourceLocation: sourceLocation)
                y += row.height
            }
            let available = page.isFirst ? regions.firstPage : regions.otherPages
            #expect(y.fits(in: available), "page \(number + 1) holds \(y) of \(available)", sourceLocation: sourceLocation)

            // A continuation page inside the indicator block starts with its header.
            if let block = indicatorBlock, number > 0, let first = page.rows.first(where: { !$0.isRepeatedHeader })?.row,
               block.rows.contains(first), first >= block.header.upperBound {
                #expect(page.rows.first?.row == block.header.lowerBound, "page \(number + 1)", sourceLocation: sourceLocation)
                #expect(page.rows.first?.isRepeatedHeader == true, "page \(number + 1)", sourceLocation: sourceLocation)
            }
            // Repeated headers only at the top of a page, never on the first.
            let repeated = page.rows.prefix { $0.isRepeatedHeader }.count
            #expect(page.rows.dropFirst(repeated).allSatisfy { !$0.isRepeatedHeader }, sourceLocation: sourceLocation)
            if page.isFirst { #expect(repeated == 0, sourceLocation: sourceLocation) }
        }

        // Labels of the indicator block on every page it touches.
        let labels = indicatorLabels()
        for (number, page) in tablePages.enumerated() {
            let texts = Set(pages[number].items.compactMap(\.textRun).map(\.text))
            guard let block = indicatorBlock else { continue }
            if page.rows.contains(where: { block.rows.contains($0.row) }) {
                #expect(texts.contains("绩效指标"), "page \(number + 1) lacks the side label", sourceLocation: sourceLocation)
            }
            for row in page.rows where !row.isRepeatedHeader {
                if let label = labels[row.row] {
                    #expect(texts.contains(label), "page \(number + 1) lacks the 一级 label \(label) of row \(row.row)",
                            sourceLocation: sourceLocation)
                }
            }
        }

        // Nothing drawn outside the page's content area.
        let content = spec.contentRect
        let slack = 0.5
        for (number, page) in pages.enumerated() {
            #expect(page.size == spec.size, sourceLocation: sourceLocation)
            for item in page.items {
                switch item {
                case .line(let line):
                    for point in [line.from, line.to] {
                        #expect(point.x.points >= content.minX.points - slack && point.x.points <= content.maxX.points + slack
                                && point.y.points >= content.minY.points - slack && point.y.points <= content.maxY.points + slack,
                                "page \(number + 1): rule at \(point)", sourceLocation: sourceLocation)
                    }
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
    func indicatorLabels() -> [Int: String] {
        guard let block = indicatorBlock else { return [:] }
        var labels: [Int: String] = [:]
        for cell in measured.table.cells where cell.column == 1 && block.rows.contains(cell.row) && cell.row >= block.header.upperBound {
            for row in cell.rows { labels[row] = cell.text }
        }
        return labels
    }
}

@Suite("Paginating forms")
struct PaginationTests {
    @Test("the seed form fits on one page")
    func seedOnePage() throws {
        let form = try LaidOutForm(seedUnit())
        #expect(form.tablePages.count == 1)
        form.checkInvariants()
        let texts = form.pages[0].items.compactMap(\.textRun).map(\.text)
        #expect(texts.first == "项目支出绩效自评表")
        #expect(texts.contains("212.40") && texts.contains(">=148.万元") && texts.contains("81.06%"))
    }

    @Test("120 indicators in 3 categories: several pages, header repeated, labels continued")
    func manyIndicators() throws {
        let unit = unitWithIndicators(120)
        #expect(unit.projects[0].indicators.map(\.name) == manyCategories)
        #expect(unit.projects[0].indicators.flatMap(\.subcategories).flatMap(\.indicators).count == 120)
        let form = try LaidOutForm(unit)
        #expect(form.tablePages.count > 1)
        form.checkInvariants()
        let block = try #require(form.indicatorBlock)
        // Every continuation page starts with the repeated 一级指标… header.
        for (number, page) in form.tablePages.enumerated().dropFirst() {
            let first = try #require(page.rows.first)
            #expect(first.row == block.header.lowerBound && first.isRepeatedHeader, "page \(number + 1)")
            let texts = form.pages[number].items.compactMap(\.textRun).map(\.text)
            #expect(texts.contains("一级指标") && texts.contains("实际完成值"), "page \(number + 1)")
            #expect(texts.filter { $0 == "绩效指标" }.count == 1, "page \(number + 1)")
        }
        // The category that continues across a break is labelled on both pages.
        let labels = form.indicatorLabels()
        for (number, page) in form.tablePages.enumerated().dropFirst() {
            let first = try #require(page.rows.first { !$0.isRepeatedHeader })
            let previous = try #require(form.tablePages[number - 1].rows.last)
            if let label = labels[first.row], labels[previous.row] == label {
                #expect(form.pages[number - 1].items.compactMap(\.textRun).contains { $0.text == label })
                #expect(form.pages[number].items.compactMap(\.textRun).contains { $0.text == label })
            }
        }
        // Only the first page has the title.
        #expect(form.pages[0].items.compactMap(\.textRun).first?.text == "项目支出绩效自评表")
        for page in form.pages.dropFirst() {
            #expect(!page.items.compactMap(\.textRun).contains { $0.text == "项目支出绩效自评表" })
        }
    }

    struct SweepCase: Sendable, CustomTestStringConvertible {
        var indicators: Int
        var landscape: Bool
        var size: Size { landscape ? .a4Landscape : .a4Portrait }
        var testDescription: String { "\(indicators) indicators, A4 \(landscape ? "landscape" : "portrait")" }
    }

    static let sweep = [1, 6, 40, 150, 400].flatMap { count in
        [false, true].map { SweepCase(indicators: count, landscape: $0) }
    }

    @Test("invariants hold across indicator counts and page sizes", .timeLimit(.minutes(1)), arguments: sweep)
    func invariantSweep(_ sweepCase: SweepCase) throws {
        let form = try LaidOutForm(unitWithIndicators(sweepCase.indicators), size: sweepCase.size)
        form.checkInvariants()
        #expect(form.measured.table.rowCount == 9 + 1 + sweepCase.indicators)
        if sweepCase.indicators >= 150 { #expect(form.tablePages.count > 1) }
    }

    @Test("a row taller than a page is rowTooTall, not a hang or a crash", .timeLimit(.minutes(1)))
    func rowTooTall() throws {
        var unit = seedUnit()
        unit.projects[0].goal.actual = String(repeating: "由于我县财政资金紧张，年末收回预算指标。", count: 300)
        let layout = try loadLayout("project-jilin.yaml")
        let resolved = TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
        let measured = try TableMeasurer.measure(resolved, with: FixedAdvanceMeasurer())
        let regions = LayoutTests.regions(for: measured, page: layout.page)
        #expect(!measured.rowHeights[8].fits(in: regions.otherPages))
        do {
            let pages = try TablePaginator.paginate(measured, regions: regions)
            Issue.record("expected rowTooTall, got \(pages.count) pages")
        } catch {
            guard case .rowTooTall(let row, let height, let available, let firstText) = error else {
                Issue.record("expected rowTooTall, got \(error)")
                return
            }
            #expect(row == 8)
            #expect(height == measured.rowHeights[8])
            #expect(!height.fits(in: available))
            #expect(firstText == "为保证政务大厅正常运行，申请此项目。")
            #expect(error.description.hasPrefix("row 9 "))
            #expect(error.description.contains("shorten its text"))
        }
    }

    @Test("a missing glyph names the character and the unit field it is in")
    func missingGlyph() throws {
        var unit = seedUnit()
        unit.projects[0].name = "2024年𠀀综合类项目"
        let layout = try loadLayout("project-jilin.yaml")
        let resolved = TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
        let path = FieldPath("projects").appending(0).appending("name")
        #expect(throws: LayoutFailure.missingGlyphs(["𠀀"], in: .unit(path), text: "2024年𠀀综合类项目")) {
            try TableMeasurer.measure(resolved, with: FixedAdvanceMeasurer(missing: ["𠀀"]))
        }
        do {
            _ = try TableMeasurer.measure(resolved, with: FixedAdvanceMeasurer(missing: ["𠀀"]))
        } catch {
            #expect(error.description.hasPrefix("projects[0].name: "))
            #expect(error.description.contains("'𠀀' (U+20000)"))
        }
    }

    @Test("a missing glyph in an indicator target names that indicator's path")
    func missingGlyphInIndicator() throws {
        let layout = try loadLayout("project-jilin.yaml")
        let resolved = TableBinder.bind(seedUnit(), .project(index: 0), onto: layout, table: try tableSpec(layout))
        do {
            _ = try TableMeasurer.measure(resolved, with: FixedAdvanceMeasurer(missing: ["≥", ">"]))
            Issue.record("expected missingGlyphs")
        } catch {
            guard case .missingGlyphs(let characters, let origin, let text) = error else {
                Issue.record("expected missingGlyphs, got \(error)")
                return
            }
            #expect(characters == [">"])
            #expect(text == ">=148.万元")
            #expect(origin.description == "projects[0].indicators[1].subcategories[0].indicators[0].target")
        }
    }
}
