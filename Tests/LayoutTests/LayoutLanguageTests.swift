import Evaluation
import Foundation
import Layout
import Testing

/// A fresh folder holding `files` (name → text), for layouts that extend
/// each other or name a stylesheet of their own.
private func folder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layout-language-\(UUID().uuidString)")
    for (name, text) in files {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
}

/// The problems of loading `name` from `folder`; records an issue if it loads.
private func problems(_ name: String, in folder: URL) -> [LayoutProblem] {
    do {
        _ = try LayoutLoader.load(contentsOf: folder.appendingPathComponent(name))
        Issue.record("expected \(name) to be rejected")
        return []
    } catch {
        return error.problems
    }
}

private func texts(_ row: RowSpec?) -> [String] {
    (row?.cells ?? []).map { cell in
        switch cell.content {
        case .text(let template): template.parts.map { if case .literal(let text) = $0 { text } else { "{…}" } }.joined()
        case .column(let binding): "field:" + binding.field.key
        }
    }
}

/// The department form of a small task list: 序号, 任务, 完成情况.
private let tasksLayout = """
    formprint-layout: 1
    id: tasks
    document: department
    stylesheet: forms
    page: {size: A4}
    table:
      columns: [20mm, 60mm, 60mm]
      cellStyle: label
      blocks:
        - name: tasks
          header:
            - [{text: 序号}, {text: 任务}, {text: 完成情况}]
          each: department.tasks
          order: total-last
          row:
            - {field: number}
            - {field: name}
            - {field: completion, merge: true}
          totalRow:
            0: {text: —}
            2: {text: "{department.goalCompletion}", style: text}

    """

@Suite("The layout language: stylesheets, extends, overrides, total rows, merge, defaults")
struct LayoutLanguageTests {
    // MARK: extends and overrides

