import Evaluation
import Foundation
import Importing
import InputReading
import Layout
import Review
import Testing

@testable import FormPrint

/// The provincial layouts (issue: every province's forms from data files):
/// fields declared as data, spans anywhere, views of a written value,
/// formula cells and honest scores, each on a real render.
@Suite(.serialized)
struct ProvincialLayoutTests {
    static let examples = ["sichuan-2024", "fujian-2024", "chongqing-2024", "hunan-2024", "national-2024"]

    func pages(_ example: String) throws -> (document: UnitDocument, dump: String, files: [URL]) {
        let renderer = try UnitRenderer()
        let url = repositoryRoot.appendingPathComponent("Examples/\(example).yaml")
        let document = try UnitFiles.read(url)
        let unit = document.unit
        let computed = try renderer.scores(unit, plan: try renderer.catalog.plan(for: document, options: RenderOptions()))
        let dump = try UnitRenderer.documents(of: unit).filter { $0.kind != .report }.map { instance in
            PageDump.text(of: try renderer.layouter.layOut(document, computed, instance, layouts: [:]).pages)
        }.joined()
        let files = try UnitFiles.render(url, with: renderer, into: try temporaryFolder())
        return (document, dump, files)
    }

    @Test("each provincial example renders in its own structure; the page dump matches its snapshot", arguments: examples)
    func snapshot(example: String) throws {
        let (_, dump, files) = try pages(example)
        let snapshot = repositoryRoot.appendingPathComponent("Tests/FormPrintTests/Snapshots/\(example).txt")
        if ProcessInfo.processInfo.environment["FORMPRINT_RECORD_SNAPSHOTS"] == "1" {
            try dump.write(to: snapshot, atomically: true, encoding: .utf8)
        }
        #expect(dump == (try String(contentsOf: snapshot, encoding: .utf8)), "FORMPRINT_RECORD_SNAPSHOTS=1 swift test --filter ProvincialLayoutTests records it")
        for file in files where file.pathExtension == "pdf" {
            #expect(try run("qpdf", ["--check", file.path]).status == 0)
        }
    }

    @Test("every value of the unit file is printed: each written text is found in the PDF", arguments: examples)
    func nothingDropped(example: String) throws {
        let (document, _, files) = try pages(example)
        let text = squeezed(try files.filter { $0.pathExtension == "pdf" }.map { try run("pdftotext", ["-raw", $0.path, "-"]).output }.joined())
        let unit = document.unit
        var values: [String] = []
        for project in unit.projects {
            values += Project.typedKeys.map { project.value($0) } + project.extra.values
            values += project.funds.flatMap { row in FundsRow.typedKeys.map { row.value($0) } + row.extra.values }
            for indicator in project.indicators.flatMap(\.subcategories).flatMap(\.indicators) {
                values += Indicator.typedKeys.map { indicator.value($0) } + indicator.extra.values
            }
        }
        if let department = unit.department {
            values += DepartmentEvaluation.typedKeys.map { department.value($0) } + department.extra.values
            values += department.funds.flatMap { row in FundsRow.typedKeys.map { row.value($0) } + row.extra.values }
            for indicator in department.indicators.flatMap(\.subcategories).flatMap(\.indicators) {
                values += Indicator.typedKeys.map { indicator.value($0) } + indicator.extra.values
            }
        }
        // The 四川 form prints a target in three columns; look for its parts.
        let parts = values.filter { !$0.isEmpty }.flatMap { value -> [String] in
            example == "sichuan-2024" && value.first.map(WrittenValueParts.comparatorCharacters.contains) == true
                ? [WrittenValueParts(value).comparator, WrittenValueParts(value).number, WrittenValueParts(value).unit].filter { !$0.isEmpty }
                : [value]
        }
        let missing = parts.filter { !text.contains(squeezed($0)) }
        #expect(missing.isEmpty, "not printed: \(missing)")
    }

    @Test("every text run of the page dump is in the PDF at its place (pdftotext -bbox), in its own cell", arguments: examples)
    func textAtItsPlace(example: String) throws {
        let (document, _, files) = try pages(example)
        let renderer = try UnitRenderer()
        let computed = try renderer.scores(document.unit, plan: try renderer.catalog.plan(for: document, options: RenderOptions()))
        var checked = 0
        defer { #expect(checked > 40, "\(checked) runs checked") }
        for (instance, file) in zip(UnitRenderer.documents(of: document.unit).filter { $0.kind != .report }, files.filter { $0.pathExtension == "pdf" }) {
            let pages = try renderer.layouter.layOut(document, computed, instance, layouts: [:]).pages
            let xml = try run("pdftotext", ["-bbox", file.path, "-"]).output
            let words = xml.components(separatedBy: "<page ").dropFirst().map { page in
                page.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/).map {
                    (x: Double($0.1)!, top: Double($0.2)!, bottom: Double($0.3)!, text: String($0.4))
                }
            }
            #expect(words.count == pages.count)
            for (number, page) in pages.enumerated() where number < words.count {
                for case .text(let run) in page.items + page.overlay {
                    guard let first = run.text.split(separator: " ").first.map(String.init) else { continue }
                    let x = run.origin.x.points, y = run.origin.y.points
                    let found = words[number].contains { word in
                        abs(word.x - x) < 1.5 && word.top - 1 <= y && y <= word.bottom + 1
                            && word.text.replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&lt;", with: "<")
                                .replacingOccurrences(of: "&amp;", with: "&").hasPrefix(first)
                    }
                    #expect(found, "\(example) page \(number + 1): \(run.text) at \(x),\(y)")
                    checked += 1
                }
            }
        }
    }

