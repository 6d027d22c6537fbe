import Evaluation
import Support
import InputReading

/// Writes a unit as a unit file (`formprint: 1`) laid out for people: keys
/// always in the same order, a comment naming each field's label on the
/// printed form (as in `Examples/liuhe-2024.yaml`), indicators one per line,
/// empty optional fields left out. Reading the file back with
/// `UnitFileReader` gives the same `UnitEvaluation`.
package enum UnitFileWriter {
    /// `header` lines become comments at the top of the file.
    package static func yaml(_ unit: UnitEvaluation, header: [String] = [], fields: FieldRegistry? = nil) -> String {
        var out = YAMLOutput(registry: fields ?? (try? FieldRegistryReader.standard()) ?? FieldRegistry())
        for line in header.flatMap({ $0.split(separator: "\n", omittingEmptySubsequences: false) }) { out.comment(String(line)) }
        out.line(0, "formprint: \(UnitFileReader.formatVersion)", comment: "FormPrint unit file format version")
        out.blank()
        out.line(0, "unit:")
        out.line(2, "name: " + YAMLScalar.format(unit.name), comment: "单位名称")
        out.blank()
        out.line(0, "year: \(unit.year)", comment: "the evaluated budget year")
        if !unit.layouts.isEmpty {
            out.line(0, "layouts:", comment: "layout per document kind")
            for kind in DocumentKind.allCases {
                if let id = unit.layouts[kind] { out.line(2, "\(kind.rawValue): " + YAMLScalar.format(id)) }
            }
        }
        if !unit.lines.isEmpty {
            out.line(0, "lines: [" + unit.lines.sorted().map { YAMLScalar.format($0, inFlow: true) }.joined(separator: ", ") + "]",
                     comment: "optional lines printed as in the unit's own form (--line)")
        }
        if !unit.projects.isEmpty {
            out.blank()
            out.line(0, "projects:", comment: "项目支出绩效自评表, one per project")
            for (index, project) in unit.projects.enumerated() { writeProject(project, first: index == 0, &out) }
        }
        if let department = unit.department {
            out.blank()
            writeDepartment(department, &out)
        }
        if let report = unit.report {
            out.blank()
            writeReport(report, projects: unit.projects, &out)
        }
        if unit.signatures != Signatures() {
            out.blank()
            writeSignatures(unit.signatures, &out)
        }
        return out.text
    }

    private static func writeProject(_ project: Project, first: Bool, _ out: inout YAMLOutput) {
        out.item(4, "name: " + YAMLScalar.format(project.name), comment: out.label("name", at: .project))
        out.optional(4, "competentDepartment", project.competentDepartment, comment: out.label("competentDepartment", at: .project))
        out.optional(4, "implementingUnit", project.implementingUnit, comment: out.label("implementingUnit", at: .project))
        if !project.funds.isEmpty {
            out.line(4, "funds:", comment: "资金情况（万元）")
            for (index, row) in project.funds.enumerated() {
                let label = index == 0
                // The first row says what each column is; 分值 and 得分 are
                // commented on every row, since only the total row has them.
                out.item(8, "source: " + YAMLScalar.format(row.source), comment: label ? out.label("source", at: .funds) : nil)
                for key in ["initialBudget", "annualBudget", "executed", "executionRate"] {
                    out.optional(8, key, row.value(key), comment: label ? out.label(key, at: .funds) : nil)
                }
                for key in ["weight", "score"] { out.optional(8, key, row.value(key), comment: out.label(key, at: .funds)) }
                out.extra(8, row)
            }
        }
        if project.goal != Goal() {
            out.line(4, "goal:", comment: "年度总体目标")
            out.optional(6, "expected", project.goal.expected, comment: out.label("goal.expected", at: .project))
            out.optional(6, "actual", project.goal.actual, comment: out.label("goal.actual", at: .project))
        }
        if !project.indicators.isEmpty {
            out.line(4, "indicators:", comment: "绩效指标: 一级 → 二级 → 三级")
            writeIndicators(project.indicators, indent: 8, &out)
        }
        out.optional(4, "totalScore", project.totalScore, comment: out.label("totalScore", at: .project))
        out.optional(4, "grade", project.grade, comment: out.label("grade", at: .project))
        out.extra(4, project)
    }

    private static func writeIndicators(_ categories: [IndicatorCategory], indent: Int, _ out: inout YAMLOutput) {
        for (index, category) in categories.enumerated() {
            out.item(indent, "category: " + YAMLScalar.format(category.name), comment: index == 0 ? "一级指标" : nil)
            guard !category.subcategories.isEmpty else { continue }
            out.line(indent, "subcategories:")
            for (subIndex, subcategory) in category.subcategories.enumerated() {
                let label = index == 0 && subIndex == 0
                out.item(indent + 4, "category: " + YAMLScalar.format(subcategory.name), comment: label ? "二级指标" : nil)
                guard !subcategory.indicators.isEmpty else { continue }
                out.line(indent + 4, "indicators:", comment: label ? "三级指标: 指标值, 完成值 (分值, 得分, 偏差原因)" : nil)
                for indicator in subcategory.indicators { writeIndicator(indicator, indent: indent + 8, &out) }
            }
        }
    }

    /// One indicator on one line when it fits, else one field per line.
    private static func writeIndicator(_ indicator: Indicator, indent: Int, _ out: inout YAMLOutput) {
        let fields = ([("name", indicator.name), ("target", indicator.target), ("actual", indicator.actual),
                       ("weight", indicator.weight), ("score", indicator.score), ("deviation", indicator.deviation)]
                      + out.extraFields(indicator))
            .filter { $0.0 == "name" || !$0.1.isEmpty }
        let flow = "{" + fields.map { "\($0.0): " + YAMLScalar.format($0.1, inFlow: true) }.joined(separator: ", ") + "}"
        if flow.count <= 100 {
            out.item(indent, flow)
        } else {
            for (index, field) in fields.enumerated() {
                let text = "\(field.0): " + YAMLScalar.format(field.1)
                if index == 0 { out.item(indent, text) } else { out.line(indent, text) }
            }
        }
    }

    private static func writeDepartment(_ department: DepartmentEvaluation, _ out: inout YAMLOutput) {
        out.line(0, "department:", comment: "部门整体支出绩效自评表")
        out.line(2, "name: " + YAMLScalar.format(department.name), comment: out.label("name", at: .department))
        out.optional(2, "annualGoal", department.annualGoal, comment: out.label("annualGoal", at: .department))
        out.optional(2, "goalCompletion", department.goalCompletion, comment: out.label("goalCompletion", at: .department))
        out.extra(2, department)
        if !department.funds.isEmpty {
            out.line(2, "funds:", comment: "资金情况（万元）")
            for row in department.funds {
                out.item(6, "source: " + YAMLScalar.format(row.source), comment: out.label("source", at: .funds))
                for key in FundsRow.typedKeys.dropFirst() {
                    out.optional(6, key, row.value(key), comment: out.label(key, at: .funds))
                }
                out.extra(6, row)
            }
        }
        if !department.tasks.isEmpty {
            out.line(2, "tasks:", comment: "年度主要任务")
            for (index, task) in department.tasks.enumerated() {
                let label = index == 0
                if task.number.isEmpty {
                    out.item(6, "name: " + YAMLScalar.format(task.name), comment: label ? out.label("name", at: .task) : nil)
                } else {
                    out.item(6, "number: " + YAMLScalar.format(task.number), comment: label ? out.label("number", at: .task) : nil)
                    out.line(6, "name: " + YAMLScalar.format(task.name), comment: label ? out.label("name", at: .task) : nil)
                }
                out.optional(6, "content", task.content, comment: label ? "主要内容" : nil)
                out.optional(6, "completion", task.completion, comment: label ? "实际完成情况" : nil)
                out.extra(6, task)
            }
        }
        if !department.indicators.isEmpty {
            out.line(2, "indicators:", comment: "年度绩效目标完成情况")
            writeIndicators(department.indicators, indent: 6, &out)
        }
    }

    private static func writeReport(_ report: Report, projects: [Project], _ out: inout YAMLOutput) {
        out.line(0, "report:", comment: "部门整体支出绩效自评报告")
        out.line(2, "title: " + YAMLScalar.format(report.title), comment: "标题")
        if !report.sections.isEmpty {
            out.line(2, "sections:", comment: "headings without numbers: FormPrint numbers them")
            writeSections(report.sections, indent: 6, &out)
        }
        out.optional(2, "signature", report.signature, comment: "署名")
        out.optional(2, "date", report.date, comment: "成文日期")
        if report.sealed { out.line(2, "sealed: true", comment: "加盖印章") }
        if !report.attachments.isEmpty {
            out.line(2, "attachments:", comment: "附件说明")
            for attachment in report.attachments {
                out.item(6, "name: " + YAMLScalar.format(attachment.name))
                switch attachment.form {
                case nil: break
                case .department: out.line(6, "form: department", comment: "部门整体支出绩效自评表")
                case .project(let index):
                    out.line(6, "form: project", comment: "项目支出绩效自评表")
                    out.line(6, "project: " + YAMLScalar.format(projects[index].name))
                }
            }
        }
    }

    private static func writeSections(_ sections: [ReportSection], indent: Int, _ out: inout YAMLOutput) {
        for section in sections {
            out.item(indent, "heading: " + YAMLScalar.quoted(section.heading))
            if !section.paragraphs.isEmpty {
                out.line(indent, "paragraphs:")
                for paragraph in section.paragraphs { out.item(indent + 4, YAMLScalar.quoted(paragraph)) }
            }
            if !section.tables.isEmpty {
                out.line(indent, "tables:")
                for table in section.tables { writeTable(table, indent: indent + 4, &out) }
            }
            if !section.sections.isEmpty {
                out.line(indent, "sections:")
                writeSections(section.sections, indent: indent + 4, &out)
            }
        }
    }

    private static func writeTable(_ table: ReportTable, indent: Int, _ out: inout YAMLOutput) {
        func row(_ cells: [String]) -> String { "[" + cells.map(YAMLScalar.quoted).joined(separator: ", ") + "]" }
        out.item(indent, "title: " + YAMLScalar.quoted(table.title), comment: "表题")
        if let after = table.afterParagraph { out.line(indent, "after: \(after)", comment: "在第几段之后") }
        if !table.columns.isEmpty {
            out.line(indent, "columns: [" + table.columns.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: ", ") + "]")
        }
        if !table.header.isEmpty {
            out.line(indent, "header:", comment: "表头")
            for cells in table.header { out.item(indent + 4, row(cells)) }
        }
        out.line(indent, "rows:")
        for cells in table.rows { out.item(indent + 4, row(cells)) }
    }

    private static func writeSignatures(_ signatures: Signatures, _ out: inout YAMLOutput) {
        out.line(0, "signatures:", comment: "签字栏")
        out.optional(2, "unitHead", signatures.unitHead, comment: out.label("unitHead", at: .signatures))
        out.optional(2, "financeHead", signatures.financeHead, comment: out.label("financeHead", at: .signatures))
        out.optional(2, "projectLead", signatures.projectLead, comment: out.label("projectLead", at: .signatures))
        out.optional(2, "preparer", signatures.preparer, comment: out.label("preparer", at: .signatures))
        out.optional(2, "phone", signatures.phone, comment: "联系电话")
        out.optional(2, "date", signatures.date, comment: "填报日期")
        out.extra(2, signatures)
    }
}

