import Evaluation
import InputReading
import Foundation
import Support
import Yams

/// Reads a unit file (YAML, or JSON — which the YAML reader also accepts)
/// into a `UnitDocument`. The format is documented in README.md and
/// `Examples/liuhe-2024.yaml`.
package enum UnitFileReader {
    /// The format version this reader understands (`formprint: 1`).
    package static let formatVersion = 1

    package static func read(contentsOf url: URL, fields: FieldRegistry? = nil) throws -> UnitDocument {
        try read(text: try YAMLDocument.text(contentsOf: url), file: url.path, fields: fields)
    }

    /// `fields` are the fields the file may carry beyond the structure
    /// (default: the built-in registry, `Layouts/fields.yaml`). Every
    /// unknown field of the file is reported at once.
    package static func read(text: String, file: String, fields: FieldRegistry? = nil) throws -> UnitDocument {
        let root = try YAMLDocument.compose(text, file: file)
        let reader = NodeReader(file: file)
        let context = ReadContext(reader: reader, registry: try fields ?? FieldRegistryReader.standard())
        let unit = try readUnit(root, context)
        if !context.unknown.isEmpty {
            let unknown = context.unknown.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
            throw InputFileError(.unknownFields(unknown), at: unknown[0].location, path: unknown[0].path)
        }
        return UnitDocument(unit: unit, source: reader.sourceMap)
    }

    /// The reader, the declared fields, and the unknown fields found so far.
    final class ReadContext {
        let reader: NodeReader
        let registry: FieldRegistry
        var unknown: [UnknownField] = []

        init(reader: NodeReader, registry: FieldRegistry) {
            self.reader = reader
            self.registry = registry
        }

        /// Reads the declared fields of `level` that the structure did not
        /// ask for into `value`, and records every other key as unknown.
        func finish<Value: FieldValues>(_ fields: inout ObjectReader, into value: inout Value) throws {
            for (keyNode, valueNode) in fields.mapping {
                guard let key = keyNode.string, Value.typedKeys.contains(key) || registry.declaration(key, at: Value.level) != nil,
                      fields.value(key) != nil else { continue }
                value.setValue(try reader.text(valueNode, at: fields.path.appending(key)), key)
            }
            finish(fields, level: Value.level)
        }

        /// Records the keys nobody asked for, suggesting the nearest asked
        /// key or declared field (by key or Chinese label).
        func finish(_ fields: ObjectReader, level: FieldLevel? = nil) {
            for unknown in fields.unknownKeys() {
                let declared = level.flatMap { registry.suggestion(for: unknown.key, at: $0) }
                let asked = unknown.suggestion.map { key in
                    FieldSuggestion(key: key, label: level.flatMap { registry.declaration(key, at: $0)?.label })
                }
                self.unknown.append(UnknownField(name: unknown.key, suggestion: declared ?? asked, location: unknown.location, path: fields.path))
            }
        }
    }

    // MARK: - The unit file's structure, one function per model type

    private static func readUnit(_ node: Node, _ context: ReadContext) throws -> UnitEvaluation {
        let reader = context.reader
        var fields = try reader.object(node, at: FieldPath())
        let version = try fields.requiredInteger("formprint", in: 1...1,
            hint: Message(chinese: "请在文件开头写“formprint: 1”（本版FormPrint读取的单位文件格式版本）。",
                          english: "Start the file with 'formprint: 1' (the unit file format version this FormPrint reads)."))
        guard version == formatVersion else {
            throw InputFileError(.invalidValue(Message(chinese: "未知的格式版本\(version)", english: "unknown format version \(version)"),
                                               hint: Message(chinese: "请写 formprint: 1", english: "write formprint: 1")),
                                 at: reader.location(of: node), path: "formprint")
        }
        var unitFields = try fields.optionalObject("unit") ?? {
            throw InputFileError(.missingField("unit"), at: reader.location(of: node), path: FieldPath())
        }()
        let name = try unitFields.requiredText("name")
        context.finish(unitFields)
        let year = try fields.requiredInteger("year", in: 1990...2100,
            hint: Message(chinese: "请用四位数字写评价的预算年度，例如“year: 2024”。", english: "Write the evaluated budget year as four digits, e.g. 'year: 2024'."))
        let layouts = try readLayoutChoice(&fields, context)
        let lines = Set(try fields.list("lines") { node, path in try reader.text(node, at: path) }.map { $0.trimmingSpaces() }.filter { !$0.isEmpty })
        let projects = try fields.list("projects") { try readProject($0, $1, context) }
        let department = try fields.optionalObject("department").map { try readDepartment($0, context) }
        let report = try fields.optionalObject("report").map { try readReport($0, context, projects: projects) }
        var signatures = Signatures()
        if var signatureFields = try fields.optionalObject("signatures") {
            try context.finish(&signatureFields, into: &signatures)
        }
        context.finish(fields)
        return UnitEvaluation(name: name, year: year, projects: projects, department: department, report: report,
                              signatures: signatures, layouts: layouts, lines: lines)
    }

    private static func readLayoutChoice(_ fields: inout ObjectReader, _ context: ReadContext) throws -> [DocumentKind: String] {
        guard var choice = try fields.optionalObject("layouts") else { return [:] }
        var layouts: [DocumentKind: String] = [:]
        for kind in DocumentKind.allCases {
            let id = try choice.text(kind.rawValue)
            if !id.isEmpty { layouts[kind] = id }
        }
        context.finish(choice)
        return layouts
    }

    private static func readProject(_ node: Node, _ path: FieldPath, _ context: ReadContext) throws -> Project {
        let reader = context.reader
        var fields = try reader.object(node, at: path)
        var project = Project(name: try fields.requiredText("name"))
        project.competentDepartment = try fields.text("competentDepartment")
        project.implementingUnit = try fields.text("implementingUnit")
        project.funds = try fields.list("funds") { try readFunds($0, $1, context) }
        if var goal = try fields.optionalObject("goal") {
            project.goal = Goal(expected: try goal.text("expected"), actual: try goal.text("actual"))
            context.finish(goal)
        }
        project.indicators = try fields.list("indicators") { try readCategory($0, $1, context) }
        project.totalScore = try fields.text("totalScore")
        project.grade = try fields.text("grade")
        try context.finish(&fields, into: &project)
        return project
    }

    private static func readFunds(_ node: Node, _ path: FieldPath, _ context: ReadContext) throws -> FundsRow {
        var fields = try context.reader.object(node, at: path)
        var row = FundsRow(source: try fields.requiredText("source"))
        for key in FundsRow.typedKeys.dropFirst() { row.setValue(try fields.text(key), key) }
        try context.finish(&fields, into: &row)
        return row
    }

    private static func readCategory(_ node: Node, _ path: FieldPath, _ context: ReadContext) throws -> IndicatorCategory {
        let reader = context.reader
        var fields = try reader.object(node, at: path)
        let name = try fields.requiredText("category")
        let subcategories = try fields.list("subcategories") { node, path in
            var sub = try reader.object(node, at: path)
            let subName = try sub.requiredText("category")
            let indicators = try sub.list("indicators") { try readIndicator($0, $1, context) }
            context.finish(sub)
            return IndicatorSubcategory(name: subName, indicators: indicators)
        }
        context.finish(fields)
        return IndicatorCategory(name: name, subcategories: subcategories)
    }

    private static func readIndicator(_ node: Node, _ path: FieldPath, _ context: ReadContext) throws -> Indicator {
        var fields = try context.reader.object(node, at: path)
        var indicator = Indicator(name: try fields.requiredText("name"))
        for key in Indicator.typedKeys.dropFirst() { indicator.setValue(try fields.text(key), key) }
        try context.finish(&fields, into: &indicator)
        return indicator
    }

    private static func readDepartment(_ fields: ObjectReader, _ context: ReadContext) throws -> DepartmentEvaluation {
        let reader = context.reader
        var fields = fields
        var department = DepartmentEvaluation(name: try fields.requiredText("name"))
        department.annualGoal = try fields.text("annualGoal")
        department.goalCompletion = try fields.text("goalCompletion")
        department.funds = try fields.list("funds") { try readFunds($0, $1, context) }
        department.tasks = try fields.list("tasks") { node, path in
            var row = try reader.object(node, at: path)
            var task = MainTask(number: try row.text("number"), name: try row.requiredText("name"),
                                content: try row.text("content"), completion: try row.text("completion"))
            try context.finish(&row, into: &task)
            return task
        }
        department.indicators = try fields.list("indicators") { try readCategory($0, $1, context) }
        try context.finish(&fields, into: &department)
        return department
    }

    private static func readReport(_ fields: ObjectReader, _ context: ReadContext, projects: [Project]) throws -> Report {
        let reader = context.reader
        var fields = fields
        let title = try fields.requiredText("title")
        let sections = try fields.list("sections") { try readSection($0, $1, context) }
        let signature = try fields.text("signature")
        let date = try fields.text("date")
        var sealed = false
        if let node = fields.value("sealed") {
            switch try reader.text(node, at: fields.path.appending("sealed")) {
            case "true", "yes": sealed = true
            case "false", "no": sealed = false
            case let other:
                throw InputFileError(.invalidValue(.notTrueOrFalse(other),
                                                   hint: Message(chinese: "报告加盖单位公章时写 sealed: true", english: "write sealed: true when the report is stamped with the unit's seal")),
                                     at: reader.location(of: node), path: fields.path.appending("sealed"))
            }
        }
        let attachments = try fields.list("attachments") { try readAttachment($0, $1, context, projects: projects) }
        context.finish(fields)
        return Report(title: title, sections: sections, signature: signature, date: date, sealed: sealed, attachments: attachments)
    }

    /// `{name: …, form: department}` or `{name: …, form: project, project: 项目名称}`;
    /// the project is named, not numbered, so reordering projects cannot
    /// attach the wrong form.
    private static func readAttachment(_ node: Node, _ path: FieldPath, _ context: ReadContext, projects: [Project]) throws -> ReportAttachment {
        let reader = context.reader
        var fields = try reader.object(node, at: path)
        let name = try fields.requiredText("name")
        let formText = try fields.text("form")
        let projectName = try fields.text("project")
        var form: AttachedForm?
        switch formText {
        case "": form = nil
        case "department": form = .department
        case "project":
            if let index = projects.firstIndex(where: { $0.name == projectName }) {
                form = .project(index)
            } else if projectName.isEmpty && projects.count == 1 {
                form = .project(0)
            } else {
                let names = projects.map(\.name)
                let hint = nearest(to: projectName, in: names).map { Message.didYouMean($0) }
                    ?? Message(chinese: "请写本单位的一个项目：\(names.joined(separator: "、"))", english: "name one of the unit's projects: \(names.joined(separator: ", "))")
                throw InputFileError(.invalidValue(Message(chinese: "没有名为“\(projectName)”的项目可附表", english: "no project named '\(projectName)' to attach"), hint: hint),
                                     at: reader.location(of: fields.value("project") ?? node), path: path.appending("project"))
            }
        default:
            throw InputFileError(.invalidValue(Message(chinese: "未知的附表“\(formText)”", english: "unknown form '\(formText)' to attach"),
                                               hint: Message(chinese: "请写 form: department 或 form: project（并写 project: 项目名称）",
                                                             english: "use form: department or form: project (with project: 项目名称)")),
                                 at: reader.location(of: fields.value("form")!), path: path.appending("form"))
        }
        context.finish(fields)
        return ReportAttachment(name: name, form: form)
    }

    /// Report headings have four levels (一、 （一） 1. （1）): a fifth level
    /// would print numbers of the fourth again, so it is refused (issue 14).
    static let maximumSectionDepth = 4

    private static func readSection(_ node: Node, _ path: FieldPath, _ context: ReadContext, depth: Int = 1) throws -> ReportSection {
        let reader = context.reader
        guard depth <= maximumSectionDepth else {
            throw InputFileError(.invalidValue(Message(chinese: "该节嵌套了\(depth)层；报告标题只有四级（一、 （一） 1. （1））",
                                                       english: "this section is nested \(depth) levels deep; report headings have four levels (一、 （一） 1. （1）)"),
                                               hint: Message(chinese: "请上移一级，或把其文字写成上一节的段落",
                                                             english: "move it up a level, or write its text as paragraphs of the section above")),
                                 at: reader.location(of: node), path: path)
        }
        var fields = try reader.object(node, at: path)
        let heading = try fields.requiredText("heading")
        let paragraphs = try fields.list("paragraphs") { try reader.text($0, at: $1) }
        let tables = try fields.list("tables") { try readTable($0, $1, context, paragraphs: paragraphs.count) }
        let sections = try fields.list("sections") { try readSection($0, $1, context, depth: depth + 1) }
        context.finish(fields)
        return ReportSection(heading: heading, paragraphs: paragraphs, tables: tables, sections: sections)
    }

    /// `{title, header: [[…]], rows: [[…]], columns: [3, 2, 2], after: 1}`.
    private static func readTable(_ node: Node, _ path: FieldPath, _ context: ReadContext, paragraphs: Int) throws -> ReportTable {
        let reader = context.reader
        var fields = try reader.object(node, at: path)
        let title = try fields.text("title")
        let cells = { (node: Node, path: FieldPath) throws -> [String] in try reader.list(node, at: path).enumerated().map { try reader.text($1, at: path.appending($0)) } }
        let header = try fields.list("header", cells)
        let rows = try fields.list("rows", cells)
        let columns = try fields.list("columns") { node, path -> Double in
            let text = try reader.text(node, at: path)
            // Finite and bounded: `inf` and `1e309` (which reads as inf) piled
            // every column up at the left edge (issue 14).
            guard let value = Double(text), value.isFinite, value > 0, value <= 1000 else {
                throw InputFileError(.invalidValue(Message(chinese: "列宽“\(text)”不是不超过1000的正数", english: "column width '\(text)' is not a positive number up to 1000"),
                                                   hint: Message(chinese: "请给出相对宽度，例如 columns: [3, 2, 2]", english: "give relative widths, e.g. columns: [3, 2, 2]")),
                                     at: reader.location(of: node), path: path)
            }
            return value
        }
        var after: Int?
        if let afterNode = fields.value("after") {
            let text = try reader.text(afterNode, at: path.appending("after"))
            guard let value = Int(text), (0...paragraphs).contains(value) else {
                throw InputFileError(.invalidValue(Message(chinese: "“after: \(text)”不是本节的段落", english: "'after: \(text)' names no paragraph of this section"),
                                                   hint: Message(chinese: "请写表格所跟随段落的序号，从0（第一段之前）到\(paragraphs)",
                                                                 english: "write the number of the paragraph the table follows, from 0 (before the first) to \(paragraphs)")),
                                     at: reader.location(of: afterNode), path: path.appending("after"))
            }
            after = value
        }
        context.finish(fields)
        let table = ReportTable(title: title, header: header, rows: rows, columns: columns, afterParagraph: after)
        if table.columnCount == 0 {
            throw InputFileError(.invalidValue(Message(chinese: "表格没有单元格", english: "the table has no cells"),
                                               hint: Message(chinese: "请写 rows: [[…], …]", english: "give it rows: [[…], …]")), at: reader.location(of: node), path: path)
        }
        if !columns.isEmpty && columns.count != table.columnCount {
            throw InputFileError(.invalidValue(Message(chinese: "给了\(columns.count)个列宽，表格却有\(table.columnCount)列",
                                                       english: "\(columns.count) column widths for a table of \(table.columnCount) columns"),
                                               hint: Message(chinese: "每列给一个宽度，或省略“columns”使各列等宽",
                                                             english: "give one width per column, or leave 'columns' out for equal columns")),
                                 at: reader.location(of: node), path: path.appending("columns"))
        }
        return table
    }
}