    @Test("四川: the target is printed as 指标性质 | 指标值 | 度量单位, and 预算执行率 is computed where left blank")
    func sichuanViewsAndFormula() throws {
        let (_, dump, _) = try pages("sichuan-2024")
        let lines = dump.split(separator: "\n").map(String.init)
        func row(containing text: String) -> [String] {
            guard let line = lines.first(where: { $0.hasSuffix(" " + text) }), let y = line.split(separator: " ").dropFirst().first?.split(separator: ",").last
            else { return [] }
            return lines.filter { $0.split(separator: " ").dropFirst().first?.split(separator: ",").last == y }.compactMap { $0.split(separator: " ").last.map(String.init) }
        }
        #expect(row(containing: "法治宣传活动次数").starts(with: ["法治宣传活动次数", ">=", "12", "次", "15次"]))
        // 单位资金: 4.80 ÷ 5.00 = 96.00%, computed and marked; the 总额 row's entered 97.50% prints as entered.
        #expect(dump.contains("96.00%  [computed]"))
        #expect(dump.contains("97.50%\n"))
        // 0.00 ÷ 0.00 has no value: the cell stays empty rather than 0.00% or a guess.
        #expect(!dump.contains("0.00%  [computed]"))
    }

    @Test("福建: 小计④, ⑥, ⑦ and ⑧ are computed on exact decimals where left blank and agree where entered")
    func fujianFormulas() throws {
        let (document, dump, _) = try pages("fujian-2024")
        for value in ["1300.00  [computed]", "95.00%  [computed]", "65.00  [computed]", "5.00%  [computed]", "1000.00  [computed]"] {
            #expect(dump.contains(value), "\(value)")
        }
        #expect(try UnitChecker().check(document).findings.filter { $0.rule == .formulaDisagrees }.isEmpty)
    }