/// Lines of YAML with their comments aligned.
private struct YAMLOutput {
    let registry: FieldRegistry
    private var lines: [String] = []

    init(registry: FieldRegistry) { self.registry = registry }

    /// The declared fields `value` carries beyond its typed ones, in the
    /// registry's order (undeclared keys, if any, after them by name).
    func extraFields<Value: FieldValues>(_ value: Value) -> [(String, String)] {
        let declared = registry.fields(at: Value.level).map(\.key).filter { value.extra[$0] != nil }
        let others = value.extra.keys.filter { !declared.contains($0) }.sorted()
        return (declared + others).map { ($0, value.extra[$0] ?? "") }
    }

    /// One line per extra field, commented with its label on the form.
    mutating func extra<Value: FieldValues>(_ indent: Int, _ value: Value) {
        for (key, text) in extraFields(value) {
            optional(indent, key, text, comment: label(key, at: Value.level))
        }
    }

    /// The field's label on the form, as the registry declares it: the
    /// comment beside its line.
    func label(_ key: String, at level: FieldLevel) -> String? { registry.declaration(key, at: level)?.label }
    /// Comments start at this display column when the line is shorter.
    private static let commentColumn = 44

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func comment(_ text: String) {
        lines.append(text.isEmpty ? "#" : "# " + text)
    }

    mutating func blank() { lines.append("") }

    mutating func line(_ indent: Int, _ text: String, comment: String? = nil) {
        append(String(repeating: " ", count: indent) + text, comment: comment)
    }

    /// The first line of a list item: "- " in the two columns before `indent`.
    mutating func item(_ indent: Int, _ text: String, comment: String? = nil) {
        append(String(repeating: " ", count: indent - 2) + "- " + text, comment: comment)
    }

    mutating func optional(_ indent: Int, _ key: String, _ value: String, comment: String?) {
        guard !value.isEmpty else { return }
        line(indent, "\(key): " + YAMLScalar.format(value), comment: comment)
    }

    private mutating func append(_ text: String, comment: String?) {
        guard let comment else {
            lines.append(text)
            return
        }
        let width = Self.displayWidth(text)
        let padding = width < Self.commentColumn - 1 ? Self.commentColumn - width : 2
        lines.append(text + String(repeating: " ", count: padding) + "# " + comment)
    }

    /// Columns on a terminal: CJK characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                || (0xFFE0...0xFFE6).contains(scalar.value) || (0x20000...0x3FFFD).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }
}
