import Evaluation
import Foundation
import Layout

/// A form as its layout draws it, for the desk's correction page: the
/// bound table's cells with their spans, which of them are the unit's
/// values (and may be typed into), the title above and the signature
/// fields below, and the choices a page offers for it — its optional
/// lines and the other layouts of its kind. Made on a render worker with
/// the submission and kept with it, so a page never imports or binds.
package struct FormShape: Sendable, Codable, Equatable {
    package struct Cell: Sendable, Codable, Equatable {
        package var row: Int
        package var column: Int
        package var rowSpan: Int
        package var columnSpan: Int
        /// The text as the form prints it.
        package var text: String
        /// The unit field the cell stands for (`projects[0].funds[1].executed`).
        package var path: String?
        /// The value as written, when the cell may be typed into: a cell
        /// showing only part of a value, or one value shown twice, is not.
        package var written: String?
        /// FormPrint computed the printed text (a formula, a score).
        package var computed: Bool
    }

    /// A signature field below the form (单位负责人：…).
    package struct Field: Sendable, Codable, Equatable {
        package var label: String
        package var path: String?
        package var written: String
    }

    package struct Choice: Sendable, Codable, Equatable {
        package var id: String
        package var name: String
    }

    package var kind: String
    /// 项目支出绩效自评表 — 项目名称, as the document's file is titled.
    package var heading: String
    package var layoutID: String
    /// Every layout of this kind the desk knows, the chosen one among them.
    package var layouts: [Choice]
    /// The layout's optional lines (`optional: year`) and whether the unit prints them.
    package var optionalLines: [String]
    /// Those of them the unit prints (`lines: [year]`).
    package var printedLines: [String]
    package var title: [String]
    /// Relative widths of the form's columns, summing to 1.
    package var columns: [Double]
    package var rowCount: Int
    package var cells: [Cell]
    package var signatures: [Field]
}

package enum FormShapes {
    /// The shape of every table form of the unit (a report is prose, not a grid).
    package static func of(_ unit: UnitEvaluation, computed: ComputedValues, catalog: LayoutCatalog) throws -> [FormShape] {
        var shapes: [FormShape] = []
        for instance in UnitRenderer.documents(of: unit) {
            let layout = try catalog.layout(for: instance.kind, requested: unit.layouts[instance.kind])
            guard case .table(let table) = layout.body else { continue }
            let resolved = TableBinder.bind(unit, instance, onto: layout, table: table, computed: computed, lines: unit.lines)
            let detail: String? = if case .project(let index) = instance { unit.projects[index].name } else { nil }
            let choices = try catalog.all().filter { $0.document == instance.kind }.map { FormShape.Choice(id: $0.id, name: $0.name) }
            let optional = (table.title + table.continuedTitle).compactMap(\.optionalName)
            shapes.append(FormShape(
                kind: instance.kind.rawValue, heading: [instance.kind.chineseName, detail].compactMap { $0 }.joined(separator: " — "),
                layoutID: layout.id, layouts: choices, optionalLines: Array(Set(optional)).sorted(),
                printedLines: unit.lines.intersection(optional).sorted(),
                title: resolved.title.map(\.text), columns: widths(resolved.columns), rowCount: resolved.rowCount,
                cells: cells(resolved, unit), signatures: signatures(table, resolved, unit)))
        }
        return shapes
    }

    static func widths(_ columns: [Length]) -> [Double] {
        let total = columns.reduce(0) { $0 + $1.points }
        return total > 0 ? columns.map { $0.points / total } : columns.map { _ in 1 / Double(max(1, columns.count)) }
    }

    static func cells(_ resolved: ResolvedTable, _ unit: UnitEvaluation) -> [FormShape.Cell] {
        var uses: [FieldPath: Int] = [:]
        for cell in resolved.cells { if let path = cell.origin.fieldPath { uses[path, default: 0] += 1 } }
        return resolved.cells.map { cell -> FormShape.Cell in
            let path = cell.origin.fieldPath
            // Typed into where the cell shows one whole value, as written
            // (a money cell prints it formatted); a value split over several
            // cells (四川's 指标性质/指标值/度量单位) is shown, not typed into.
            var written = path.flatMap { uses[$0] == 1 ? unit.text(at: $0) : nil }
            // Text the path resolver does not reach (the unit's own name in a cell) is shown only.
            if written == "", !cell.origin.isComputed, !cell.text.isEmpty { written = nil }
            return FormShape.Cell(row: cell.row, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan, text: cell.text,
                                  path: path?.description, written: written, computed: cell.origin.isComputed)
        }
    }

    /// The signature fields, each with the unit's field when its value is
    /// one (an empty field prints only its label, so the spec names it).
    static func signatures(_ table: TableSpec, _ resolved: ResolvedTable, _ unit: UnitEvaluation) -> [FormShape.Field] {
        zip(table.footer, resolved.footer).flatMap { spec, line -> [FormShape.Field] in
            guard case .signatures(let specs) = spec, case .signatures(let signatures) = line else { return [] }
            return zip(specs.fields, signatures.fields).map { spec, field in
                var path: FieldPath?
                if spec.value.parts.count == 1, case .field(let scalar) = spec.value.parts[0], scalar.scope == .signatures {
                    path = FieldPath(parsing: "signatures." + scalar.key)
                }
                return FormShape.Field(label: field.label, path: path?.description, written: path.map { unit.text(at: $0) } ?? field.value)
            }
        }
    }
}