    @Test("project-national-ab is project-national with six cells overridden by path")
    func nationalAB() throws {
        let national = try tableSpec(try loadLayout("project-national.yaml"))
        let ab = try loadLayout("project-national-ab.yaml")
        let table = try tableSpec(ab)
        #expect(ab.id == "project-national-ab")
        #expect(ab.name == "项目支出绩效自评表（全国·9列，(A)/(B)/(B/A) 标注）")
        #expect(ab.page.size == .a4Landscape)
        #expect(table.columns == national.columns)
        #expect(table.blocks.count == national.blocks.count)
        #expect(texts(table.blocks[1].header.first) == ["", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"])
        #expect(texts(table.blocks[3].header.first).prefix(5) == ["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）"])
        // The formula is on 执行率 of the money rows and, through the total
        // row's overrides of `row`, of 年度资金总额 too.
        for row in [table.blocks[1].repeated?.row, table.blocks[1].repeated?.totalRow] {
            guard case .column(let binding)? = row?.cells[5].content else { Issue.record("执行率 is not a field"); continue }
            #expect(binding.formula?.source == "executed / annualBudget")
        }
        #expect(texts(table.blocks[1].repeated?.totalRow) == ["field:source", "field:initialBudget", "field:annualBudget", "field:executed",
                                                               "field:weight", "field:executionRate", "field:score"])
        // What the file does not change is the base's.
        #expect(ab.scoring == "national")
        #expect(!ab.isDefault)
        #expect(table.footer.count == national.footer.count)
    }

    @Test("a layout in a user's folder extends a built-in one and changes a cell, a key and a style")
    func userVariant() throws {
        let folder = try folder(["variant.yaml": """
            formprint-layout: 1
            id: variant
            extends: project-national
            name: 某省项目支出绩效自评表
            styles:
              label: {size: 10pt}
            table:
              continuedMark: （接上页）
            overrides:
              table.blocks.0.rows.0.0: {text: 项目全称}
              table.blocks.indicators.row.7: {style: label}

            """])
        let layout = try LayoutLoader.load(contentsOf: folder.appendingPathComponent("variant.yaml"))
        let table = try tableSpec(layout)
        #expect(layout.document == .project)
        #expect(table.continuedMark == "（接上页）")
        #expect(texts(table.blocks[0].rows.first).first == "项目全称")
        let deviation = try #require(table.blocks[3].repeated?.row.cells[7])
        #expect(deviation.style.size == .pt(10) && deviation.style.align == .center && deviation.style.family == .song)
        // Key by key: the label style keeps the stylesheet's family and alignment.
        #expect(table.blocks[1].header.first?.cells[1].style == deviation.style)
    }

    @Test("a user's layout may extend the built-in layout of its own name")
    func sameName() throws {
        let folder = try folder(["project-national.yaml": """
            formprint-layout: 1
            id: project-national
            extends: project-national
            overrides:
              table.title.0.text: 项目支出绩效自评表（本省）

            """])
        let table = try tableSpec(try LayoutLoader.load(contentsOf: folder.appendingPathComponent("project-national.yaml")))
        #expect(table.title.first?.text == .literal("项目支出绩效自评表（本省）"))
    }

    @Test("an unknown base is an error at the extends line, with a did-you-mean")
    func unknownBase() throws {
        let folder = try folder(["mine.yaml": "formprint-layout: 1\nid: mine\nextends: project-nationl\n"])
        let found = problems("mine.yaml", in: folder)
        #expect(found.count == 1)
        #expect(found.first?.location.line == 3)
        #expect(found.first?.location.file.hasSuffix("mine.yaml") == true)
        #expect(found.first?.message.english == "unknown base layout 'project-nationl'")
        #expect(found.first?.message.chinese == "找不到基础表样“project-nationl”")
        #expect(found.first?.hint.english.contains("project-national") == true)
    }

    @Test("layouts extending each other in a circle are an error that names the circle")
    func cycle() throws {
        let folder = try folder([
            "a.yaml": "formprint-layout: 1\nid: a\nextends: b\n",
            "b.yaml": "formprint-layout: 1\nid: b\nextends: a\n",
        ])
        let found = problems("a.yaml", in: folder)
        #expect(found.count == 1)
        #expect(found.first?.message.english == "'extends' goes round in a circle: a.yaml → b.yaml → a.yaml")
        #expect(found.first?.message.chinese.contains("绕成了圈") == true)
        #expect(found.first?.location.file.hasSuffix("b.yaml") == true)
        #expect(found.first?.location.line == 3)
    }

    @Test("an override path that names no cell is an error at its line, saying what is there",
          arguments: [
              ("table.blocks.funds.header.0.9", "'table.blocks.funds.header.0' has 7 elements (counted from 0, 0–6), not 9"),
              ("table.blocks.fund.row.0", "'table.blocks' has no element with name 'fund'"),
              ("table.blcks.0", "'table' has no 'blcks'"),
              ("table.columns.0.width", "'table.columns.0' is a single value with no part 'width'"),
          ])
    func badPath(path: String, english: String) throws {
        let folder = try folder(["mine.yaml": """
            formprint-layout: 1
            id: mine
            extends: project-national
            overrides:
              \(path): {text: x}

            """])
        let found = problems("mine.yaml", in: folder)
        #expect(found.count == 1)
        #expect(found.first?.location.line == 5)
        #expect(found.first?.message.english == "the path '\(path)' names nothing in the layout: \(english)")
        #expect(found.first?.message.chinese.hasPrefix("路径“\(path)”不指向表样中的任何内容") == true)
    }

    @Test("a problem in a node the base wrote is reported in the base's file")
    func problemInBase() throws {
        let folder = try folder(["narrow.yaml": """
            formprint-layout: 1
            id: narrow
            extends: project-national
            table:
              columns: [20mm, 27mm, 28mm, 36mm, 26mm, 26mm, 16mm, 18mm]

            """])
        let found = problems("narrow.yaml", in: folder)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.location.file.hasSuffix("project-national.yaml") })
        #expect(found.contains { $0.message.english == "the row covers 9 columns but 8 are available" })
    }

    @Test("a layout that extends another needs its own id")
    func extendsWithoutID() throws {
        let folder = try folder(["mine.yaml": "formprint-layout: 1\nextends: project-national\n"])
        #expect(problems("mine.yaml", in: folder).map(\.message.english) == ["a layout that extends another needs its own 'id'"])
    }

    // MARK: stylesheets

    @Test("the built-in layouts take their styles from a stylesheet; a layout changes a key of one")
    func stylesheets() throws {
        let hunan = try tableSpec(try loadLayout("department-hunan.yaml"))
        let label = try #require(hunan.blocks.first?.rows.first?.cells.first?.style)
        #expect(label.size == .pt(9) && label.family == .song && label.align == .center && !label.bold)
        #expect(hunan.title.first?.style.size == .pt(16) && hunan.title.first?.style.bold == true)
        let jilin = try tableSpec(try loadLayout("project-jilin.yaml"))
        #expect(jilin.title.first?.style.size == .pt(18))
        #expect(jilin.blocks.first?.rows.first?.cells.first?.style.size == .pt(10.5))
    }

    @Test("a user's stylesheet in styles/ of the layout's folder, extending a built-in one")
    func userStylesheet() throws {
        let folder = try folder([
            "styles/big.yaml": "formprint-styles: 1\nextends: forms\nstyles:\n  label: {size: 12pt, bold: true}\n",
            "mine.yaml": tasksLayout.replacingOccurrences(of: "stylesheet: forms", with: "stylesheet: big"),
        ])
        let table = try tableSpec(try LayoutLoader.load(contentsOf: folder.appendingPathComponent("mine.yaml")))
        let style = try #require(table.blocks.first?.header.first?.cells.first?.style)
        #expect(style.size == .pt(12) && style.bold && style.align == .center)
    }

    @Test("an unknown stylesheet is an error at its line")
    func unknownStylesheet() throws {
        let folder = try folder(["mine.yaml": tasksLayout.replacingOccurrences(of: "stylesheet: forms", with: "stylesheet: form")])
        let found = problems("mine.yaml", in: folder)
        #expect(found.first?.message.english == "unknown stylesheet 'form'")
        #expect(found.first?.hint.english == "did you mean 'forms'?" || found.first?.hint.english.contains("forms") == true)
        #expect(found.first?.location.line == 4)
    }

    // MARK: total rows and merge on any list

    @Test("a total row written as overrides of `row`, on the department's tasks")
    func tasksTotalRow() throws {
        let folder = try folder(["tasks.yaml": tasksLayout])
        let layout = try LayoutLoader.load(contentsOf: folder.appendingPathComponent("tasks.yaml"))
        let table = try tableSpec(layout)
        #expect(texts(table.blocks[0].repeated?.totalRow) == ["—", "field:name", "{…}"])
        let department = DepartmentEvaluation(name: "某局", goalCompletion: "全部完成", tasks: [
            MainTask(number: "", name: "合计"),
            MainTask(number: "1", name: "窗口服务", completion: "已完成"),
            MainTask(number: "2", name: "网上办理", completion: "已完成"),
            MainTask(number: "3", name: "数据归集", completion: "部分完成"),
        ])
        let unit = UnitEvaluation(name: "某局", year: 2024, department: department)
        let bound = TableBinder.bind(unit, .department, onto: layout, table: table)
        func text(_ row: Int, _ column: Int) -> String? { bound.cells.first { $0.row == row && $0.column == column }?.text }
        // total-last: the 合计 row goes under the others, printed with its own cells.
        #expect([text(4, 0), text(4, 1), text(4, 2)] == ["—", "合计", "全部完成"])
        #expect(text(1, 0) == "1")
        // merge on 完成情况: the two 已完成 rows are one cell.
        let done = try #require(bound.cells.first { $0.row == 1 && $0.column == 2 })
        #expect(done.text == "已完成" && done.rowSpan == 2)
        #expect(bound.cells.first { $0.row == 3 && $0.column == 2 }?.rowSpan == 1)
    }

    @Test("a totalRow key that is not a cell of the row is an error")
    func badTotalRowKey() throws {
        let folder = try folder(["tasks.yaml": tasksLayout.replacingOccurrences(of: "    2: {text:", with: "    5: {text:")])
        let found = problems("tasks.yaml", in: folder)
        #expect(found.first?.message.english == "the totalRow key '5' is not the number of a cell of 'row' (0–2)")
    }

    @Test("merge joins equal values of any field, only inside the merged cells to its left")
    func mergeAnyField() throws {
        let layout = try LayoutLoader.load(text: """
            formprint-layout: 1
            id: merged
            document: project
            stylesheet: forms
            page: {size: A4}
            table:
              columns: [30mm, 30mm, 50mm, 50mm]
              cellStyle: label
              blocks:
                - each: project.indicators
                  row:
                    - {field: category, merge: true}
                    - {field: actual, merge: true}
                    - {field: name}
                    - {field: target}

            """, file: "merged.yaml")
        var unit = seedUnit()
        unit.projects[0].indicators = [
            IndicatorCategory(name: "产出指标", subcategories: [IndicatorSubcategory(name: "数量指标", indicators: [
                Indicator(name: "甲", target: "1", actual: "达成"), Indicator(name: "乙", target: "2", actual: "达成"),
            ])]),
            IndicatorCategory(name: "效益指标", subcategories: [IndicatorSubcategory(name: "社会效益", indicators: [
                Indicator(name: "丙", target: "3", actual: "达成"),
            ])]),
        ]
        let bound = TableBinder.bind(unit, .project(index: 0), onto: layout, table: try tableSpec(layout))
        let actual = bound.cells.filter { $0.column == 1 }
        // 甲 and 乙 share 达成 inside 产出指标; 丙's 达成 is in another 一级 group.
        #expect(actual.map(\.rowSpan) == [2, 1])
        #expect(bound.cells.filter { $0.column == 0 }.map(\.rowSpan) == [2, 1])
    }

    // MARK: default and scoring

    @Test("the default layouts and the scoring profiles are named in the layout files")
    func defaultsAndScoring() throws {
        #expect(LayoutDefaults.layouts == [.project: "project-jilin", .department: "department-jilin", .report: "report-gbt9704"])
        var defaults: [DocumentKind: [String]] = [:]
        for file in realLayoutFiles() {
            let layout = try loadLayout(file)
            if layout.isDefault { defaults[layout.document, default: []].append(layout.id) }
        }
        #expect(defaults == [.project: ["project-jilin"], .department: ["department-jilin"], .report: ["report-gbt9704"]])
        #expect(try loadLayout("project-national.yaml").scoring == "national")
        #expect(try loadLayout("project-jilin.yaml").scoring == "jilin")
        #expect(try loadLayout("project-sichuan.yaml").scoring == "sichuan")
        #expect(try loadLayout("department-fujian.yaml").scoring == "fujian-department")
        #expect(try loadLayout("department-hunan.yaml").scoring == nil)
    }
}
