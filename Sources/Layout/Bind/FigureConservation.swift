import Evaluation
import Foundation

/// The print side of "every figure conserved": each cell of a bound form
/// whose text comes from a value of the unit prints that value as written,
/// or the written value in the cell's declared format with no digit lost
/// (an amount with two decimals: "212.4" → "212.40", never "132.912" →
/// "132.91"), or one part of it in a column of its own (四川's
/// 指标性质 | 指标值 | 度量单位), or inside the layout's fixed text around it
/// ("评价等级：优"). A computed value is marked computed by its origin.
/// Anything else is a figure that changed on its way to the page.
package enum FigureConservation {
    package struct Change: Sendable, Equatable, CustomStringConvertible {
        package var path: FieldPath
        package var written: String
        package var printed: String
        package var description: String { "\(path): written \"\(written)\", printed \"\(printed)\"" }
    }

    /// The cells of `table` that print a value of `unit` other than as it was written.
    package static func changes(in table: ResolvedTable, of unit: UnitEvaluation) -> [Change] {
        var changes: [Change] = []
        for cell in table.cells {
            guard case .unit(let path) = cell.origin else { continue }
            let written = unit.text(at: path).trimmingCharacters(in: .whitespacesAndNewlines)
            let printed = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !conserves(written: written, printed: printed) else { continue }
            changes.append(Change(path: path, written: written, printed: printed))
        }
        return changes
    }

    /// Whether `printed` is `written`, in a declared format or a part of it.
    package static func conserves(written: String, printed: String) -> Bool {
        if printed == written { return true }
        if written.isEmpty { return printed.isEmpty }
        if MoneyDigits.twoDecimals(written) == printed { return true }
        if ValueView.allCases.contains(where: { $0.part(of: written) == printed }) { return true }
        // The layout's fixed text around one field: "评价等级：{project.grade}".
        return printed.count > written.count && printed.contains(written)
    }
}
