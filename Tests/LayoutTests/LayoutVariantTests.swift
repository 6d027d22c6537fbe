import Evaluation
import Layout
import Testing

/// Problems in the parts of the layout format that variants use: totals,
/// formats, fixed heights, footers, page numbers and wrong-type bindings.
@Suite("Checking variant layouts")
struct LayoutVariantCheckTests {
    static let variant = """
        formprint-layout: 1
        id: variant
        document: project
        page: {size: A4-landscape}
        styles:
          label: {family: song, size: 10.5pt, align: center, minSize: 12pt}
        table:
          columns: [40mm, 40mm, 40mm]
          cellStyle: label
          blocks:
            - rows:
                - [{text: "{project.funds}"}, {text: x, span: 2, format: currency}]
            - each: project.name
              row: [{text: a}, {text: b}, {text: c}]
            - each: project.indicators
              order: first
              totalRow: [{text: a}, {text: b}, {text: c}]
              row: [{field: name}, {field: target}, {field: actual}]
          footer:
            - {text: 签字, signatures: [{label: 填表人：}], style: label}
            - {signatures: [], style: label}
          pageNumber: {format: "第 页", style: label}
        """

    @Test("each problem of a variant layout is reported with its line, in words, with a hint")
    func variantProblems() throws {
        let problems = loadProblems(Self.variant, file: "variant.yaml")
        let messages = problems.map { "\($0.location.line): \($0.message.english) — \($0.hint.english)" }
        let expected = [
            "6: minSize 12.0pt must be from 4pt up to the style's size (10.5pt) — minSize is how far the text may shrink in a fixed-height row",
            "12: '{project.funds}' is a list, not a single value — repeat a row for it with each: project.funds and cells like {field: source}",
            "12: unknown format 'currency' — use one of: as-written, money, percent",
            "13: 'project.name' is a single value, not a list to repeat rows for — print it in a fixed row with text: \"{project.name}\"; lists are: project.funds, project.indicators",
            "16: unknown order 'first' — use one of: as-written, total-first, total-last",
            "20: a footer line has either 'text' or 'signatures', not both — split it into two lines",
            "21: 'signatures' is empty — list the fields, e.g. - {label: 填表人：, value: \"{signatures.preparer}\", line: 30mm}",
            "22: the page number format has no '{page}' — e.g. format: \"— {page} —\" or \"第 {page} 页 共 {pages} 页\"",
        ]
        for message in expected {
            #expect(messages.contains(message), "missing: \(message)\nall:\n\(messages.joined(separator: "\n"))")
        }
        // The block whose 'each' was wrong is not also called empty.
        #expect(!messages.contains { $0.contains("has no rows") })
        #expect(problems.allSatisfy { $0.description.hasPrefix("variant.yaml:\($0.location.line):") })
    }

    @Test("the national layout's bindings load: total row, money cells, footer fields, page numbers")
    func nationalLoads() throws {
        let layout = try loadLayout("project-national.yaml")
        let table = try tableSpec(layout)
        #expect(table.columns.count == 9)
        #expect(abs(table.columns.reduce(.zero, +).millimetres - layout.page.contentRect.size.width.millimetres) < 0.001)
        let funds = try #require(table.blocks.first { $0.repeated?.collection == .projectFunds })
        #expect(funds.repeated?.order == .totalFirst)
        #expect(funds.repeated?.totalRow?.cells.count == 7)
        #expect(funds.repeated?.row.cells.filter { $0.format == .money }.count == 3)
        #expect(table.pageNumber?.text(page: 2, of: 3) == "第 2 页 共 3 页")
        #expect(table.pageNumber?.singlePage == false)
        #expect(table.continuedMark == "（续）")
    }
}

@Suite("Variant layout features")
struct LayoutVariantTests {
    func national(_ unit: UnitEvaluation) throws -> ResolvedTable {
        let layout = try loadLayout("project-national.yaml")
        return TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
    }

    func row(_ table: ResolvedTable, startingWith text: String) -> [String] {
        guard let first = table.cells.first(where: { $0.text == text }) else { return [] }
        return table.cells.filter { $0.row == first.row }.map(\.text)
    }

