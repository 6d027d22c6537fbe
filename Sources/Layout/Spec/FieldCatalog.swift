import Evaluation

/// A single value a layout can print: `{year}`, `project.name`, …
/// Resolved from its name once, when the layout file is loaded.
public enum ScalarField: String, Sendable, Hashable, CaseIterable {
    case unitName = "unit.name"
    case year
    case projectName = "project.name"
    case implementingUnit = "project.implementingUnit"
    case competentDepartment = "project.competentDepartment"
    case goalExpected = "project.goal.expected"
    case goalActual = "project.goal.actual"
    case departmentName = "department.name"
    case annualGoal = "department.annualGoal"
    case goalCompletion = "department.goalCompletion"
    case totalScore = "project.totalScore"
    case grade = "project.grade"
    case unitHead = "signatures.unitHead"
    case financeHead = "signatures.financeHead"
    case projectLead = "signatures.projectLead"
    case preparer = "signatures.preparer"
    case phone = "signatures.phone"
    case fillingDate = "signatures.date"

    /// Fields that exist only in one document kind; nil means any.
    public var document: DocumentKind? {
        switch self {
        case .unitName, .year, .unitHead, .financeHead, .projectLead, .preparer, .phone, .fillingDate: nil
        case .projectName, .implementingUnit, .competentDepartment, .goalExpected, .goalActual, .totalScore, .grade: .project
        case .departmentName, .annualGoal, .goalCompletion: .department
        }
    }
}

/// A list a layout repeats one row for.
public enum Collection: String, Sendable, Hashable, CaseIterable {
    case projectFunds = "project.funds"
    case projectIndicators = "project.indicators"
    case departmentTasks = "department.tasks"
    case departmentIndicators = "department.indicators"

    public var document: DocumentKind {
        switch self {
        case .projectFunds, .projectIndicators: .project
        case .departmentTasks, .departmentIndicators: .department
        }
    }

    /// The fields each row of the collection has, in the model's order.
    public var fields: [CollectionField] {
        switch self {
        case .projectFunds:
            [.source, .initialBudget, .annualBudget, .executed, .executionRate, .weight, .score]
        case .projectIndicators, .departmentIndicators:
            [.category, .subcategory, .name, .target, .actual, .weight, .score, .deviation]
        case .departmentTasks:
            [.number, .name, .content, .completion]
        }
    }
}

/// A field of one collection row. `category` and `subcategory` belong to
/// groups of rows, so they can be merged down (`merge: true`).
public enum CollectionField: String, Sendable, Hashable, CaseIterable {
    case source, initialBudget, annualBudget, executed, executionRate, weight, score
    case category, subcategory, name, target, actual, deviation
    case number, content, completion

    /// Whether consecutive rows share this value as one group.
    public var isGroup: Bool { self == .category || self == .subcategory }
}
