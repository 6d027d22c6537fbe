import Evaluation
import Foundation
import Importing
import Layout
import TestSupport
import Testing

@testable import FormPrint

/// `formprint layouts learn`: a layout learned from a form's workbook reads
/// that workbook back into the same unit and prints the same texts in the
/// same order as the layout the workbook was printed from.
@Suite(.serialized)
struct LayoutLearnTests {
    /// Every built-in table layout, with the example that fills it.
    static let builtIns: [(layout: String, example: String, kind: DocumentKind)] = [
        ("project-jilin", "liuhe-2024", .project), ("department-jilin", "liuhe-2024", .department),
        ("project-national", "national-2024", .project), ("project-national-ab", "national-2024", .project),
        ("project-sichuan", "sichuan-2024", .project), ("department-fujian", "fujian-2024", .department),
        ("department-chongqing", "chongqing-2024", .department), ("department-hunan", "hunan-2024", .department),
    ]

    /// The sheets of `unit`'s forms of `kind`, printed by its layouts, with
    /// the merges of the printed grid and (for the first) the page setup.
    static func workbook(_ unit: UnitEvaluation, _ kind: DocumentKind, _ renderer: UnitRenderer, landscape: Bool? = nil) throws -> Data {
        let kinds = UnitRenderer.documents(of: unit).filter { $0.kind != .report }.map(\.kind)
        var sheets: [XLSXWorkbook.Sheet] = []
        for (index, grid) in try formGrids(unit, renderer).enumerated() where kinds[index] == kind {
            var sheet = XLSXWorkbook.Sheet(name: "表\(sheets.count + 1)")
            func reference(_ row: Int, _ column: Int) -> String { OfficialFormSheets.columnName(column + 2) + String(row + 3) }
            for (r, row) in grid.rows.enumerated() {
                for (c, text) in row.enumerated() where !text.isEmpty { sheet.text(reference(r, c), text) }
            }
            for (r1, c1, r2, c2) in grid.merges { sheet.merge(reference(r1, c1) + ":" + reference(r2, c2)) }
            // The printed layout's widths and orientation, as a template sets them
            // (Excel characters: (mm × 96 / 25.4 − 5) / 7).
            let layout = try renderer.catalog.layout(for: kind, requested: unit.layouts[kind])
            if case .table(let table) = layout.body {
                for (c, width) in table.columns.enumerated() {
                    let characters = (width.points * 25.4 / 72 * 96 / 25.4 - 5) / 7
                    sheet.columnWidths[c + 2] = String(format: "%.2f", characters)
                }
            }
            sheet.landscape = landscape ?? (layout.page.size.width > layout.page.size.height)
            sheets.append(sheet)
        }
        return try XLSXWorkbook(sheets: sheets).data()
    }

    /// The texts of a page dump in reading order, without what only
    /// pagination adds (page numbers, continued titles and marks).
    static func texts(_ dump: String) -> [String] {
        dump.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
            guard parts.first == "text", parts.count == 5 else { return nil }
            let text = String(parts[4]).replacingOccurrences(of: "  [computed]", with: "")
            if text.range(of: #"^第 \d+ 页 共 \d+ 页$"#, options: .regularExpression) != nil { return nil }
            // Lines only a continued page prints: its title and the name line under it.
            // The footer's plain lines ("（单位盖章）") are not in the workbook formGrids draws.
            if text == "（单位盖章）" { return nil }
            if text.hasSuffix("（续）") || ["项目名称：", "部门（单位）名称：", "部门名称：", "单位名称："].contains(where: text.hasPrefix) { return nil }
            return text.filter { !$0.isWhitespace }
        }
    }

    func example(_ name: String) throws -> UnitEvaluation {
        try UnitFiles.read(repositoryRoot.appendingPathComponent("Examples/\(name).yaml")).unit
    }

    /// Learns from `data` into a fresh folder; the layout and its folder.
    func learn(_ data: Data, id: String) throws -> (LayoutSpec, URL, LayoutLearner.Result) {
        let result = try LayoutLearner.learn(workbook: data, file: "表样.xlsx", sheet: nil, id: id)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("learn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(id).yaml")
        try Data(result.yaml.utf8).write(to: file)
        return (try LayoutLoader.load(contentsOf: file), folder, result)
    }

