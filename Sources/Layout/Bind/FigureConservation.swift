import Evaluation
import Foundation
import Support

/// The print side of "every figure conserved": each cell of a bound form
/// whose text comes from a value of the unit prints that value as written,
/// or the written value in the cell's declared format with no digit lost
/// (an amount with two decimals: "212.4" → "212.40", never "132.912" →
/// "132.91"), or one part of it in a column of its own (四川's
/// 指标性质 | 指标值 | 度量单位). A computed value is marked computed by its
/// origin, and a text that mixes the layout's words with a value ("评价等级：
/// {project.grade}") is the layout's, made by substitution alone. Anything
/// else is a figure that changed on its way to the page: `DocumentPipeline`
/// refuses to print it, and the tests assert it over every corpus.
package enum FigureConservation {
    package struct Change: Sendable, Equatable, CustomStringConvertible {
        package var path: FieldPath
        package var written: String
        package var printed: String
        package var description: String { "\(path): written \"\(written)\", printed \"\(printed)\"" }
    }

    /// The texts of `table` — cells, title lines, footer lines and signature
    /// values — that print a value of `unit` other than as it was written.
    package static func changes(in table: ResolvedTable, of unit: UnitEvaluation) -> [Change] {
        var changes: [Change] = []
        for (text, origin) in printedTexts(of: table) {
            guard case .unit(let path) = origin else { continue }
            let written = unit.text(at: path).trimmingSpacesAndNewlines()
            let printed = text.trimmingSpacesAndNewlines()
            guard !conserves(written: written, printed: printed) else { continue }
            changes.append(Change(path: path, written: written, printed: printed))
        }
        return changes
    }

    /// Every text `table` prints, with where it comes from.
    package static func printedTexts(of table: ResolvedTable) -> [(text: String, origin: TextOrigin)] {
        var texts: [(text: String, origin: TextOrigin)] = table.cells.map { ($0.text, $0.origin) }
        texts += (table.title + table.continuedTitle).map { ($0.text, $0.origin) }
        for line in table.footer {
            switch line {
            case .text(let text): texts.append((text.text, text.origin))
            case .signatures(let signatures): texts += signatures.fields.map { ($0.value, $0.origin) }
            }
        }
        return texts
    }

    /// Whether `printed` is `written`, in a declared format or a part of it.
    package static func conserves(written: String, printed: String) -> Bool {
        if printed == written { return true }
        if written.isEmpty { return printed.isEmpty }
        if MoneyDigits.twoDecimals(written) == printed { return true }
        return ValueView.allCases.contains(where: { $0.part(of: written) == printed })
    }
}
