import Evaluation
import Foundation
import Layout

/// Everything decided about one unit before it is checked, scored, laid out
/// or written: its documents with the layout each prints in, the choice of
/// scoring profile, the optional lines, the formats and the creation date.
///
/// Made once per unit by `LayoutCatalog.plan(for:options:)`. The checker,
/// the scorer, the layouter and the writer read it and decide none of it
/// again — so an unknown layout is one located error before anything runs,
/// not a check silently skipped here and a failure there.
package struct UnitPlan: Sendable {
    /// One document the unit has data for, and the layout it prints in.
    package struct Document: Sendable {
        package var instance: DocumentInstance
        package var layout: LayoutSpec
    }

    /// The unit's documents, in filing order.
    package var documents: [Document]
    /// The layout of every kind of document printed, forms attached to the
    /// report included.
    package var layouts: [DocumentKind: LayoutSpec]
    /// The project layout the scoring profile follows when none is asked
    /// for — named even for a unit without projects, whose department form
    /// and report are still checked against a profile.
    package var projectLayoutID: String
    /// The scoring profile that layout names (`scoring:` in its file); nil
    /// when it names none.
    package var projectLayoutScoring: String?
    /// The scoring profile asked for (an id or a file); nil for the one
    /// `projectLayoutID` names.
    package var scoringProfile: String?
    /// The layouts' optional lines to print: those the unit's own form had
    /// (recorded on import) and those asked for in this run.
    package var lines: Set<String>
    /// The formats each document is written in.
    package var formats: [OutputFormat]
    /// The creation date written into every file.
    package var creationDate: Date
    /// The layouts asked for (`--layout`), kept to tell whether other
    /// options need another plan.
    package var requestedLayouts: [DocumentKind: String]

    /// The layout of `kind`, which the plan resolved when it was made.
    package func layout(for kind: DocumentKind) -> LayoutSpec {
        guard let layout = layouts[kind] else {
            preconditionFailure("the unit's plan has no layout for the \(kind.chineseName): it prints no such document")
        }
        return layout
    }

    /// This plan for other output options: the same layouts and profile,
    /// the formats and lines of `options`. Nil when `options` choose other
    /// layouts or another profile — they need a plan of their own.
    package func writing(with options: RenderOptions, unitLines: Set<String>) -> UnitPlan? {
        guard options.layouts == requestedLayouts, options.scoringProfile == scoringProfile else { return nil }
        var plan = self
        plan.formats = options.formats
        plan.lines = options.lines.union(unitLines)
        return plan
    }
}
