import Evaluation
import FormPrint
import Foundation

/// What an officer typed into a form's shape: values by field path, the
/// optional lines ticked, the layout chosen per kind of form.
package struct Correction: Sendable {
    package var values: [String: String] = [:]
    package var lines: Set<String> = []
    package var layouts: [String: String] = [:]

    /// Field names of the page's form: `v:PATH`, `line:NAME`, `layout:KIND`.
    package init(fields: [String: String]) {
        for (name, value) in fields {
            if name.hasPrefix("v:") { values[Self.path(ofField: name)] = value }
            else if name.hasPrefix("line:"), !value.isEmpty { lines.insert(String(name.dropFirst(5))) }
            else if name.hasPrefix("layout:") { layouts[String(name.dropFirst(7))] = value }
        }
    }

    /// The form field of a value: `v:` and its path with `~N` for `[N]`,
    /// since a URL-encoded form's decoder reads brackets as nesting.
    static func field(of path: String) -> String {
        "v:" + path.replacingOccurrences(of: "[", with: "~").replacingOccurrences(of: "]", with: "")
    }

    static func path(ofField name: String) -> String {
        var path = ""
        var index: String?
        for character in name.dropFirst(2) {
            if character == "~" { index = ""; continue }
            if index != nil, character.isASCII, character.isNumber { index! += String(character); continue }
            if let open = index { path += "[\(open)]"; index = nil }
            path.append(character)
        }
        if let open = index { path += "[\(open)]" }
        return path
    }

    /// The unit with the corrections the shapes allow: a value only where
    /// a shape offered that cell for typing and the text changed, a line
    /// only among the layouts' optional ones, a layout only among those
    /// offered for its kind. Everything else posted is ignored.
    func applied(to unit: UnitEvaluation, shapes: [FormShape]) -> UnitEvaluation {
        var unit = unit
        var offered: [String: String] = [:]
        for shape in shapes {
            for cell in shape.cells { if let path = cell.path, let written = cell.written { offered[path] = written } }
            for field in shape.signatures { if let path = field.path { offered[path] = field.written } }
        }
        for (path, text) in values.sorted(by: { $0.key < $1.key }) {
            guard let written = offered[path], let fieldPath = FieldPath(parsing: path) else { continue }
            // Line breaks stay only in a value that had them (a paragraph); elsewhere they are spaces.
            var value = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespaces)
            if !written.contains("\n") { value = value.replacingOccurrences(of: "\n", with: " ") }
            if value != written { unit.setText(value, at: fieldPath) }
        }
        let optional = Set(shapes.flatMap(\.optionalLines))
        unit.lines = unit.lines.subtracting(optional).union(lines.intersection(optional))
        for shape in shapes {
            guard let kind = DocumentKind(rawValue: shape.kind), let id = layouts[shape.kind], id != shape.layoutID,
                  shape.layouts.contains(where: { $0.id == id }) else { continue }
            unit.layouts[kind] = id
        }
        return unit
    }
}

extension Desk {
    /// The submission corrected in its form's shape, handed in as a new
    /// submission whose parent is the one corrected (nothing is
    /// overwritten), by the same path as any other: the identity check,
    /// the limits, the worker. The input is read again on a render worker,
    /// the corrections applied, and the unit written as a unit file — a
    /// pasted table, a workbook or a Word document alike become `改正.yaml`,
    /// which the importer itself would write for them (`formprint import`).
    package func correct(_ submission: SubmissionRecord, _ correction: Correction, by session: Session) async throws -> Int64 {
        let shapes = submission.shapes
        guard let id = submission.id, submission.readError == nil, !shapes.isEmpty else { throw DeskText.Refusal.notCorrectable }
        let data = try files.input(submission.inputHash)
        let (kind, lenient, limits) = (submission.inputKind, submission.lenient, limits)
        let yaml = try await workers.run { worker -> Data in
            if let excess = limits.excess(data, kind: kind) { throw DeskText.Refusal.inputTooLarge(excess) }
            let catalog = worker.renderer.catalog
            let fields = try catalog.fields
            let document = try UnitFiles.read(data, file: kind.fileName, fields: fields,
                                              layouts: kind == .yaml || kind == .json ? [] : try catalog.all(), lenient: lenient)
            let unit = correction.applied(to: document.unit, shapes: shapes)
            return Data(UnitFileWriter.yaml(unit, header: ["在网页上改正的 \(kind.fileName)（提交 #\(id)）"], fields: fields).utf8)
        }
        return try await handIn(yaml, uploadedName: "改正.yaml", by: session, forUnit: submission.owner, asOfficial: submission.official,
                                parent: id, lenient: lenient)
    }
}
