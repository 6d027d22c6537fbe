import Evaluation
import Foundation
import Layout
import Review

/// Runs every check of docs/VALIDATION.md on a unit, the same way for
/// `formprint validate` and `formprint render`.
public struct UnitChecker: Sendable {
    package let profiles: ScoringCatalog
    /// The layouts whose formula cells are checked (FP206).
    package let catalog: LayoutCatalog

    package init(profiles: ScoringCatalog, catalog: LayoutCatalog) {
        self.profiles = profiles
        self.catalog = catalog
    }

    /// Uses the built-in scoring profiles and layouts.
    public init() throws {
        self.init(profiles: try .standard(), catalog: try .standard())
    }

    /// The findings and scores of `document`. The profile is `scoring` (an
    /// id or a file) or the one for the project layout the unit prints with:
    /// `layouts[.project]`, else the unit file's choice, else the default.
    public func check(_ document: UnitDocument, layouts: [DocumentKind: String] = [:], scoring: String? = nil) throws -> CheckedUnit {
        try check(document, plan: try catalog.plan(for: document, options: RenderOptions(layouts: layouts, scoringProfile: scoring)))
    }

    /// The findings and scores of `document` printed as `plan` says; the
    /// check keeps the plan, and rendering it prints with the same layouts.
    package func check(_ document: UnitDocument, plan: UnitPlan) throws -> CheckedUnit {
        // Scored once, for the findings here and for the printed forms.
        let scores = try UnitScores(document.unit, plan: plan, profiles: profiles)
        let department = (scores.department?.findings ?? []).map { $0.located(in: document.source) }
        let formulas = FormulaChecks.findings(document, plan: plan) + department
        let thisYear = Self.year(of: Date())
        let fields = (try? catalog.fields) ?? FieldRegistry()
        let reviewed = LayoutFieldChecks.check(
            document, findings: Reviewer.findings(in: document, profile: scores.profile, referenceYear: thisYear, scored: scores.projects),
            plan: plan, registry: fields)
        let findings = (reviewed + formulas).map { finding in
            var named = finding
            named.subject = FindingPlace.words(finding.path, in: document.unit, fields: fields)
            return named
        }
        return CheckedUnit(document: document, plan: plan, scores: scores, findings: findings.sorted(by: Self.readingOrder))
    }

    /// Document by document (the unit's own fields, each project form, the
    /// department form, the report), then in reading order within it — so
    /// a workbook's findings do not jump between its sheets.
    static func readingOrder(_ a: Finding, _ b: Finding) -> Bool {
        func rank(_ path: FieldPath) -> Int {
            switch path.document {
            case nil: 0
            case .project(let index)?: 1 + index
            case .department?: 1_000_000
            case .report?: 2_000_000
            }
        }
        return (rank(a.path), a.location?.line ?? 0, a.location?.column ?? 0) < (rank(b.path), b.location?.line ?? 0, b.location?.column ?? 0)
    }
}

extension UnitChecker {
    /// The UTC calendar year of `date`, by the civil-from-days algorithm
    /// (no calendar library needed on a hot path).
    static func year(of date: Date) -> Int {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let month = (5 * dayOfYear + 2) / 153
        return yearOfEra + era * 400 + (month >= 10 ? 1 : 0)
    }
}

/// What checking one unit found.
public struct CheckedUnit: Sendable {
    public var document: UnitDocument
    /// The layouts, profile and creation date the unit was checked with.
    package var plan: UnitPlan
    /// The unit's scores, which its forms print too.
    package var scores: UnitScores
    /// Located and in file order.
    public var findings: [Finding]

    package var profile: ScoringProfile { scores.profile }
    /// The project forms scored by `profile`.
    package var scored: ScoredUnit { scores.projects }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