    func dump(_ unit: UnitEvaluation, _ kind: DocumentKind, _ renderer: UnitRenderer) throws -> String {
        let document = UnitDocument(unit: unit, source: SourceMap(file: "x"))
        return try UnitRenderer.documents(of: unit).filter { $0.kind == kind }.map { instance in
            PageDump.text(of: try renderer.layouter.layOut(document, .none, instance, layouts: [:]).pages)
        }.joined()
    }

    /// Each indicator's values that `original` wrote (a computed 得分 the
    /// form printed reads back as written); 一级/二级 when the form prints them.
    static func expectSameIndicators(_ read: [IndicatorCategory], _ original: [IndicatorCategory], _ label: String) {
        let (a, b) = (indicatorRows(read), indicatorRows(original))
        #expect(a.count == b.count, "\(label): \(a.count) vs \(b.count) indicators")
        let printsGroups = a.contains { !$0[0].isEmpty }
        for (x, y) in zip(a, b) {
            for index in y.indices where !y[index].isEmpty && (index > 1 || printsGroups) {
                #expect(x[index] == y[index], "\(label): \(y[2]) column \(index)")
            }
        }
    }

    static func indicatorRows(_ tree: [IndicatorCategory]) -> [[String]] {
        tree.flatMap { category in
            category.subcategories.flatMap { sub in
                sub.indicators.map { [category.name, sub.name, $0.name, $0.target, $0.actual, $0.weight, $0.score] }
            }
        }
    }

    /// Every value the example wrote is read back into the same field.
    static func expectSameFunds(_ read: [FundsRow], _ original: [FundsRow], _ label: String) {
        #expect(read.count == original.count, "\(label): \(read.map(\.source)) vs \(original.map(\.source))")
        for row in original {
            guard let found = read.first(where: { $0.source == row.source }) else {
                Issue.record("\(label): no funds row \(row.source)")
                continue
            }
            for key in FundsRow.typedKeys + row.extra.keys.sorted() where !row.value(key).isEmpty {
                #expect(found.value(key) == row.value(key), "\(label): \(row.source).\(key)")
            }
        }
    }

