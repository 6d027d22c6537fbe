import Evaluation
import Layout
import Testing

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

    @Test("120 indicators in 3 categories: several pages, header repeated, labels continued with （续）",
          arguments: ["project-jilin.yaml", "project-national.yaml"])
    func manyIndicators(layout: String) throws {
        let unit = unitWithIndicators(120)
        #expect(unit.projects[0].indicators.map(\.name) == manyCategories)
        #expect(unit.projects[0].indicators.flatMap(\.subcategories).flatMap(\.indicators).count == 120)
        let form = try LaidOutForm(unit, layout: layout)
        #expect(form.tablePages.count > 1)
        form.checkInvariants()
        let block = try #require(form.indicatorBlock)
        // Every continuation page starts with the repeated 一级指标… header
        // and the side label marked as continued.
        for (number, page) in form.tablePages.enumerated().dropFirst() where !page.rows.isEmpty {
            let first = try #require(page.rows.first)
            #expect(first.row == block.header.lowerBound && first.isRepeatedHeader, "page \(number + 1)")
            let texts = form.texts(onPage: number)
            #expect(texts.contains("一级指标") && texts.contains("实际完成值"), "page \(number + 1)")
            #expect(texts.joined().contains("绩效指标（续）"), "page \(number + 1)")
        }
        // The category that continues across a break: as written on the
        // page it starts, "…（续）" on the next.
        let labels = form.indicatorLabels()
        var continued = 0
        for (number, page) in form.tablePages.enumerated().dropFirst() {
            guard let first = page.rows.first(where: { !$0.isRepeatedHeader }),
                  let previous = form.tablePages[number - 1].rows.last,
                  let label = labels[first.row], labels[previous.row] == label else { continue }
            continued += 1
            #expect(form.texts(onPage: number).joined().contains(label.text + "（续）"), "page \(number + 1)")
        }
        #expect(continued > 0)
        // The paginator decided it: on the page where a label starts, its
        // lines from the first; on a continuation page, its （续） text.
        for (number, page) in form.tablePages.enumerated() {
            for (index, piece) in page.labels {
                let starts = page.rows.contains { $0.row == form.measured.cells[index].cell.row && !$0.isRepeatedHeader }
                if starts { #expect(piece == .lines(0..<form.measured.cells[index].lines.count), "page \(number + 1)") }
                if number > 0 && !starts { #expect(piece == .continued, "page \(number + 1)") }
            }
        }
        #expect(form.tablePages.dropFirst().contains { $0.labels.values.contains(.continued) })
        // Only the first page has the title; the others the continued title and page numbers.
        #expect(form.texts(onPage: 0).first == "项目支出绩效自评表")
        for number in form.pages.indices.dropFirst() {
            let texts = form.texts(onPage: number)
            #expect(texts.first == "项目支出绩效自评表（续）" && !texts.contains("项目支出绩效自评表"))
            #expect(texts.contains("项目名称：2024年政数局综合类项目"))
            #expect(texts.last == "第 \(number + 1) 页 共 \(form.pages.count) 页")
        }
    }

    struct SweepCase: Sendable, CustomTestStringConvertible {
        var layout: String
        var indicators: Int
        /// The page height as a share of the layout's own (A4) height.
        var heightShare: Double
        var testDescription: String { "\(layout): \(indicators) indicators, page height × \(heightShare)" }
    }

    static let sweep = ["project-jilin.yaml", "project-national.yaml"].flatMap { layout in
        [1, 2, 6, 17, 40, 99, 150, 300, 400].flatMap { count in
            [1.0, 0.8, 0.6].map { SweepCase(layout: layout, indicators: count, heightShare: $0) }
        }
    }

    @Test("invariants hold across layouts, indicator counts and page sizes", .hangGuard(minutes: 1), arguments: sweep)
    func invariantSweep(_ sweepCase: SweepCase) throws {
        let own = try loadLayout(sweepCase.layout).page.size
        let size = Size(width: own.width, height: own.height * sweepCase.heightShare)
        let form = try LaidOutForm(unitWithIndicators(sweepCase.indicators), layout: sweepCase.layout, size: size)
        form.checkInvariants()
        let fixedRows = sweepCase.layout == "project-jilin.yaml" ? 9 + 1 : 2 + 5 + 2 + 1 + 1
        #expect(form.measured.table.rowCount == fixedRows + sweepCase.indicators)
        if sweepCase.indicators >= 150 { #expect(form.tablePages.count > 1) }
        if sweepCase.indicators <= 6 && sweepCase.heightShare == 1 { #expect(form.tablePages.count == 1) }
    }

    @Test("invariants hold with long texts in every row and short pages", .hangGuard(minutes: 1),
          arguments: [120.0, 160.0, 230.0], [7, 60])
    func invariantsWithTallRows(pageHeight: Double, indicators: Int) throws {
        var unit = unitWithIndicators(indicators)
        for c in unit.projects[0].indicators.indices {
            for s in unit.projects[0].indicators[c].subcategories.indices {
                for i in unit.projects[0].indicators[c].subcategories[s].indicators.indices where i % 2 == 0 {
                    unit.projects[0].indicators[c].subcategories[s].indicators[i].deviation =
                        String(repeating: "受资金拨付进度影响，部分采购延后。", count: 1 + i % 4)
                    unit.projects[0].indicators[c].subcategories[s].indicators[i].name = "指标名称较长的三级指标\(i)"
                }
            }
        }
        let form = try LaidOutForm(unit, layout: "project-national.yaml", size: Size(width: .mm(297), height: .mm(pageHeight)))
        form.checkInvariants()
    }

    @Test("a row taller than a page continues line by line on the next pages", .hangGuard(minutes: 1))
    func rowTallerThanAPage() throws {
        var unit = seedUnit()
        let sentence = "由于我县财政资金紧张，年末收回预算指标。"
        unit.projects[0].goal.actual = String(repeating: sentence, count: 300)
        let form = try LaidOutForm(unit)
        form.checkInvariants()
        let goalRow = 8
        #expect(!form.measured.rowHeights[goalRow].fits(in: form.regions.otherPages))
        let pieces = form.tablePages.flatMap { $0.rows.filter { $0.row == goalRow && !$0.isRepeatedHeader } }
        #expect(pieces.count > 2)
        #expect(pieces.allSatisfy { $0.slice != nil })
        #expect(pieces.first?.slice?.isFirst == true && pieces.last?.slice?.isLast == true)
        // Every line of the long cell is printed exactly once, in order.
        let cellIndex = try #require(form.measured.cells.firstIndex { $0.cell.row == goalRow && $0.cell.text.hasPrefix(sentence) })
        let cell = form.measured.cells[cellIndex]
        let ranges = pieces.compactMap { $0.slice?.lines[cellIndex] }
        #expect(ranges.flatMap { Array($0) } == Array(cell.lines.indices))
        let printed = form.pages.flatMap { $0.items.compactMap(\.textRun).map(\.text) }.filter { cell.lines.map(\.text).contains($0) }
        #expect(printed.count == cell.lines.count)
        // The other cell of the row (its first line) is printed once, on the first piece's page.
        #expect(form.pages.flatMap { $0.items.compactMap(\.textRun) }.filter { $0.text == "为保证政务大厅正常运行，申请此" }.count <= 1)
        // (checkInvariants checked the 年度总体目标 side label on every page the row runs to.)
    }

    @Test("a header too tall for any page is rowTooTall, not a hang or a crash", .hangGuard(minutes: 1))
    func rowTooTall() throws {
        var unit = unitWithIndicators(30)
        unit.name = "x"
        let layout = try loadLayout("project-jilin.yaml")
        let resolved = TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
        let measured = try TableMeasurer.measure(resolved, with: FixedAdvanceMeasurer())
        // A page so short that not even one line of the first row fits.
        do {
            _ = try TablePaginator.paginate(measured, regions: Regions(firstPage: .mm(5), otherPages: .mm(5), footer: .zero))
            Issue.record("expected rowTooTall")
        } catch {
            guard case .rowTooTall(let row, _, let available, _) = error else {
                Issue.record("expected rowTooTall, got \(error)")
                return
            }
            #expect(row == 0)
            #expect(available == .mm(5))
            #expect(english(error).hasPrefix("row 1 "))
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
            #expect(english(error).hasPrefix("projects[0].name: "))
            #expect(english(error).contains("'𠀀' (U+20000)"))
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
