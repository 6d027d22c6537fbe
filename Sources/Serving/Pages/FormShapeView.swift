import Evaluation
import FormPrint
import Foundation

/// A submission's forms drawn as their layouts draw them — merged labels
/// with their spans as fixed text, the form's own columns in proportion,
/// each of the unit's values an input, each finding on its cell — in one
/// form that posts the corrections (and the optional lines and the layout
/// chosen) as a new submission. Built from the shapes kept with the
/// submission: nothing is imported or bound here.
struct FormShapeView {
    var shapes: [FormShape]
    var language: Language

    func html(submission id: Int64, findings: [StoredFinding], csrf: String) -> String {
        let l = language
        var marks: [String: [(number: Int, finding: StoredFinding)]] = [:]
        // A finding on a value marks its cell; one on a row or an indicator, the row's first cell.
        let paths = shapes.flatMap { $0.cells.compactMap(\.path) }
        let known = Set(paths)
        for (index, finding) in findings.enumerated() where !finding.field.isEmpty {
            let field = finding.field
            guard let target = known.contains(field) ? field : paths.first(where: { $0.hasPrefix(field + ".") || $0.hasPrefix(field + "[") }) else { continue }
            marks[target, default: []].append((index + 1, finding))
        }
        var html = "<form method=\"post\" action=\"/s/\(id)/correct\" id=\"shape-form\">\(HTML.csrf(csrf))"
        html += options()
        html += "<p><button type=\"submit\" class=\"recheck\">\(l.pick("按修改重新检查并生成", "Check and print again with these changes"))</button> "
        html += "<small>\(l.pick("只有白色的格子可以修改；灰色的是表样的固定文字。修改后生成一份新的提交，原提交保留。", "Only the white cells can be changed; grey ones are the form's fixed text. The changes make a new submission; this one is kept."))</small></p>"
        // The unit's signatures print under each of its forms; they are typed into under the first.
        var signed = false
        for (index, shape) in shapes.enumerated() {
            html += form(shape, number: index, marks: marks, signatures: !signed)
            signed = signed || shape.signatures.contains { $0.path != nil }
        }
        html += "<p><button type=\"submit\" class=\"recheck\">\(l.pick("按修改重新检查并生成", "Check and print again with these changes"))</button></p></form>"
        return html
    }

    /// The optional lines of the forms' layouts, and a layout choice for
    /// each kind of form the desk has more than one layout for.
    func options() -> String {
        let l = language
        var html = ""
        let lines = Array(Set(shapes.flatMap(\.optionalLines))).sorted()
        let printed = Set(shapes.flatMap(\.printedLines))
        for name in lines {
            let checked = printed.contains(name) ? " checked" : ""
            html += "<label class=\"option\"><input type=\"checkbox\" name=\"line:\(HTML.escape(name))\" value=\"1\"\(checked)> \(HTML.escape(Self.lineName(name, l)))</label> "
        }
        var seen: Set<String> = []
        for shape in shapes where shape.layouts.count > 1 && seen.insert(shape.kind).inserted {
            html += "<label class=\"option\">\(HTML.escape(Self.kindName(shape.kind, l)))\(l.pick("的表样：", " layout: "))<select name=\"layout:\(HTML.escape(shape.kind))\">"
            for choice in shape.layouts {
                html += "<option value=\"\(HTML.escape(choice.id))\"\(choice.id == shape.layoutID ? " selected" : "")>\(HTML.escape(choice.name))</option>"
            }
            html += "</select></label> "
        }
        return html.isEmpty ? "" : "<fieldset class=\"options\" id=\"shape-options\"><legend>\(l.pick("选项", "Options"))</legend>\(html)</fieldset>"
    }

