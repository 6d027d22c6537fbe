import Evaluation

/// Reads a unit's forms the way a reviewer at the finance bureau does:
/// every check of docs/VALIDATION.md, including those scoring makes. (Not
/// `Review`, the module's own name, which would break `Review.Finding`.)
package enum Reviewer {
    /// All findings for `document`, each with its file:line:column, in file order.
    /// `referenceYear` (this year) judges the evaluated year when the unit
    /// gives no filing date (FP508).
    /// `scored` is the unit scored by `profile` when the caller has it
    /// already (scores are computed once per unit).
    package static func findings(in document: UnitDocument, profile: ScoringProfile, referenceYear: Int? = nil,
                                scored: ScoredUnit? = nil) -> [Finding] {
        findings(in: document.unit, profile: profile, referenceYear: referenceYear, scored: scored)
            .map { $0.located(in: document.source) }.sorted(by: Finding.reportOrder)
    }

    /// All findings for `unit`, with field paths but no file positions.
    /// Scoring's findings (FP503–FP505, FP6xx) only where the form prints
    /// scores: on a form without 分值/得分 there is no cell to fix.
    package static func findings(in unit: UnitEvaluation, profile: ScoringProfile, referenceYear: Int? = nil,
                                scored: ScoredUnit? = nil) -> [Finding] {
        // Every value is read once, for all the rules that look at it.
        let entries = IndicatorEntry.entries(of: unit)
        let checks = ValueNotationChecks.check(unit, entries: entries) + FundsChecks.check(unit)
            + IndicatorChecks.check(unit, entries: entries, profile: profile)
            + CrossDocumentChecks.check(unit) + StructureChecks.check(unit) + EntryChecks.check(unit, referenceYear: referenceYear)
        return checks + (profile.scoreColumns ? (scored ?? Scoring.scored(unit, profile: profile)).findings : [])
    }
}
