import Evaluation
import Layout
import Review

/// A unit's scores, computed once per unit and shared by its checks, its
/// printed forms and the batch summary — instead of each computing them
/// again (issue 16). Never written into the unit: the forms bind
/// `computed` beside the unit's own values.
package struct UnitScores: Sendable {
    /// The profile for the unit's project layout (or the one asked for).
    package var profile: ScoringProfile
    /// The project forms scored by `profile`, whatever the layout prints
    /// (`validate --scores` shows them; FP503–FP505 come from here).
    package var projects: ScoredUnit
    /// The department form scored by the profile its layout names,
    /// when that layout prints scores (福建).
    package var department: ScoredUnit?
    /// The values the forms print in the score cells the unit left empty:
    /// only for layouts with 分值/得分 columns.
    package var computed: ComputedValues
}

extension UnitScores {
    /// The unit's scores over its plan, with the profiles of `profiles`:
    /// the profile is the plan's choice (an id or a file), else the one the
    /// plan's project layout names.
    init(_ unit: UnitEvaluation, plan: UnitPlan, profiles: ScoringCatalog) throws {
        let profile = try profiles.profile(plan.scoringProfile, projectLayout: plan.projectLayoutID, named: plan.projectLayoutScoring)
        let projects = Scoring.scored(unit, profile: profile)
        var computed: [FieldPath: String] = [:]
        // A form without 分值/得分 columns prints no score.
        if !unit.projects.isEmpty, plan.layout(for: .project).printsScores {
            computed = projects.computed
        }
        var department: ScoredUnit?
        if unit.department != nil, let layout = plan.layouts[.department],
           layout.printsScores, let departmentProfile = try profiles.profile(for: layout) {
            let scored = Scoring.scoredDepartment(unit, profile: departmentProfile)
            computed.merge(scored.computed) { entered, _ in entered }
            department = scored
        }
        self.init(profile: profile, projects: projects, department: department, computed: ComputedValues(computed))
    }
}