    @Test("the seed in the national form: 年度资金总额 row first, — in the sub-rows, empty fields empty, 总分 row")
    func seedNational() throws {
        let table = try national(seedUnit())
        #expect(table.title.map(\.text) == ["项目支出绩效自评表", "（2024年度）"])
        #expect(row(table, startingWith: "主管部门") == ["主管部门", "", "实施单位", "柳河县政务服务和数字化建设管理局"])
        let fundsRows = table.cells.filter { $0.column == 1 && ["年度资金总和", "当年财政拨款", "上年结转资金", "其他资金"].contains($0.text) }
        #expect(fundsRows.map(\.text) == ["年度资金总和", "当年财政拨款", "上年结转资金", "其他资金"])
        #expect(row(table, startingWith: "年度资金总和") == ["年度资金总和", "212.40", "212.40", "172.18", "", "81.06%", ""])
        #expect(row(table, startingWith: "当年财政拨款") == ["当年财政拨款", "212.40", "212.40", "172.18", "—", "81.06%", "—"])
        #expect(row(table, startingWith: "费用指标") == ["成本指标", "经济成本指标", "费用指标", "=56人", "56人", "", "", ""])
        #expect(row(table, startingWith: "总分") == ["总分", "100", "", "评价等级："])
        #expect(!table.cells.contains { $0.text == "nil" || $0.text == "0" })
        // Nine columns, every row covered exactly once.
        var owner = Array(repeating: Array(repeating: -1, count: 9), count: table.rowCount)
        for (index, cell) in table.cells.enumerated() {
            for r in cell.rows { for c in cell.columns { #expect(owner[r][c] == -1); owner[r][c] = index } }
        }
        #expect(owner.allSatisfy { $0.allSatisfy { $0 >= 0 } })
    }

    @Test("scores, deviation and 总分 print where the unit file gives them")
    func scoresPrinted() throws {
        var unit = seedUnit()
        unit.projects[0].funds[3].weight = "10"
        unit.projects[0].funds[3].score = "8.11"
        unit.projects[0].indicators[2].subcategories[0].indicators[0].score = "4.69"
        unit.projects[0].indicators[2].subcategories[0].indicators[0].deviation = "资金未足额到位"
        unit.projects[0].totalScore = "87.35"
        unit.projects[0].grade = "良"
        let table = try national(unit)
        #expect(row(table, startingWith: "年度资金总和") == ["年度资金总和", "212.40", "212.40", "172.18", "10", "81.06%", "8.11"])
        #expect(row(table, startingWith: "优化政府部门") == ["效益指标", "经济效益指标", "优化政府部门", ">=64.4万元", "14.4万元", "", "4.69", "资金未足额到位"])
        #expect(row(table, startingWith: "总分") == ["总分", "100", "87.35", "评价等级：良"])
    }

    @Test("money cells show two decimals for plain numbers that lose no digit, and anything else as written",
          arguments: [("212.4", "212.40"), ("0", "0.00"), ("172.185", "172.185"), ("132.910", "132.91"), ("1000", "1000.00"), ("-3.5", "-3.50"),
                      ("约212万", "约212万"), ("", ""), ("212.40万元", "212.40万元"), ("1,000.5", "1,000.5")])
    func moneyFormat(written: String, printed: String) throws {
        var unit = seedUnit()
        unit.projects[0].funds[0].initialBudget = written
        let table = try national(unit)
        #expect(row(table, startingWith: "当年财政拨款")[1] == printed)
    }

    static func fixedHeightLayout(minSize: String) -> String {
        """
        formprint-layout: 1
        id: fixed
        document: project
        page: {size: A4}
        styles:
          label: {family: song, size: 10.5pt, align: center\(minSize)}
        table:
          columns: [30mm, 30mm, 30mm]
          padding: {horizontal: 1mm, vertical: 1mm}
          cellStyle: label
          blocks:
            - rowHeight: 8mm
              each: project.indicators
              row: [{field: name}, {field: target}, {field: actual}]
        """
    }

    func fixedHeightTable(_ unit: UnitEvaluation, minSize: String) throws -> MeasuredTable {
        let layout = try LayoutLoader.load(text: Self.fixedHeightLayout(minSize: minSize), file: "fixed.yaml")
        let resolved = TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
        return try TableMeasurer.measure(resolved, with: FixedAdvanceMeasurer())
    }

    @Test("a fixed-height row shrinks its text down to minSize, and keeps its height")
    func shrinkToFit() throws {
        var unit = seedUnit()
        // 11 characters: two lines at 10.5pt in 28 mm, one at 7pt.
        unit.projects[0].indicators[0].subcategories[0].indicators[0].name = "政务服务大厅运行保障费"
        let measured = try fixedHeightTable(unit, minSize: ", minSize: 6pt")
        let cell = try #require(measured.cells.first { $0.cell.text == "政务服务大厅运行保障费" })
        #expect(cell.font.size < .pt(10.5) && cell.font.size >= .pt(6))
        #expect(cell.requiredHeight.fits(in: .mm(8)))
        #expect(measured.rowHeights.allSatisfy { $0 == .mm(8) })
        let other = try #require(measured.cells.first { $0.cell.text == "56人" })
        #expect(other.font.size == .pt(10.5))
    }

    @Test("text that does not fit a fixed-height row even at minSize is an error naming row, column and field")
    func doesNotFit() throws {
        var unit = seedUnit()
        unit.projects[0].indicators[0].subcategories[0].indicators[0].target = String(repeating: "超长指标值", count: 10)
        #expect(throws: LayoutFailure.self) { try fixedHeightTable(unit, minSize: ", minSize: 8pt") }
        do {
            _ = try fixedHeightTable(unit, minSize: "")
            Issue.record("expected textDoesNotFit")
        } catch let error as LayoutFailure {
            guard case .textDoesNotFit(let row, let column, _, let origin, let needed, let available) = error else {
                Issue.record("expected textDoesNotFit, got \(error)")
                return
            }
            #expect(row == 0 && column == 1)
            #expect(origin.description == "projects[0].indicators[0].subcategories[0].indicators[0].target")
            #expect(available == .mm(8) && !needed.fits(in: available))
            #expect(english(error).contains("row 1, column 2"))
            #expect(english(error).contains("lower the style's minSize"))
        }
    }

    @Test("a vertical side label stacks one character per line with upright brackets")
    func verticalLabel() throws {
        let text = try String(contentsOf: layoutsFolder().appendingPathComponent("project-national.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "side: {text: 项目资金（万元）}", with: "side: {text: 项目资金（万元）, style: side}")
            .replacingOccurrences(of: "stylesheet: forms\n", with: "stylesheet: forms\nstyles:\n  side: {family: song, size: 10.5pt, vertical: true}\n")
        let layout = try LayoutLoader.load(text: text, file: "vertical.yaml")
        let resolved = TableBinder.bind(seedUnit(), .project(index: 0), onto: layout, table: try tableSpec(layout))
        let measured = try TableMeasurer.measure(resolved, with: FixedAdvanceMeasurer())
        let side = try #require(measured.cells.first { $0.cell.text == "项目资金（万元）" })
        #expect(side.lines.map(\.text) == ["项", "目", "资", "金", "︵", "万", "元", "︶"])
        #expect(side.continuedLines.map(\.text) == ["项", "目", "资", "金", "︵", "万", "元", "︶", "︵", "续", "︶"])
        // The block's rows grow to hold the stacked label.
        let rows = side.cell.rows.reduce(Length.zero) { $0 + measured.rowHeights[$1] }
        #expect(side.requiredHeight.fits(in: rows))
    }

    @Test("signature lines carry the unit file's names; a long value lengthens its line")
    func signaturesFilled() throws {
        var unit = seedUnit()
        unit.signatures = Signatures(unitHead: "王某某", preparer: "李某", phone: "0435-7231234567890123", date: "2025年3月1日")
        let form = try LaidOutForm(unit, layout: "project-national.yaml")
        let texts = form.texts(onPage: form.pages.count - 1)
        for value in ["王某某", "李某", "0435-7231234567890123", "2025年3月1日", "单位负责人（签字）：", "（单位盖章）"] {
            #expect(texts.contains(value), "\(value)")
        }
        let lines = form.measured.footer.compactMap { line -> MeasuredSignatureLine? in
            if case .signatures(let signatures) = line { signatures } else { nil }
        }.flatMap(\.rows).flatMap { $0 }
        let phone = try #require(lines.first { $0.label.text == "联系电话：" })
        #expect(phone.lineWidth >= phone.value!.width)
        // Blank lines stay long enough to sign by hand.
        let finance = try #require(lines.first { $0.label.text == "财务负责人（签字）：" })
        #expect(finance.value == nil && finance.lineWidth >= .mm(30))
        // No two fields overlap and all stay within the table.
        for row in form.measured.footer.compactMap({ line -> MeasuredSignatureLine? in
            if case .signatures(let signatures) = line { signatures } else { nil }
        }).flatMap(\.rows) {
            for (a, b) in zip(row, row.dropFirst()) { #expect((a.lineX + a.lineWidth) < b.labelX) }
            if let last = row.last { #expect((last.lineX + last.lineWidth).fits(in: form.measured.width)) }
        }
    }

    @Test("a one-page form has no page number unless the layout asks; a longer one numbers every page")
    func pageNumbers() throws {
        let single = try LaidOutForm(seedUnit(), layout: "project-national.yaml")
        #expect(single.pages.count == 1)
        #expect(!single.texts(onPage: 0).contains { $0.hasPrefix("第 ") })
        let long = try LaidOutForm(unitWithIndicators(80), layout: "project-national.yaml")
        #expect(long.pages.count > 1)
        for number in long.pages.indices {
            #expect(long.texts(onPage: number).last == "第 \(number + 1) 页 共 \(long.pages.count) 页")
        }
    }

    @Test("when the footer does not fit, the last rows move with it: signatures never stand alone",
          arguments: 20...60)
    func footerKeepsRows(indicators: Int) throws {
        let form = try LaidOutForm(unitWithIndicators(indicators), layout: "project-national.yaml")
        form.checkInvariants()
        let last = try #require(form.tablePages.last)
        #expect(last.rows.contains { !$0.isRepeatedHeader }, "the footer page has no rows of the table")
        let texts = form.texts(onPage: form.pages.count - 1)
        #expect(texts.contains("单位负责人（签字）：") && texts.contains("总分"))
    }

    @Test("no line in any cell starts with closing or ends with opening punctuation, in narrow columns too")
    func kinsokuInEveryCell() throws {
        var unit = unitWithIndicators(40)
        for c in unit.projects[0].indicators.indices {
            for s in unit.projects[0].indicators[c].subcategories.indices {
                for i in unit.projects[0].indicators[c].subcategories[s].indicators.indices {
                    unit.projects[0].indicators[c].subcategories[s].indicators[i].name = "（\(i)）采购设备，“一窗受理”。"
                    unit.projects[0].indicators[c].subcategories[s].indicators[i].deviation =
                        String(repeating: "资金未到位，（已整改）；《通知》要求：", count: 1 + i % 3)
                }
            }
        }
        for layout in ["project-national.yaml", "project-jilin.yaml"] {
            let form = try LaidOutForm(unit, layout: layout)
            for cell in form.measured.cells where !cell.cell.style.vertical {
                for (index, line) in cell.lines.enumerated() {
                    if index > 0, let first = line.text.first { #expect(!"，。、；：？！）》」』”".contains(first), "\(line.text)") }
                    if index < cell.lines.count - 1, let last = line.text.last { #expect(!"（《「『“".contains(last), "\(line.text)") }
                }
            }
        }
    }
}

@Suite("Which layouts print scores")
struct PrintsScoresTests {
    @Test("the national form prints scores; the 吉林 forms and the report do not",
          arguments: [("project-national.yaml", true), ("project-jilin.yaml", false), ("department-jilin.yaml", false), ("report-gbt9704.yaml", false)])
    func printsScores(file: String, expected: Bool) throws {
        #expect(try loadLayout(file).printsScores == expected)
    }
}

@Suite("Merging grid rules")
struct RuleMergerTests {
    @Test("every page of a long form draws each stretch of rule exactly once")
    func noOverlapsNoGaps() throws {
        let form = try LaidOutForm(unitWithIndicators(80), layout: "project-national.yaml")
        for page in form.pages {
            let rules = page.items.compactMap(\.lineSegment)
            // No two collinear rules overlap or touch: they would have been one.
            for (i, a) in rules.enumerated() {
                for b in rules[(i + 1)...] {
                    let sameRow = a.from.y == a.to.y && b.from.y == b.to.y && abs(a.from.y.points - b.from.y.points) < 0.001
                    let sameColumn = a.from.x == a.to.x && b.from.x == b.to.x && abs(a.from.x.points - b.from.x.points) < 0.001
                    if sameRow { #expect(max(a.from.x, a.to.x) < min(b.from.x, b.to.x) || max(b.from.x, b.to.x) < min(a.from.x, a.to.x)) }
                    if sameColumn { #expect(max(a.from.y, a.to.y) < min(b.from.y, b.to.y) || max(b.from.y, b.to.y) < min(a.from.y, a.to.y)) }
                }
            }
        }
        // The first page's outer frame is four single rules.
        let rules = form.pages[0].items.compactMap(\.lineSegment)
        let left = rules.map { min($0.from.x, $0.to.x) }.min()!
        #expect(rules.filter { $0.from.x == left && $0.to.x == left }.count == 1)
    }
}