    @Test("a layout learned from each built-in form's workbook reads it back field by field and prints the same texts", arguments: builtIns.map(\.layout))
    func roundTrip(layoutID: String) throws {
        let (_, name, kind) = Self.builtIns.first { $0.layout == layoutID }!
        let renderer = try UnitRenderer()
        var unit = try example(name)
        unit.layouts[kind] = layoutID
        let data = try Self.workbook(unit, kind, renderer)
        let (learned, folder, result) = try learn(data, id: "learned-\(layoutID)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(learned.document == kind)

        let imported = try WorkbookImporter.importWorkbook(data, file: "表样.xlsx", options: ImportOptions(year: unit.year, layouts: [learned]))
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map(\.description))\n\(result.yaml)")
        switch kind {
        case .project:
            #expect(imported.unit.projects.map(\.name) == unit.projects.map(\.name))
            for (read, original) in zip(imported.unit.projects, unit.projects) {
                Self.expectSameFunds(read.funds, original.funds, original.name)
                Self.expectSameIndicators(read.indicators, original.indicators, original.name)
            }
        default:
            let (read, original) = (try #require(imported.unit.department), try #require(unit.department))
            #expect(read.name == original.name)
            Self.expectSameFunds(read.funds, original.funds, original.name)
            Self.expectSameIndicators(read.indicators, original.indicators, original.name)
            #expect(read.tasks.map { [$0.number, $0.name, $0.content, $0.completion] } == original.tasks.map { [$0.number, $0.name, $0.content, $0.completion] })
        }

        // The example printed by the learned layout: the same texts, in the same order.
        let learnedRenderer = try UnitRenderer(extraLayoutFolders: [folder])
        var relaid = unit
        relaid.layouts[kind] = learned.id
        let (builtIn, mine) = (Self.texts(try dump(unit, kind, renderer)), Self.texts(try dump(relaid, kind, learnedRenderer)))
        let joined = (builtIn.joined(), mine.joined())
        #expect(joined.0 == joined.1, "\(Self.firstDifference(builtIn, mine))\n\(result.yaml)")
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        let (x, y) = (a.joined(), b.joined())
        let common = zip(x, y).prefix { $0 == $1 }.count
        return "built-in: …\(x.dropFirst(max(0, common - 20)).prefix(80))\nlearned:  …\(y.dropFirst(max(0, common - 20)).prefix(80))"
    }

    /// A sheet written cell by cell: `put(row, column, text, across:, down:)`, 0-based, from B3.
    struct SheetBuilder {
        var sheet: XLSXWorkbook.Sheet
        init(_ name: String) { sheet = XLSXWorkbook.Sheet(name: name) }
        func reference(_ row: Int, _ column: Int) -> String { OfficialFormSheets.columnName(column + 2) + String(row + 3) }
        mutating func put(_ row: Int, _ column: Int, _ text: String, across: Int = 1, down: Int = 1) {
            if !text.isEmpty { sheet.text(reference(row, column), text) }
            if across > 1 || down > 1 { sheet.merge(reference(row, column) + ":" + reference(row + down - 1, column + across - 1)) }
        }
        mutating func row(_ row: Int, _ cells: [(String, Int)], from column: Int = 0) {
            var c = column
            for (text, span) in cells { put(row, c, text, across: span); c += span }
        }
    }

    /// 四川's 衔接资金 project form: no 年初预算数, a 备注 column the registry lacks.
    static func sichuanBridgingFunds() -> XLSXWorkbook.Sheet {
        var b = SheetBuilder("衔接资金")
        b.put(0, 0, "项目支出绩效自评表")
        b.put(1, 0, "（2024年度）")
        b.row(2, [("项目名称", 1), ("2024年衔接推进乡村振兴补助资金项目", 9)])
        b.row(3, [("主管部门", 1), ("示例县农业农村局", 4), ("实施单位", 1), ("示例县乡村振兴服务中心", 4)])
        b.put(4, 0, "项目资金（万元）", down: 3)
        b.row(4, [("资金来源", 2), ("全年预算数（A）", 1), ("全年执行数（B）", 1), ("执行率（B/A）", 1), ("分值", 1), ("得分", 1), ("备注", 2)], from: 1)
        b.row(5, [("年度资金总额", 2), ("300.00", 1), ("285.00", 1), ("95.00%", 1), ("10", 1), ("9.5", 1), ("按进度拨付", 2)], from: 1)
        b.row(6, [("其中：衔接资金", 2), ("300.00", 1), ("285.00", 1), ("95.00%", 1), ("—", 1), ("—", 1), ("", 2)], from: 1)
        b.put(7, 0, "绩效指标", down: 4)
        b.row(7, [("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年度指标值", 1), ("实际完成值", 1), ("分值", 1), ("得分", 1), ("偏差原因分析及改进措施", 2)], from: 1)
        b.put(8, 1, "产出指标", down: 2)
        b.put(8, 2, "数量指标", down: 2)
        b.row(8, [("新建产业路", 1), (">=12公里", 1), ("12.5公里", 1), ("30", 1), ("30", 1), ("", 2)], from: 3)
        b.row(9, [("受益农户", 1), (">=800户", 1), ("812户", 1), ("30", 1), ("30", 1), ("", 2)], from: 3)
        b.row(10, [("效益指标", 1), ("经济效益指标", 1), ("户均增收", 1), (">=2000元", 1), ("1800元", 1), ("30", 1), ("27", 1), ("价格下行", 2)], from: 1)
        b.row(11, [("总分", 7), ("100", 1), ("96.5", 1), ("", 1)])
        b.row(13, [("填表人：李四", 1), ("", 2), ("联系电话：0838-1234567", 1), ("", 2), ("填报日期：2025年3月1日", 1)])
        return b.sheet
    }

    /// 湖南·岳阳楼区's 整体绩效目标表 columns (指标值类型, 计量单位, 指标解释,
    /// 评（扣）分标准, 备注) on a 部门整体支出绩效自评表, 9 columns, no side labels.
    static func hunanTargets() -> XLSXWorkbook.Sheet {
        var b = SheetBuilder("目标表")
        b.put(0, 0, "部门整体支出绩效自评表")
        b.put(1, 0, "（2023年度）")
        b.row(2, [("部门（单位）名称", 2), ("示例区城市管理局", 7)])
        b.row(3, [("部门（单位）职责", 2), ("负责城市市容环境卫生管理", 7)])
        b.row(4, [("年度总体绩效目标", 2), ("道路清扫保洁全覆盖", 7)])
        b.row(5, [("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("指标值类型", 1), ("指标值", 1), ("计量单位", 1), ("指标解释", 1), ("评（扣）分标准", 1), ("备注", 1)])
        b.put(6, 0, "产出指标", down: 2)
        b.row(6, [("数量指标", 1), ("清扫面积", 1), ("定量", 1), (">=500", 1), ("万平方米", 1), ("年度清扫总面积", 1), ("每少1%扣1分", 1), ("", 1)], from: 1)
        b.row(7, [("质量指标", 1), ("保洁达标率", 1), ("定量", 1), (">=95%", 1), ("%", 1), ("达标路段占比", 1), ("未达标扣2分", 1), ("抽查", 1)], from: 1)
        b.row(8, [("满意度指标", 1), ("服务对象满意度", 1), ("群众满意度", 1), ("定性", 1), ("应保尽保", 1), ("", 1), ("问卷调查", 1), ("低于90%扣3分", 1), ("", 1)])
        b.row(10, [("单位负责人：王五", 3), ("填表人：赵六", 3), ("填报日期：2024年3月5日", 3)])
        return b.sheet
    }

    @Test("two variants not built in are learned, their new fields declared, and a filled copy imports and prints")
    func variantsNotBuiltIn() throws {
        // 四川 衔接资金
        let sichuan = try XLSXWorkbook(sheets: [Self.sichuanBridgingFunds()]).data()
        let (project, projectFolder, projectResult) = try learn(sichuan, id: "sichuan-bridging")
        defer { try? FileManager.default.removeItem(at: projectFolder) }
        #expect(project.document == .project)
        #expect(project.fields.fields(at: .funds).map(\.key) == ["remarks"], "\(projectResult.yaml)")
        #expect(projectResult.yaml.contains("formula: \"executed / annualBudget\""), "\(projectResult.yaml)")
        #expect(projectResult.notes.contains { $0.message.chinese.contains("备注") && $0.place.hasPrefix("衔接资金!") })
        let importedProject = try WorkbookImporter.importWorkbook(sichuan, file: "衔接资金.xlsx", options: ImportOptions(layouts: [project]))
        #expect(importedProject.unplaced.isEmpty, "\(importedProject.unplaced.map(\.description))\n\(projectResult.yaml)")
        let read = try #require(importedProject.unit.projects.first)
        #expect(read.name == "2024年衔接推进乡村振兴补助资金项目" && read.implementingUnit == "示例县乡村振兴服务中心")
        #expect(read.funds.map(\.source) == ["年度资金总额", "其中：衔接资金"])
        #expect(read.funds.first?.annualBudget == "300.00" && read.funds.first?.executed == "285.00" && read.funds.first?.value("remarks") == "按进度拨付")
        #expect(read.funds.first?.weight == "10" && read.funds.first?.score == "9.5")
        #expect(Self.indicatorRows(read.indicators).map { $0[2] } == ["新建产业路", "受益农户", "户均增收"])
        #expect(Self.indicatorRows(read.indicators)[2] == ["效益指标", "经济效益指标", "户均增收", ">=2000元", "1800元", "30", "27"])
        let projectRenderer = try UnitRenderer(extraLayoutFolders: [projectFolder])
        let projectTexts = Self.texts(try dump(importedProject.unit, .project, projectRenderer)).joined()
        for text in ["项目支出绩效自评表", "（2024年度）", "2024年衔接推进乡村振兴补助资金项目", "按进度拨付", "户均增收", "价格下行", "填表人：", "李四"] {
            #expect(projectTexts.contains(text), "\(text)")
        }

        // 湖南 目标表 columns
        let hunan = try XLSXWorkbook(sheets: [Self.hunanTargets()]).data()
        let (department, departmentFolder, departmentResult) = try learn(hunan, id: "hunan-targets")
        defer { try? FileManager.default.removeItem(at: departmentFolder) }
        #expect(department.document == .department)
        #expect(department.fields.fields(at: .indicator).map(\.key) == ["remarks"], "\(departmentResult.yaml)")
        #expect(department.fields.fields(at: .department).count == 2, "\(departmentResult.yaml)")
        let importedDepartment = try WorkbookImporter.importWorkbook(hunan, file: "目标表.xlsx", options: ImportOptions(layouts: [department]))
        #expect(importedDepartment.unplaced.isEmpty, "\(importedDepartment.unplaced.map(\.description))\n\(departmentResult.yaml)")
        let unit = try #require(importedDepartment.unit.department)
        #expect(unit.name == "示例区城市管理局")
        let indicators = unit.indicators.flatMap(\.subcategories).flatMap(\.indicators)
        #expect(indicators.map(\.name) == ["清扫面积", "保洁达标率", "群众满意度"])
        #expect(indicators.map { $0.value("nature") } == ["定量", "定量", "定性"])
        #expect(indicators.map { $0.value("measureUnit") } == ["万平方米", "%", ""])
        #expect(indicators[1].value("remarks") == "抽查" && indicators[0].value("scoringStandard") == "每少1%扣1分")
        let departmentRenderer = try UnitRenderer(extraLayoutFolders: [departmentFolder])
        let departmentTexts = Self.texts(try dump(importedDepartment.unit, .department, departmentRenderer)).joined()
        for text in ["部门整体支出绩效自评表", "（2023年度）", "负责城市市容环境卫生管理", "应保尽保", "抽查", "王五"] {
            #expect(departmentTexts.contains(text), "\(text)")
        }
    }

    @Test("a layout is learned from an .xls written by another program (xlwt), and reads that workbook back")
    func learnsFromXLS() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/ImportingTests/Fixtures/xlwt-jilin-2024.xls"))
        let result = try LayoutLearner.learn(workbook: data, file: "表样.xls", sheet: nil, id: "learned-xls")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("learn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("learned-xls.yaml")
        try Data(result.yaml.utf8).write(to: file)
        let learned = try LayoutLoader.load(contentsOf: file)
        #expect(learned.document == .project)
        // The learned layout is the only project layout; the sheet of the department form keeps its built-in one.
        let others = try LayoutCatalog.standard().all().filter { $0.document != .project }
        let imported = try UnitImporter.importData(data, file: "自评表.xls", options: ImportOptions(layouts: others + [learned]))
        #expect(imported.unit.layouts[.project] == "learned-xls")
        let original = try example("liuhe-2024")
        let project = try #require(imported.unit.projects.first)
        #expect(project.name == original.projects[0].name)
        Self.expectSameFunds(project.funds, original.projects[0].funds, "xls")
        Self.expectSameIndicators(project.indicators, original.projects[0].indicators, "xls")
    }

    @Test("column widths and the page setup of the sheet set the layout's columns and orientation")
    func widthsAndOrientation() throws {
        var sheet = Self.hunanTargets()
        sheet.columnWidths = [2: "10", 3: "10", 4: "20", 5: "10", 6: "10", 7: "10", 8: "30", 9: "30", 10: "10"]
        sheet.landscape = true
        let (layout, folder, _) = try learn(try XLSXWorkbook(sheets: [sheet]).data(), id: "widths")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .table(let table) = layout.body else { Issue.record("not a table"); return }
        #expect(layout.page.size.width > layout.page.size.height)
        let widths = table.columns.map { $0.points * 25.4 / 72 }
        #expect(widths.count == 9)
        #expect(abs(widths[2] - 2 * widths[0]) < 1.5 && abs(widths[6] - widths[7]) < 0.01)
        #expect(widths.reduce(0, +) <= 257.01)
    }

    @Test("formprint layouts learn writes a file that formprint layouts check accepts, and says what it guessed in both languages")
    func commandLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("learn-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("衔接资金.xlsx")
        try XLSXWorkbook(sheets: [Self.sichuanBridgingFunds()]).data().write(to: workbook)
        let out = folder.appendingPathComponent("layouts")
        let learned = try runFormPrint(["layouts", "learn", workbook.path, "-o", out.path, "--id", "sichuan-bridging"])
        #expect(learned.status == 0, "\(learned.errors)")
        #expect(learned.output.contains("衔接资金!") && learned.output.contains("declared as a new field remarks"), "\(learned.output)")
        let chinese = try runFormPrint(["layouts", "learn", workbook.path, "-o", out.path, "--id", "sichuan-bridging", "--lang", "zh"])
        #expect(chinese.output.contains("已声明为新字段remarks"), "\(chinese.output)")
        let file = out.appendingPathComponent("sichuan-bridging.yaml")
        let checked = try runFormPrint(["layouts", "check", file.path])
        #expect(checked.status == 0 && checked.output.contains("ok (sichuan-bridging, project)"), "\(checked.output)\(checked.errors)")
        let missingSheet = try runFormPrint(["layouts", "learn", workbook.path, "-o", out.path, "--sheet", "无此表"])
        #expect(missingSheet.status == 1 && missingSheet.errors.contains("no sheet '无此表'"), "\(missingSheet.errors)")
    }
}
