import Evaluation
import InputReading
import Foundation
import Yams

/// Reads a unit file (YAML, or JSON — which the YAML reader also accepts)
/// into a `UnitDocument`. The format is documented in README.md and
/// `Examples/liuhe-2024.yaml`.
public enum UnitFileReader {
    /// The format version this reader understands (`formprint: 1`).
    public static let formatVersion = 1

    public static func read(contentsOf url: URL) throws -> UnitDocument {
        try read(text: try YAMLDocument.text(contentsOf: url), file: url.path)
    }

    public static func read(text: String, file: String) throws -> UnitDocument {
        let root = try YAMLDocument.compose(text, file: file)
        let reader = NodeReader(file: file)
        let unit = try readUnit(root, reader)
        return UnitDocument(unit: unit, source: reader.sourceMap)
    }

    // MARK: - The unit file's structure, one function per model type

    private static func readUnit(_ node: Node, _ reader: NodeReader) throws -> UnitEvaluation {
        var fields = try reader.object(node, at: FieldPath())
        let version = try fields.requiredInteger("formprint", in: 1...1,
            hint: "Start the file with 'formprint: 1' (the unit file format version this FormPrint reads).")
        precondition(version == formatVersion)
        var unitFields = try fields.optionalObject("unit") ?? {
            throw InputFileError(.missingField("unit"), at: reader.location(of: node), path: FieldPath())
        }()
        let name = try unitFields.requiredText("name")
        try unitFields.finish()
        let year = try fields.requiredInteger("year", in: 1990...2100,
            hint: "Write the evaluated budget year as four digits, e.g. 'year: 2024'.")
        let layouts = try readLayoutChoice(&fields, reader)
        let projects = try fields.list("projects") { try readProject($0, $1, reader) }
        let department = try fields.optionalObject("department").map { try readDepartment($0, reader) }
        let report = try fields.optionalObject("report").map { try readReport($0, reader, projects: projects) }
        let signatures = try fields.optionalObject("signatures").map { try readSignatures($0) } ?? Signatures()
        try fields.finish()
        return UnitEvaluation(name: name, year: year, projects: projects, department: department, report: report,
                              signatures: signatures, layouts: layouts)
    }

    private static func readSignatures(_ node: ObjectReader) throws -> Signatures {
        var fields = node
        let signatures = Signatures(
            unitHead: try fields.text("unitHead"), financeHead: try fields.text("financeHead"),
            projectLead: try fields.text("projectLead"), preparer: try fields.text("preparer"),
            phone: try fields.text("phone"), date: try fields.text("date"))
        try fields.finish()
        return signatures
    }

    private static func readLayoutChoice(_ fields: inout ObjectReader, _ reader: NodeReader) throws -> [DocumentKind: String] {
        guard var choice = try fields.optionalObject("layouts") else { return [:] }
        var layouts: [DocumentKind: String] = [:]
        for kind in DocumentKind.allCases {
            let id = try choice.text(kind.rawValue)
            if !id.isEmpty { layouts[kind] = id }
        }
        try choice.finish()
        return layouts
    }

    private static func readProject(_ node: Node, _ path: FieldPath, _ reader: NodeReader) throws -> Project {
        var fields = try reader.object(node, at: path)
        var project = Project(name: try fields.requiredText("name"))
        project.competentDepartment = try fields.text("competentDepartment")
        project.implementingUnit = try fields.text("implementingUnit")
        project.funds = try fields.list("funds") { node, path in
            var row = try reader.object(node, at: path)
            let funds = FundsRow(
                source: try row.requiredText("source"), initialBudget: try row.text("initialBudget"),
                annualBudget: try row.text("annualBudget"), executed: try row.text("executed"),
                executionRate: try row.text("executionRate"), weight: try row.text("weight"), score: try row.text("score"))
            try row.finish()
            return funds
        }
        if var goal = try fields.optionalObject("goal") {
            project.goal = Goal(expected: try goal.text("expected"), actual: try goal.text("actual"))
            try goal.finish()
        }
        project.indicators = try fields.list("indicators") { try readCategory($0, $1, reader) }
        project.totalScore = try fields.text("totalScore")
        project.grade = try fields.text("grade")
        try fields.finish()
        return project
    }

    private static func readCategory(_ node: Node, _ path: FieldPath, _ reader: NodeReader) throws -> IndicatorCategory {
        var fields = try reader.object(node, at: path)
        let name = try fields.requiredText("category")
        let subcategories = try fields.list("subcategories") { node, path in
            var sub = try reader.object(node, at: path)
            let subName = try sub.requiredText("category")
            let indicators = try sub.list("indicators") { try readIndicator($0, $1, reader) }
            try sub.finish()
            return IndicatorSubcategory(name: subName, indicators: indicators)
        }
        try fields.finish()
        return IndicatorCategory(name: name, subcategories: subcategories)
    }

    private static func readIndicator(_ node: Node, _ path: FieldPath, _ reader: NodeReader) throws -> Indicator {
        var fields = try reader.object(node, at: path)
        let indicator = Indicator(
            name: try fields.requiredText("name"), target: try fields.text("target"), actual: try fields.text("actual"),
            weight: try fields.text("weight"), score: try fields.text("score"), deviation: try fields.text("deviation"))
        try fields.finish()
        return indicator
    }