    @Test("福建 scores: a blank 得分 is computed from its 分值 (fujian-department profile), and the 合计 with it; none without 分值")
    func fujianDepartmentScores() throws {
        let url = repositoryRoot.appendingPathComponent("Examples/fujian-2024.yaml")
        var text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "weight: 30, score: 30}", with: "weight: 30}")
        text = text.replacingOccurrences(of: "  totalScore: \"100\"\n", with: "")
        let renderer = try UnitRenderer()
        let document = try UnitFileReader.read(text: text, file: "fujian.yaml")
        let computed = try renderer.scores(document.unit, plan: try renderer.catalog.plan(for: document, options: RenderOptions()))
        let dump = PageDump.text(of: try renderer.layouter.layOut(document, computed, .department, layouts: [:]).pages)
        #expect(dump.contains(" 30.00  [computed]"))
        #expect(dump.contains(" 100.00  [computed]"))
        // Without that 分值 there is no 得分 and no 合计, and FP504 says so.
        let unweighted = try UnitFileReader.read(text: text.replacingOccurrences(of: "weight: 30}", with: "}"), file: "fujian.yaml")
        let none = try renderer.scores(unweighted.unit, plan: try renderer.catalog.plan(for: unweighted, options: RenderOptions()))
        #expect(none.values.isEmpty, "\(none.values)")
        #expect(try UnitChecker().check(unweighted).findings.contains { $0.rule == .weightsPartlyEntered && $0.path.description.hasPrefix("department.indicators[1]") })
    }

    @Test("FP206: an entered formula cell that disagrees prints as entered and is a located finding")
    func formulaDisagreement() throws {
        let url = repositoryRoot.appendingPathComponent("Examples/fujian-2024.yaml")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "subtotal: 1350.00", with: "subtotal: 1300.00")
        let document = try UnitFileReader.read(text: text, file: "fujian.yaml")
        let found = try UnitChecker().check(document).findings.filter { $0.rule == .formulaDisagrees }
        #expect(found.first?.message.chinese == "小计④=①+②+③填写为1300.00，按公式 年初预算数 + 历年结余结转② + 年中调整金额③ 计算为1350.00（表格打印填写值）")
        // ⑥, ⑦ and ⑧ read the entered ④, so they now disagree too.
        #expect(found.map(\.path.description) == ["department.funds[5].subtotal", "department.funds[5].spendingRate",
                                                  "department.funds[5].balance", "department.funds[5].balanceRate"])
        #expect(found.first?.location?.line == 21)
        #expect(found.first?.path.description == "department.funds[5].subtotal")
        let renderer = try UnitRenderer()
        let dump = PageDump.text(of: try renderer.layouter.layOut(document, .none, .department, layouts: [:]).pages)
        #expect(dump.contains(" 1300.00\n") && !dump.contains("1350.00  [computed]"))
    }

    @Test("重庆: 指标得分 = 指标权重 × 得分系数 where left blank (90% of 20 = 18.00)")
    func chongqingScoreFormula() throws {
        let (_, dump, _) = try pages("chongqing-2024")
        #expect(dump.contains("18.00  [computed]"))
        #expect(dump.contains("30.00  [computed]"))
        #expect(dump.contains("96.00%  [computed]"))   // 864 ÷ 900
    }

    @Test("national (A)/(B): the unit entered every 分值, so 得分, 总分 and 等级 are computed and marked")
    func nationalScores() throws {
        let (_, dump, _) = try pages("national-2024")
        // 执行率 92% → 9.20; 改造农村户厕 286/300 × 20 = 19.07; others met.
        for value in ["9.20  [computed]", "19.07  [computed]", "98.27  [computed]", "评价等级：优"] {
            #expect(dump.contains(value), "\(value)")
        }
        // The 得分 the unit entered (项目完成时间: 10) is printed as entered.
        #expect(dump.contains(" 10\n"))
    }

    @Test("a new province is a data folder: a brand-new field and a formula column, no Swift change")
    func provinceFromData() throws {
        let folder = try temporaryFolder()
        let national = try String(contentsOf: repositoryRoot.appendingPathComponent("Layouts/project-national.yaml"), encoding: .utf8)
        var layout = national.replacingOccurrences(of: "id: project-national\n", with: "id: project-newprovince\n")
        layout = layout.replacingOccurrences(of: "page:\n", with: """
            fields:
              funds:
                - {key: reserve, label: 预备费, kind: money}
                - {key: available, label: 可用数, kind: money}
            page:

            """)
        layout = layout.replacingOccurrences(of: "{text: 全年预算数}, {text: 全年执行数}", with: "{text: 预备费}, {text: 可用数}")
        layout = layout.replacingOccurrences(of: "        - {field: annualBudget, style: number, format: money}\n        - {field: executed, style: number, format: money}\n",
                                             with: "        - {field: reserve, style: number, format: money}\n        - {field: available, style: number, format: money, formula: initialBudget - reserve}\n")
        try layout.write(to: folder.appendingPathComponent("project-newprovince.yaml"), atomically: true, encoding: .utf8)
        let unitText = """
            formprint: 1
            unit: {name: 新省示例单位}
            year: 2024
            layouts: {project: project-newprovince}
            projects:
              - name: 新省示例项目
                funds:
                  - {source: 年度资金总额, initialBudget: 100.00, reserve: 12.50}
                  - {source: 当年财政拨款, initialBudget: 80.00, reserve: 2.5, available: 70}

            """
        let unitURL = try temporaryFolder().appendingPathComponent("unit.yaml")
        try unitText.write(to: unitURL, atomically: true, encoding: .utf8)
        let renderer = try UnitRenderer(extraLayoutFolders: [folder])
        // Unknown without the layout's declaration…
        #expect(throws: InputFileError.self) { try UnitFiles.read(unitURL) }
        // …and read, printed and computed with it.
        let document = try UnitFiles.read(unitURL, fields: try renderer.catalog.fields)
        #expect(document.unit.projects[0].funds[0].extra == ["reserve": "12.50"])
        let dump = PageDump.text(of: try renderer.layouter.layOut(document, .none, .project(index: 0), layouts: [:]).pages)
        #expect(dump.contains(" 预备费\n") && dump.contains(" 可用数\n"))
        #expect(dump.contains("87.50  [computed]"))
        #expect(dump.contains(" 70.00\n"))
        // 80.00 − 2.5 = 77.50, not the 70 entered: FP206, and 70 is what prints.
        let checker = UnitChecker(profiles: try .standard(), catalog: renderer.catalog)
        #expect(try checker.check(document, layouts: [:]).findings.contains { $0.rule == .formulaDisagrees && $0.path.description == "projects[0].funds[1].available" })
        // The written unit file keeps the new field (round trip).
        let written = UnitFileWriter.yaml(document.unit, fields: try renderer.catalog.fields)
        #expect(written.contains("reserve: 12.50") && written.contains("# 预备费"))
        #expect(try UnitFileReader.read(text: written, file: "again.yaml", fields: try renderer.catalog.fields).unit == document.unit)
        // A paste of the new form is recognised as the new layout and its new field read back.
        let paste = try pastedText(document.unit, renderer)
        let imported = try PastedTextImporter.importText(paste, file: "新省.txt", options: ImportOptions(year: 2024, unitName: "新省示例单位", layouts: try renderer.catalog.all()))
        #expect(imported.unit.layouts[.project] == "project-newprovince")
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced)")
        // The form prints money with two decimals, so the paste holds 2.50 where the unit file wrote 2.5.
        #expect(imported.unit.projects[0].funds.map { $0.value("reserve") } == ["12.50", "2.50"])
    }

    @Test("every declared field round-trips: read → write → read gives the same unit", arguments: examples)
    func roundTrip(example: String) throws {
        let document = try UnitFiles.read(repositoryRoot.appendingPathComponent("Examples/\(example).yaml"))
        let again = try UnitFileReader.read(text: UnitFileWriter.yaml(document.unit), file: "again.yaml")
        #expect(again.unit == document.unit)
    }

    @Test("the registry declares every typed field, with its Chinese label")
    func registryCoversTypedFields() throws {
        let registry = try FieldRegistryReader.standard()
        let typed: [(FieldLevel, [String])] = [(.project, Project.typedKeys), (.funds, FundsRow.typedKeys), (.indicator, Indicator.typedKeys),
                                               (.department, DepartmentEvaluation.typedKeys), (.task, MainTask.typedKeys),
                                               (.signatures, Signatures.typedKeys)]
        for (level, keys) in typed {
            for key in keys { #expect(registry.declaration(key, at: level)?.label.isEmpty == false, "\(level).\(key)") }
        }
        #expect(registry.suggestion(for: "实施单住", at: .project)?.key == "implementingUnit")
        #expect(registry.suggestion(for: "调整后预算", at: .funds)?.key == "adjustedBudget")
    }

    @Test("the JSON Schema lists every declared field of every level")
    func schemaFollowsRegistry() throws {
        let schema = try String(contentsOf: repositoryRoot.appendingPathComponent("Schemas/unit.schema.json"), encoding: .utf8)
        let registry = try FieldRegistryReader.standard()
        let missing = FieldLevel.allCases.flatMap { level in
            registry.fields(at: level).map(\.key).filter { !$0.contains(".") && !schema.contains("\"\($0)\"") }.map { "\(level).\($0)" }
        }
        #expect(missing.isEmpty, "\(missing)")
    }
}

