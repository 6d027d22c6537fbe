import Evaluation

/// A single value a layout can print: `{year}`, `{unit.name}`,
/// `{project.name}`, `{department.budgetCode}`, `{signatures.preparer}`.
/// Resolved against the field registry once, when the layout file is loaded.
public struct ScalarField: Sendable, Hashable, CustomStringConvertible {
    public enum Scope: String, Sendable, Hashable {
        case unit, year, project, department, signatures
    }

    public var scope: Scope
    /// The registry key within the scope ("name", "goal.expected"); empty for `year`.
    public var key: String

    public init(scope: Scope, key: String) {
        self.scope = scope
        self.key = key
    }

    public static let year = ScalarField(scope: .year, key: "")
    public static let unitName = ScalarField(scope: .unit, key: "name")
    public static let totalScore = ScalarField(scope: .project, key: "totalScore")
    public static let grade = ScalarField(scope: .project, key: "grade")

    /// "project.name", as a layout writes it.
    public var description: String { scope == .year ? "year" : "\(scope.rawValue).\(key)" }

    /// The registry level of the field; nil for `{year}` and `{unit.name}`.
    public var level: FieldLevel? {
        switch scope {
        case .unit, .year: nil
        case .project: .project
        case .department: .department
        case .signatures: .signatures
        }
    }

    /// The document kind the field belongs to; nil means any.
    public var document: DocumentKind? {
        switch scope {
        case .unit, .year, .signatures: nil
        case .project: .project
        case .department: .department
        }
    }

    /// The field named `name` ("project.name") if `registry` declares it.
    public static func named(_ name: String, in registry: FieldRegistry) -> ScalarField? {
        if name == "year" { return .year }
        if name == "unit.name" { return .unitName }
        guard let dot = name.firstIndex(of: "."), let scope = Scope(rawValue: String(name[..<dot])) else { return nil }
        let field = ScalarField(scope: scope, key: String(name[name.index(after: dot)...]))
        guard let level = field.level, registry.declaration(field.key, at: level) != nil else { return nil }
        return field
    }

    /// Every field a layout of `document` may print, by name.
    public static func available(for document: DocumentKind, in registry: FieldRegistry) -> [String] {
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
public enum RepeatedList: String, Sendable, Hashable, CaseIterable {
    case projectFunds = "project.funds"
    case projectIndicators = "project.indicators"
    case departmentFunds = "department.funds"
    case departmentTasks = "department.tasks"
    case departmentIndicators = "department.indicators"

    public var document: DocumentKind {
        switch self {
        case .projectFunds, .projectIndicators: .project
        case .departmentFunds, .departmentTasks, .departmentIndicators: .department
        }
    }

    /// The registry level of each row's fields.
    public var level: FieldLevel {
        switch self {
        case .projectFunds, .departmentFunds: .funds
        case .projectIndicators, .departmentIndicators: .indicator
        case .departmentTasks: .task
        }
    }

    /// Whether rows belong to 一级/二级 groups (`category`, `subcategory`).
    public var isIndicatorTree: Bool { level == .indicator }

    /// The keys a row of this list has in `registry`, group fields first.
    public func fieldKeys(in registry: FieldRegistry) -> [String] {
        (isIndicatorTree ? [CollectionField.category.key, CollectionField.subcategory.key] : [])
            + registry.fields(at: level).map(\.key)
    }
}

/// A field of one collection row, by its registry key. `category` and
/// `subcategory` belong to groups of rows, so they can be merged down
/// (`merge: true`).
public struct CollectionField: Sendable, Hashable, CustomStringConvertible {
    public var key: String

    public init(_ key: String) { self.key = key }

    public static let category = CollectionField("category")
    public static let subcategory = CollectionField("subcategory")
    public static let weight = CollectionField("weight")
    public static let score = CollectionField("score")

    /// Whether consecutive rows share this value as one group.
    public var isGroup: Bool { self == .category || self == .subcategory }

    public var description: String { key }
}

/// What a `field:` cell prints: a row's field, or one part of it (a
/// written value's comparator, number or unit), or a value computed by a
/// formula when the unit left the field empty.
public struct FieldBinding: Sendable, Hashable {
    public var field: CollectionField
    public var view: ValueView?
    public var formula: Formula?
    /// The declared kind of the field (scores may be computed; money and
    /// percent cells format computed values).
    public var kind: FieldKind

    public init(field: CollectionField, view: ValueView? = nil, formula: Formula? = nil, kind: FieldKind = .text) {
        self.field = field
        self.view = view
        self.formula = formula
        self.kind = kind
    }
}

/// A part of a written indicator value (see `WrittenValueParts`).
public enum ValueView: String, Sendable, Hashable, CaseIterable {
    /// 指标性质: "≥", "=", "≤".
    case comparator
    /// 指标值: the number alone.
    case number
    /// 度量单位: "万元", "%".
    case unit

    public func part(of text: String) -> String {
        let parts = WrittenValueParts(text)
        return switch self {
        case .comparator: parts.comparator
        case .number: parts.number
        case .unit: parts.unit
        }
    }
}