    private static func readDepartment(_ fields: ObjectReader, _ reader: NodeReader) throws -> DepartmentEvaluation {
        var fields = fields
        var department = DepartmentEvaluation(name: try fields.requiredText("name"))
        department.annualGoal = try fields.text("annualGoal")
        department.goalCompletion = try fields.text("goalCompletion")
        department.tasks = try fields.list("tasks") { node, path in
            var row = try reader.object(node, at: path)
            let task = MainTask(number: try row.text("number"), name: try row.requiredText("name"),
                                content: try row.text("content"), completion: try row.text("completion"))
            try row.finish()
            return task
        }
        department.indicators = try fields.list("indicators") { try readCategory($0, $1, reader) }
        try fields.finish()
        return department
    }

    private static func readReport(_ fields: ObjectReader, _ reader: NodeReader, projects: [Project]) throws -> Report {
        var fields = fields
        let title = try fields.requiredText("title")
        let sections = try fields.list("sections") { try readSection($0, $1, reader) }
        let signature = try fields.text("signature")
        let date = try fields.text("date")
        var sealed = false
        if let node = fields.value("sealed") {
            switch try reader.text(node, at: fields.path.appending("sealed")) {
            case "true", "yes": sealed = true
            case "false", "no": sealed = false
            case let other:
                throw InputFileError(.invalidValue("'\(other)' is not true or false", hint: "write sealed: true when the report is stamped with the unit's seal"),
                                     at: reader.location(of: node), path: fields.path.appending("sealed"))
            }
        }
        let attachments = try fields.list("attachments") { try readAttachment($0, $1, reader, projects: projects) }
        try fields.finish()
        return Report(title: title, sections: sections, signature: signature, date: date, sealed: sealed, attachments: attachments)
    }

    /// `{name: …, form: department}` or `{name: …, form: project, project: 项目名称}`;
    /// the project is named, not numbered, so reordering projects cannot
    /// attach the wrong form.
    private static func readAttachment(_ node: Node, _ path: FieldPath, _ reader: NodeReader, projects: [Project]) throws -> ReportAttachment {
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
                let hint = nearest(to: projectName, in: names).map { "did you mean '\($0)'?" }
                    ?? "name one of the unit's projects: \(names.joined(separator: ", "))"
                throw InputFileError(.invalidValue("no project named '\(projectName)' to attach", hint: hint),
                                     at: reader.location(of: fields.value("project") ?? node), path: path.appending("project"))
            }
        default:
            throw InputFileError(.invalidValue("unknown form '\(formText)' to attach", hint: "use form: department or form: project (with project: 项目名称)"),
                                 at: reader.location(of: fields.value("form")!), path: path.appending("form"))
        }
        try fields.finish()
        return ReportAttachment(name: name, form: form)
    }

    /// Report headings have four levels (一、 （一） 1. （1）): a fifth level
    /// would print numbers of the fourth again, so it is refused (issue 14).
    static let maximumSectionDepth = 4

    private static func readSection(_ node: Node, _ path: FieldPath, _ reader: NodeReader, depth: Int = 1) throws -> ReportSection {
        guard depth <= maximumSectionDepth else {
            throw InputFileError(.invalidValue("this section is nested \(depth) levels deep; report headings have four levels (一、 （一） 1. （1）)",
                                               hint: "move it up a level, or write its text as paragraphs of the section above"),
                                 at: reader.location(of: node), path: path)
        }
        var fields = try reader.object(node, at: path)
        let heading = try fields.requiredText("heading")
        let paragraphs = try fields.list("paragraphs") { try reader.text($0, at: $1) }
        let tables = try fields.list("tables") { try readTable($0, $1, reader, paragraphs: paragraphs.count) }
        let sections = try fields.list("sections") { try readSection($0, $1, reader, depth: depth + 1) }
        try fields.finish()
        return ReportSection(heading: heading, paragraphs: paragraphs, tables: tables, sections: sections)
    }

    /// `{title, header: [[…]], rows: [[…]], columns: [3, 2, 2], after: 1}`.
    private static func readTable(_ node: Node, _ path: FieldPath, _ reader: NodeReader, paragraphs: Int) throws -> ReportTable {
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
                throw InputFileError(.invalidValue("column width '\(text)' is not a positive number up to 1000",
                                                   hint: "give relative widths, e.g. columns: [3, 2, 2]"), at: reader.location(of: node), path: path)
            }
            return value
        }
        var after: Int?
        if let afterNode = fields.value("after") {
            let text = try reader.text(afterNode, at: path.appending("after"))
            guard let value = Int(text), (0...paragraphs).contains(value) else {
                throw InputFileError(.invalidValue("'after: \(text)' names no paragraph of this section",
                                                   hint: "write the number of the paragraph the table follows, from 0 (before the first) to \(paragraphs)"),
                                     at: reader.location(of: afterNode), path: path.appending("after"))
            }
            after = value
        }
        try fields.finish()
        let table = ReportTable(title: title, header: header, rows: rows, columns: columns, afterParagraph: after)
        if table.columnCount == 0 {
            throw InputFileError(.invalidValue("the table has no cells", hint: "give it rows: [[…], …]"), at: reader.location(of: node), path: path)
        }
        if !columns.isEmpty && columns.count != table.columnCount {
            throw InputFileError(.invalidValue("\(columns.count) column widths for a table of \(table.columnCount) columns",
                                               hint: "give one width per column, or leave 'columns' out for equal columns"),
                                 at: reader.location(of: node), path: path.appending("columns"))
        }
        return table
    }
}
