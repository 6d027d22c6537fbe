import Evaluation

/// A single value a layout can print: `{year}`, `{unit.name}`,
/// `{project.name}`, `{department.budgetCode}`, `{signatures.preparer}`.
/// Resolved against the field registry once, when the layout file is loaded.
package struct ScalarField: Sendable, Hashable, CustomStringConvertible {
    package enum Scope: String, Sendable, Hashable {
        case unit, year, project, department, signatures
    }

    package var scope: Scope
    /// The registry key within the scope ("name", "goal.expected"); empty for `year`.
    package var key: String

    package init(scope: Scope, key: String) {
        self.scope = scope
        self.key = key
    }

    package static let year = ScalarField(scope: .year, key: "")
    package static let unitName = ScalarField(scope: .unit, key: "name")
    package static let totalScore = ScalarField(scope: .project, key: "totalScore")
    package static let grade = ScalarField(scope: .project, key: "grade")

    /// "project.name", as a layout writes it.
    package var description: String { scope == .year ? "year" : "\(scope.rawValue).\(key)" }

    /// The registry level of the field; nil for `{year}` and `{unit.name}`.
    package var level: FieldLevel? {
        switch scope {
        case .unit, .year: nil
        case .project: .project
        case .department: .department
        case .signatures: .signatures
        }
    }

    /// The document kind the field belongs to; nil means any.
    package var document: DocumentKind? {
        switch scope {
        case .unit, .year, .signatures: nil
        case .project: .project
        case .department: .department
        }
    }

    /// The field named `name` ("project.name") if `registry` declares it.
    package static func named(_ name: String, in registry: FieldRegistry) -> ScalarField? {
        if name == "year" { return .year }
        if name == "unit.name" { return .unitName }
        guard let dot = name.firstIndex(of: "."), let scope = Scope(rawValue: String(name[..<dot])) else { return nil }
        let field = ScalarField(scope: scope, key: String(name[name.index(after: dot)...]))
        guard let level = field.level, registry.declaration(field.key, at: level) != nil else { return nil }
        return field
    }

    /// Every field a layout of `document` may print, by name.
    package static func available(for document: DocumentKind, in registry: FieldRegistry) -> [String] {
        var names = ["year", "unit.name"]
        let scopes: [(Scope, FieldLevel)] = [(.project, .project), (.department, .department), (.signatures, .signatures)]
        for (scope, level) in scopes {
            let field = ScalarField(scope: scope, key: "")
            guard field.document == nil || field.document == document else { continue }
            names += registry.fields(at: level).map { "\(scope.rawValue).\($0.key)" }
        }
        return names
    }
}

/// A list a layout repeats one row for (`each:`). (Not `Collection`, which
/// would shadow Swift's protocol in every file that imports Layout.)
package enum RepeatedList: String, Sendable, Hashable, CaseIterable {
    case projectFunds = "project.funds"
    case projectIndicators = "project.indicators"
    case departmentFunds = "department.funds"
    case departmentTasks = "department.tasks"
    case departmentIndicators = "department.indicators"

    package var document: DocumentKind {
        switch self {
        case .projectFunds, .projectIndicators: .project
        case .departmentFunds, .departmentTasks, .departmentIndicators: .department
        }
    }

    /// The registry level of each row's fields.
    package var level: FieldLevel {
        switch self {
        case .projectFunds, .departmentFunds: .funds
        case .projectIndicators, .departmentIndicators: .indicator
        case .departmentTasks: .task
        }
    }

    /// Whether rows belong to 一级/二级 groups (`category`, `subcategory`).
    package var isIndicatorTree: Bool { level == .indicator }

    /// The keys a row of this list has in `registry`, group fields first.
    package func fieldKeys(in registry: FieldRegistry) -> [String] {
        (isIndicatorTree ? [CollectionField.category.key, CollectionField.subcategory.key] : [])
            + registry.fields(at: level).map(\.key)
    }
}

/// A field of one collection row, by its registry key. `category` and
/// `subcategory` belong to groups of rows, so they can be merged down
/// (`merge: true`).
package struct CollectionField: Sendable, Hashable, CustomStringConvertible {
    package var key: String

    package init(_ key: String) { self.key = key }

    package static let category = CollectionField("category")
    package static let subcategory = CollectionField("subcategory")
    package static let weight = CollectionField("weight")
    package static let score = CollectionField("score")

    /// Whether consecutive rows share this value as one group.
    package var isGroup: Bool { self == .category || self == .subcategory }

    package var description: String { key }
}

/// What a `field:` cell prints: a row's field, or one part of it (a
/// written value's comparator, number or unit), or a value computed by a
/// formula when the unit left the field empty.
package struct FieldBinding: Sendable, Hashable {
    package var field: CollectionField
    package var view: ValueView?
    package var formula: Formula?
    /// The declared kind of the field (scores may be computed; money and
    /// percent cells format computed values).
    package var kind: FieldKind

    package init(field: CollectionField, view: ValueView? = nil, formula: Formula? = nil, kind: FieldKind = .text) {
        self.field = field
        self.view = view
        self.formula = formula
        self.kind = kind
    }
}

/// A part of a written indicator value (see `WrittenValueParts`).
package enum ValueView: String, Sendable, Hashable, CaseIterable {
    /// 指标性质: "≥", "=", "≤".
    case comparator
    /// 指标值: the number alone.
    case number
    /// 度量单位: "万元", "%".
    case unit

    package func part(of text: String) -> String {
        let parts = WrittenValueParts(text)
        return switch self {
        case .comparator: parts.comparator
        case .number: parts.number
        case .unit: parts.unit
        }
    }
}
