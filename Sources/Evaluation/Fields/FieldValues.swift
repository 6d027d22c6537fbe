/// A model value whose fields can be read and written by key: the typed
/// properties that checks and scoring use, and `extra` for every other
/// declared field. This is the one place that knows which keys are typed;
/// the reader, the writer, the binder and the importer go through it.
public protocol FieldValues {
    /// The registry level of the value's fields.
    static var level: FieldLevel { get }
    /// The typed properties by key, in the order a unit file lists them.
    static var typedFields: [(key: String, property: WritableKeyPath<Self, String> & Sendable)] { get }
    /// Keys held in typed properties, in the order a unit file lists them:
    /// `typedFields`' keys. Each model type stores them once, because the
    /// reader and the binder ask for every object of every unit, and
    /// mapping the key paths anew cost 31 K instructions a call (issue 25).
    static var typedKeys: [String] { get }
    var extra: [String: String] { get set }
}

extension FieldValues {
    /// `typedFields`' keys, worked out on every call: for a type of another
    /// module that does not store them.
    public static var typedKeys: [String] { typedFields.map(\.key) }

    /// The value of `key` as written; "" when the unit left it out.
    ///
    /// The key is found among `typedKeys`, a plain [String]: searching
    /// `typedFields` itself ran unspecialised over its tuples, 4 K
    /// instructions a call, and the checks ask about 150 times a unit
    /// (issue 25).
    public func value(_ key: String) -> String {
        if let index = Self.typedKeys.firstIndex(of: key) { return self[keyPath: Self.typedFields[index].property] }
        return extra[key] ?? ""
    }

    /// Sets `key`, in its typed property if it has one, else in `extra`
    /// (an empty value removes it there).
    public mutating func setValue(_ value: String, _ key: String) {
        if let index = Self.typedKeys.firstIndex(of: key) {
            self[keyPath: Self.typedFields[index].property] = value
        } else {
            extra[key] = value.isEmpty ? nil : value
        }
    }
}

extension Project: FieldValues {
    public static let level = FieldLevel.project
    public static let typedFields: [(key: String, property: WritableKeyPath<Project, String> & Sendable)] = [
        ("name", \.name), ("competentDepartment", \.competentDepartment), ("implementingUnit", \.implementingUnit),
        ("goal.expected", \.goal.expected), ("goal.actual", \.goal.actual), ("totalScore", \.totalScore), ("grade", \.grade),
    ]
    public static let typedKeys = typedFields.map(\.key)
}

extension FundsRow: FieldValues {
    public static let level = FieldLevel.funds
    public static let typedFields: [(key: String, property: WritableKeyPath<FundsRow, String> & Sendable)] = [
        ("source", \.source), ("initialBudget", \.initialBudget), ("annualBudget", \.annualBudget), ("executed", \.executed),
        ("executionRate", \.executionRate), ("weight", \.weight), ("score", \.score),
    ]
    public static let typedKeys = typedFields.map(\.key)
}

extension Indicator: FieldValues {
    public static let level = FieldLevel.indicator
    public static let typedFields: [(key: String, property: WritableKeyPath<Indicator, String> & Sendable)] = [
        ("name", \.name), ("target", \.target), ("actual", \.actual), ("weight", \.weight), ("score", \.score), ("deviation", \.deviation),
    ]
    public static let typedKeys = typedFields.map(\.key)
}

extension DepartmentEvaluation: FieldValues {
    public static let level = FieldLevel.department
    public static let typedFields: [(key: String, property: WritableKeyPath<DepartmentEvaluation, String> & Sendable)] = [
        ("name", \.name), ("annualGoal", \.annualGoal), ("goalCompletion", \.goalCompletion),
    ]
    public static let typedKeys = typedFields.map(\.key)
}

extension MainTask: FieldValues {
    public static let level = FieldLevel.task
    public static let typedFields: [(key: String, property: WritableKeyPath<MainTask, String> & Sendable)] = [
        ("number", \.number), ("name", \.name), ("content", \.content), ("completion", \.completion),
    ]
    public static let typedKeys = typedFields.map(\.key)
}

extension Signatures: FieldValues {
    public static let level = FieldLevel.signatures
    public static let typedFields: [(key: String, property: WritableKeyPath<Signatures, String> & Sendable)] = [
        ("unitHead", \.unitHead), ("financeHead", \.financeHead), ("projectLead", \.projectLead), ("preparer", \.preparer),
        ("phone", \.phone), ("date", \.date),
    ]
    public static let typedKeys = typedFields.map(\.key)
}
