import Evaluation
import Foundation
import Layout
import Testing

/// `rows:`, `rows: all`, `view:`, `formula:` and `fields:` in layout files:
/// what loads, and the exact message for what cannot be honoured.
@Suite("Spans, views and formulas in layouts")
struct SpanAndFormulaLoaderTests {
    func layout(_ blocks: String, fields: String = "") -> String {
        """
        formprint-layout: 1
        id: spans
        document: project
        \(fields)
        page: {size: A4}
        styles:
          label: {family: song, size: 10.5pt, align: center}
        table:
          columns: [40mm, 40mm, 40mm, 40mm]
          cellStyle: label
          blocks:
        \(blocks)
        """
    }

    func messages(_ text: String) -> [String] { loadProblems(text).map { "\($0.location.line): \($0.message.english)" + ($0.hint.english.isEmpty ? "" : " — \($0.hint.english)") } }

    @Test("a cell spanning rows takes its columns in the rows below; the spec loads and binds as placed")
    func rowSpanLoadsAndBinds() throws {
        let text = layout("""
                - rows:
                    - [{text: 项目基本情况, rows: 2}, {text: 项目名称}, {text: "{project.name}", span: 2}]
                    - [{text: 实施单位}, {text: "{project.implementingUnit}", span: 2}]
            """)
        let spec = try LayoutLoader.load(text: text, file: "spans.yaml")
        guard case .table(let table) = spec.body else { Issue.record("not a table"); return }
        let unit = UnitEvaluation(name: "单位", year: 2024, projects: [Project(name: "项目甲", implementingUnit: "单位乙")])
        let bound = TableBinder.bind(unit, .project(index: 0), onto: spec, table: table)
        let placed = bound.cells.map { "\($0.row),\($0.column) \($0.rowSpan)×\($0.columnSpan) \($0.text)" }
        #expect(placed == ["0,0 2×1 项目基本情况", "0,1 1×1 项目名称", "0,2 1×2 项目甲", "1,1 1×1 实施单位", "1,2 1×2 单位乙"])
    }

    @Test("a row overrun by a cell spanning down, rows past the block, merge on text, rows: all outside a list: each named at its line")
    func spanProblems() {
        let text = layout("""
                - rows:
                    - [{text: a, rows: 2}, {text: b, span: 3}]
                    - [{text: c, span: 4}]
                - rows:
                    - [{text: d, rows: 3}, {text: e, span: 3}]
                - rows:
                    - [{text: f}, {text: g, merge: true}, {text: h, rows: all}, {text: i}]
            """)
        let expected: Set<String> = [
            "18: 'merge' does nothing on fixed text: only a field of a repeated row merges down over rows of the same value — remove 'merge: true', or span the cell over rows with rows: N",
            "18: 'rows: all' spans every row of a repeated list; this cell is not in one — give a number of rows, e.g. rows: 2",
            // c is placed after the cell spanning down into its row, so it overruns the table.
            "14: the row covers 5 columns but 4 are available — make the cells' spans (and those of cells spanning down from above) add up to 4",
            "16: the cell spans 3 rows but only 1 row is left in this part of the block — make 'rows' at most 1, or add the rows it spans",
        ]
        #expect(Set(messages(text)) == expected)
    }

    @Test("a formula over a field the row does not have, over text, or that cannot be read; a view of a non-value field")
    func formulaProblems() {
        let text = layout("""
                - each: project.funds
                  row:
                    - {field: source}
                    - {field: executed, formula: executd / annualBudget}
                    - {field: executionRate, formula: source / annualBudget}
                    - {field: weight, formula: "(executed +"}
                - each: project.indicators
                  row:
                    - {field: name, view: number}
                    - {field: target, view: digits}
                    - {field: actual, view: unit, formula: target}
                    - {field: score}
            """)
        #expect(Set(messages(text)) == [
            "15: the formula reads 'executd', which a row of project.funds does not have — did you mean 'executed'（全年执行数）?",
            "16: the formula reads 'source', a text field, not a number — formulas read money, percent, number or score fields",
            "17: the formula '(executed +' cannot be read: the formula ends where a field or number was expected — write fields and numbers with + - * / and brackets, e.g. executed / adjustedBudget",
            "20: 'view: number' shows a part of a written indicator value, but 'name' is text — use it on target, actual or another field of kind value",
            "21: unknown view 'digits' — use one of: comparator, number, unit",
            "22: the formula reads 'target', a value field, not a number — formulas read money, percent, number or score fields",
            "22: a cell has either 'view' or 'formula', not both",
        ])
    }

    @Test("a layout's own fields: section declares a new field; a field it does not declare is still unknown")
    func declaredFields() throws {
        let fields = """
            fields:
              indicator:
                - {key: benchmark, label: 标杆值, kind: value}
            """
        let good = layout("""
                - each: project.indicators
                  row:
                    - {field: name}
                    - {field: benchmark, view: number}
                    - {field: target}
                    - {field: actual}
            """, fields: fields)
        let spec = try LayoutLoader.load(text: good, file: "fields.yaml")
        #expect(spec.fields.declaration("benchmark", at: .indicator)?.label == "标杆值")
        let bad = good.replacingOccurrences(of: "{field: benchmark, view: number}", with: "{field: benchmarc}")
        #expect(messages(bad).contains { $0.contains("unknown field 'benchmarc' in project.indicators") && $0.contains("did you mean 'benchmark'（标杆值）?") })
    }

    @Test("a formula in the form's words: fields by their labels, × ÷ −, brackets only where the order needs them")
    func formulaInLabels() throws {
        let labels = ["executed": "预算执行数", "adjustedBudget": "调整后预算数", "a": "甲", "b": "乙", "c": "丙"]
        func words(_ text: String) throws -> String { try Formula.parse(text).described { labels[$0] ?? $0 } }
        #expect(try words("executed / adjustedBudget") == "预算执行数 ÷ 调整后预算数")
        #expect(try words("(a - b) / a") == "(甲 − 乙) ÷ 甲")
        #expect(try words("a - (b + c)") == "甲 − (乙 + 丙)")
        #expect(try words("a - b + c") == "甲 − 乙 + 丙")
        #expect(try words("a * b / c") == "甲 × 乙 ÷ 丙")
        #expect(try words("a / (b * c)") == "甲 ÷ (乙 × 丙)")
        #expect(try words("a + b * 2") == "甲 + 乙 × 2")
    }
}
