import Evaluation
import Layout
import Testing

@Suite("Binding the seed project form onto project-jilin (official-forms.md §0.1)")
struct TableBinderTests {
    let table: ResolvedTable

    init() throws {
        let layout = try loadLayout("project-jilin.yaml")
        table = TableBinder.bind(seedUnit(), .project(index: 0), onto: layout, table: try tableSpec(layout))
    }

    func cell(_ row: Int, _ column: Int) -> ResolvedCell? {
        table.cells.first { $0.row == row && $0.column == column }
    }

    @Test("16 rows: 2 + 资金 (1 + 4) + 目标 2 + 指标 (1 + 6)")
    func rowCount() {
        #expect(table.rowCount == 16)
        #expect(table.columns.count == 6)
        #expect(table.title.map(\.text) == ["项目支出绩效自评表"])
        // Signature lines, blank where the unit file names nobody, then the seal.
        let labels = table.footer.flatMap { line -> [String] in
            switch line {
            case .signatures(let signatures): signatures.fields.map(\.label)
            case .text(let text): [text.text]
            }
        }
        #expect(labels == ["单位负责人（签字）：", "财务负责人（签字）：", "填表人：", "联系电话：", "填报日期：", "（单位盖章）"])
        #expect(table.footer.allSatisfy { line in
            if case .signatures(let signatures) = line { signatures.fields.allSatisfy { $0.value.isEmpty && $0.lineWidth >= .mm(25) } } else { true }
        })
        #expect(table.continuedTitle.map(\.text) == ["项目支出绩效自评表（续）", "项目名称：2024年政数局综合类项目"])
        #expect(table.pageNumber?.text(page: 2, of: 11) == "第 2 页 共 11 页")
    }

    @Test("every row covers exactly 6 columns and no two cells overlap")
    func occupancyGrid() {
        var owner = Array(repeating: Array(repeating: -1, count: 6), count: table.rowCount)
        for (index, cell) in table.cells.enumerated() {
            #expect(cell.rowSpan >= 1 && cell.columnSpan >= 1)
            #expect(cell.rows.upperBound <= table.rowCount && cell.columns.upperBound <= 6, "\(cell) leaves the grid")
            for row in cell.rows where row < table.rowCount {
                for column in cell.columns where column < 6 {
                    #expect(owner[row][column] == -1, "(\(row), \(column)) covered by \(table.cells[max(0, owner[row][column])].text) and \(cell.text)")
                    owner[row][column] = index
                }
            }
        }
        for (row, columns) in owner.enumerated() {
            #expect(columns.allSatisfy { $0 >= 0 }, "row \(row) leaves columns uncovered: \(columns)")
        }
    }

    @Test("cells are in row-major order")
    func rowMajor() {
        let keys = table.cells.map { [$0.row, $0.column] }
        #expect(keys == keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    }

    @Test("项目名称 and 实施单位: label plus a value spanning five columns")
    func headRows() throws {
        let name = try #require(cell(0, 1))
        #expect(cell(0, 0)?.text == "项目名称")
        #expect(name.text == "2024年政数局综合类项目")
        #expect(name.columnSpan == 5)
        #expect(name.rowSpan == 1)
        #expect(name.origin == .unit(FieldPath("projects").appending(0).appending("name")))
        #expect(cell(1, 0)?.text == "实施单位")
        #expect(cell(1, 1)?.text == "柳河县政务服务和数字化建设管理局")
        #expect(cell(1, 1)?.columnSpan == 5)
    }

    @Test("资金情况 (万元): side cell at column 0 spanning 5 rows; amounts as written")
    func fundsBlock() throws {
        let side = try #require(cell(2, 0))
        #expect(side.text == "资金情况 (万元)")
        #expect(side.rowSpan == 5)
        #expect(side.columnSpan == 1)
        #expect(side.repeatsOnContinuation)
        #expect((1...5).map { cell(2, $0)?.text } == ["项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率"])
        #expect((1...5).map { cell(3, $0)?.text } == ["当年财政拨款", "212.40", "212.40", "172.18", "81.06%"])
        #expect((1...5).map { cell(4, $0)?.text } == ["上年结转资金", "0.00", "0.00", "0.00", "0.00%"])
        #expect(cell(6, 1)?.text == "年度资金总和")
        #expect(cell(3, 2)?.origin == .unit(FieldPath("projects").appending(0).appending("funds").appending(0).appending("initialBudget")))
        #expect(cell(3, 2)?.style.align == .right)
        for row in 3...6 { #expect(cell(row, 0) == nil) }
    }

    @Test("年度总体 目标: side cell spanning 2 rows; 预期目标 2 columns, 实际完成情况 3")
    func goalBlock() throws {
        let side = try #require(cell(7, 0))
        #expect(side.text == "年度总体 目标")
        #expect(side.rowSpan == 2)
        #expect(cell(7, 1)?.text == "预期目标")
        #expect(cell(7, 1)?.columnSpan == 2)
        #expect(cell(7, 3)?.text == "实际完成情况")
        #expect(cell(7, 3)?.columnSpan == 3)
        #expect(cell(8, 1)?.text == "为保证政务大厅正常运行，申请此项目。")
        #expect(cell(8, 1)?.columnSpan == 2)
        #expect(cell(8, 3)?.columnSpan == 3)
        #expect(cell(8, 3)?.origin == .unit(FieldPath("projects").appending(0).appending("goal").appending("actual")))
    }

    @Test("绩效指标: side cell spanning 7 rows (header + 6 indicators); 产出指标 merged over 3")
    func indicatorBlock() throws {
        let side = try #require(cell(9, 0))
        #expect(side.text == "绩效指标")
        #expect(side.rowSpan == 7)
        #expect((1...5).map { cell(9, $0)?.text } == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"])
        #expect((1...5).map { cell(10, $0)?.text } == ["成本指标", "经济成本指标", "费用指标", "=56人", "56人"])
        #expect(cell(10, 1)?.rowSpan == 1)

        let output = try #require(cell(11, 1))
        #expect(output.text == "产出指标")
        #expect(output.rowSpan == 3)
        #expect(output.repeatsOnContinuation)
        #expect(cell(12, 1) == nil && cell(13, 1) == nil)
        #expect((11...13).map { cell($0, 2)?.text } == ["数量指标", "质量指标", "时效指标"])
        #expect((11...13).map { cell($0, 2)?.rowSpan } == [1, 1, 1])
        #expect(cell(11, 4)?.text == ">=148.万元")
        #expect(cell(13, 4)?.text == "=2025年")
        #expect(cell(14, 1)?.text == "效益指标")
        #expect(cell(14, 4)?.text == ">=64.4万元")
        #expect(cell(14, 5)?.text == "14.4万元")
        #expect(cell(15, 1)?.text == "满意度指标")
        #expect(cell(15, 2)?.text == "服务对象满意度指标")
        let path = FieldPath("projects").appending(0).appending("indicators").appending(1).appending("subcategories")
            .appending(0).appending("indicators").appending(0).appending("target")
        #expect(cell(11, 4)?.origin == .unit(path))
    }

    @Test("blocks: bands of rows with their repeatable headers")
    func blocks() {
        #expect(table.blocks.map(\.rows) == [0..<2, 2..<7, 7..<9, 9..<16])
        #expect(table.blocks.map(\.header) == [0..<0, 2..<3, 7..<7, 9..<10])
        #expect(table.blocks.map(\.keepTogether) == [false, false, true, false])
    }

    @Test("the department form binds too, with 产出指标 merged over 4 rows")
    func departmentForm() throws {
        let layout = try loadLayout("department-jilin.yaml")
        var unit = seedUnit()
        unit.department = DepartmentEvaluation(
            name: "柳河县政务服务和数字化建设管理局", annualGoal: "目标", goalCompletion: "完成",
            tasks: [MainTask(number: "1", name: "2024年非统发人员工资", content: "内容", completion: "完成情况")],
            indicators: [
                IndicatorCategory(name: "产出指标", subcategories: ["数量指标", "质量指标", "成本指标", "时效指标"].map {
                    IndicatorSubcategory(name: $0, indicators: [Indicator(name: $0 + "项", target: "=1", actual: "1")])
                }),
                IndicatorCategory(name: "效益指标", subcategories: ["社会效益指标", "满意度指标"].map {
                    IndicatorSubcategory(name: $0, indicators: [Indicator(name: $0 + "项", target: "=1", actual: "1")])
                }),
            ])
        let table = TableBinder.bind(unit, .department, onto: layout, table: try tableSpec(layout))
        #expect(table.rowCount == 3 + 2 + 7)
        let output = table.cells.first { $0.text == "产出指标" }
        #expect(output?.rowSpan == 4)
        #expect(table.cells.first { $0.text == "效益指标" }?.rowSpan == 2)
        #expect(table.cells.first { $0.text == "年度主要任务" }?.rowSpan == 2)
        #expect(table.cells.first { $0.text == "年度绩效目标完成情况" }?.rowSpan == 7)
        #expect(table.cells.first { $0.text == "完成情况" }?.columnSpan == 2)
    }

    @Test("an empty subcategory still gets a row, printed empty")
    func emptySubcategory() throws {
        let layout = try loadLayout("project-jilin.yaml")
        var unit = seedUnit()
        unit.projects[0].indicators = [IndicatorCategory(name: "产出指标", subcategories: [IndicatorSubcategory(name: "数量指标", indicators: [])])]
        let table = TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
        #expect(table.rowCount == 11)
        #expect(table.cells.filter { $0.row == 10 }.map(\.text) == ["产出指标", "数量指标", "", "", ""])
    }
}