/// FP507 and the findings about empty fields, which depend on the layout.
@Suite
struct LayoutFieldCheckTests {
    @Test("FP507: a value the chosen layout does not print is named; the same value under a layout that prints it is not")
    func fieldNotPrinted() throws {
        var text = try String(contentsOf: exampleUnit, encoding: .utf8)
        text += "signatures:\n  projectLead: 张三\n"
        let document = try UnitFileReader.read(text: text, file: "seed.yaml")
        let checker = try UnitChecker()
        let found = try checker.check(document).findings.filter { $0.rule == .fieldNotPrinted }
        #expect(found.map(\.message.chinese) == ["项目负责人（projectLead）已填写，但所选表样 project-jilin、department-jilin 不打印该栏"])
        #expect(found.first?.path.description == "signatures.projectLead")
        #expect(found.first?.location?.line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        // The 四川 form has a 项目负责人 line.
        let sichuan = try checker.check(document, layouts: [.project: "project-sichuan"]).findings
        #expect(!sichuan.contains { $0.rule == .fieldNotPrinted && $0.path.description == "signatures.projectLead" })
        // …but not the 吉林 form's 实施单位 either way: it is printed by both.
        #expect(!sichuan.contains { $0.path.description == "projects[0].implementingUnit" && $0.rule == .fieldNotPrinted })
    }

    @Test("a form with no 目标值 column (湖南 评分表) is not told its targets are missing; the 吉林 form is")
    func emptyFieldFindingsFollowTheLayout() throws {
        let document = try UnitFiles.read(repositoryRoot.appendingPathComponent("Examples/hunan-2024.yaml"))
        let checker = try UnitChecker()
        #expect(try !checker.check(document).findings.contains { $0.rule == .missingTarget })
        #expect(try checker.check(document, layouts: [.department: "department-jilin"]).findings.contains { $0.rule == .missingTarget })
        // And under the 吉林 form the 评分标准 it does not print is named.
        #expect(try checker.check(document, layouts: [.department: "department-jilin"]).findings.contains {
            $0.rule == .fieldNotPrinted && $0.path.description.hasSuffix("scoringStandard")
        })
    }
}