    func form(_ shape: FormShape, number: Int, marks: [String: [(number: Int, finding: StoredFinding)]], signatures editable: Bool) -> String {
        let l = language
        let columns = max(1, shape.columns.count)
        var html = "<section class=\"shape\" id=\"shape-\(number)\"><h3>\(HTML.escape(shape.heading)) <small>\(l.pick("表样：", "layout: "))\(HTML.escape(shape.layoutID))</small></h3>"
        html += "<div class=\"shape-wrap\"><div class=\"shape-page\" style=\"min-width:\(columns * 5)em\">"
        for line in shape.title { html += "<div class=\"shape-title\">\(HTML.escape(line))</div>" }
        html += "<table class=\"form-shape\" data-columns=\"\(columns)\"><colgroup>"
        html += shape.columns.map { "<col style=\"width:\(String(format: "%.2f", $0 * 100))%\">" }.joined() + "</colgroup>"
        var starts: [Int: [Int: FormShape.Cell]] = [:]
        var covered: Set<[Int]> = []
        for cell in shape.cells {
            starts[cell.row, default: [:]][cell.column] = cell
            for r in cell.row..<(cell.row + max(1, cell.rowSpan)) {
                for c in cell.column..<(cell.column + max(1, cell.columnSpan)) where r != cell.row || c != cell.column { covered.insert([r, c]) }
            }
        }
        let rows = max(shape.rowCount, (shape.cells.map { $0.row + $0.rowSpan }.max() ?? 0))
        for row in 0..<rows {
            html += "<tr>"
            for column in 0..<columns where !covered.contains([row, column]) {
                guard let cell = starts[row]?[column] else { html += "<td class=\"gap\"></td>"; continue }
                html += self.cell(cell, marks: cell.path.flatMap { marks[$0] } ?? [])
            }
            html += "</tr>"
        }
        html += "</table>"
        if !shape.signatures.isEmpty {
            html += "<div class=\"shape-signatures\">"
            for field in shape.signatures {
                html += "<label>\(HTML.escape(field.label))"
                if let path = field.path, editable {
                    html += "<input name=\"\(HTML.escape(Correction.field(of: path)))\" value=\"\(HTML.escape(field.written))\" size=\"12\">"
                } else {
                    html += HTML.escape(field.written)
                }
                html += "</label> "
            }
            html += "</div>"
        }
        return html + "</div></div></section>"
    }

    func cell(_ cell: FormShape.Cell, marks here: [(number: Int, finding: StoredFinding)]) -> String {
        let l = language
        var classes = [cell.written == nil ? (cell.path == nil ? "label" : "shown") : "value"]
        if let worst = here.map(\.finding.severity).min(by: { OfficerPages.rank($0) < OfficerPages.rank($1) }) { classes.append(worst) }
        let span = (cell.rowSpan > 1 ? " rowspan=\"\(cell.rowSpan)\"" : "") + (cell.columnSpan > 1 ? " colspan=\"\(cell.columnSpan)\"" : "")
        let title = here.map { "[\($0.finding.code)] " + (l == .chinese ? $0.finding.message : $0.finding.english) }.joined(separator: "\n")
        var html = "<td class=\"\(classes.joined(separator: " "))\"\(span)"
        // Named as the form posts it: the officer's page shows no field paths.
        if let path = cell.path {
            let field = HTML.escape(Correction.field(of: path))
            html += (cell.written != nil ? " id=\"at-\(field.dropFirst(2))\"" : "") + " data-field=\"\(field)\""
        }
        html += title.isEmpty ? ">" : " title=\"\(HTML.escape(title))\">"
        html += here.map { "<a class=\"mark\" href=\"#f\($0.number)\">\($0.number)</a>" }.joined()
        guard let path = cell.path, let written = cell.written else {
            return html + "<span class=\"fixed\">\(HTML.escape(cell.text))</span></td>"
        }
        let name = HTML.escape(Correction.field(of: path))
        // Computed (a formula, a score): empty to keep FormPrint's value, shown greyed.
        let placeholder = cell.computed ? " placeholder=\"\(HTML.escape(cell.text))\"" : ""
        // Every value wraps in its cell as the form prints it (about six
        // characters a column); the page's style grows the box to its text.
        let perLine = 6 * max(1, cell.columnSpan)
        let rows = min(8, max(1, (written.count + perLine - 1) / perLine))
        html += "<textarea name=\"\(name)\" rows=\"\(rows)\"\(placeholder)>\(HTML.escape(written))</textarea>"
        return html + "<span class=\"printed\">\(HTML.escape(cell.text))</span></td>"
    }

    static func lineName(_ name: String, _ l: Language) -> String {
        name == "year" ? l.pick("打印（年度）行", "print the (year) line") : l.pick("打印可选行 \(name)", "print the optional line \(name)")
    }

    static func kindName(_ kind: String, _ l: Language) -> String {
        DocumentKind(rawValue: kind).map { l.pick($0.chineseName, "the \($0.rawValue) form") } ?? kind
    }
}
