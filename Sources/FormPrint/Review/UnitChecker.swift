import Evaluation
import Foundation
import Review

/// Runs every check of docs/VALIDATION.md on a unit, the same way for
/// `formprint validate` and `formprint render`.
public struct UnitChecker: Sendable {
    public let profiles: ScoringCatalog
    /// The layouts whose formula cells are checked (FP206).
    public let catalog: LayoutCatalog

    public init(profiles: ScoringCatalog, catalog: LayoutCatalog) {
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
    public func check(_ document: UnitDocument, layouts: [DocumentKind: String] = [:], scoring: String? = nil) throws -> UnitCheck {
        let layout = layouts[.project] ?? document.unit.layouts[.project] ?? LayoutCatalog.defaults[.project]!
        let profile = try profiles.profile(scoring, projectLayout: layout)
        let formulas = FormulaChecks.findings(document, catalog: catalog, layouts: layouts) + (try departmentScoring(document, layouts: layouts))
        let thisYear = Self.year(of: Date())
        let reviewed = LayoutFieldChecks.check(document, findings: Reviewer.findings(in: document, profile: profile, referenceYear: thisYear),
                                               catalog: catalog, layouts: layouts)
        let findings = (reviewed + formulas).sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        return UnitCheck(document: document, profile: profile, findings: findings, scored: Scoring.scored(document.unit, profile: profile))
    }
}

extension UnitChecker {
    /// FP503–FP505 for a department form that scores (福建), by the profile
    /// that lists its layout.
    func departmentScoring(_ document: UnitDocument, layouts: [DocumentKind: String]) throws -> [Finding] {
        guard document.unit.department != nil,
              let layout = try? catalog.layout(for: .department, requested: layouts[.department] ?? document.unit.layouts[.department]),
              layout.printsScores, let profile = try profiles.profile(listing: layout.id) else { return [] }
        return Scoring.scoredDepartment(document.unit, profile: profile).findings.map { $0.located(in: document.source) }
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
public struct UnitCheck: Sendable {
    public var document: UnitDocument
    public var profile: ScoringProfile
    /// Located and in file order.
    public var findings: [Finding]
    public var scored: ScoredUnit

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
