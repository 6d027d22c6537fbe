/// A model value whose fields can be read and written by key: the typed
/// properties that checks and scoring use, and `extra` for every other
/// declared field. This is the one place that knows which keys are typed;
/// the reader, the writer, the binder and the importer go through it.
public protocol FieldValues {
    /// The registry level of the value's fields.
    static var level: FieldLevel { get }
    /// Keys held in typed properties, in the order a unit file lists them.
    static var typedKeys: [String] { get }
    var extra: [String: String] { get set }
    func typedValue(_ key: String) -> String?
    mutating func setTyped(_ value: String, _ key: String) -> Bool
}

extension FieldValues {
    /// The value of `key` as written; "" when the unit left it out.
    public func value(_ key: String) -> String { typedValue(key) ?? extra[key] ?? "" }

    /// Sets `key`, in its typed property if it has one, else in `extra`
    /// (an empty value removes it there).
    public mutating func setValue(_ value: String, _ key: String) {
        if setTyped(value, key) { return }
        extra[key] = value.isEmpty ? nil : value
    }
}

extension Project: FieldValues {
    public static let level = FieldLevel.project
    public static let typedKeys = ["name", "competentDepartment", "implementingUnit", "goal.expected", "goal.actual", "totalScore", "grade"]
    public func typedValue(_ key: String) -> String? {
        switch key {
        case "name": name
        case "competentDepartment": competentDepartment
        case "implementingUnit": implementingUnit
        case "goal.expected": goal.expected
        case "goal.actual": goal.actual
        case "totalScore": totalScore
        case "grade": grade
        default: nil
        }
    }
    public mutating func setTyped(_ value: String, _ key: String) -> Bool {
        switch key {
        case "name": name = value
        case "competentDepartment": competentDepartment = value
        case "implementingUnit": implementingUnit = value
        case "goal.expected": goal.expected = value
        case "goal.actual": goal.actual = value
        case "totalScore": totalScore = value
        case "grade": grade = value
        default: return false
        }
        return true
    }
}

extension FundsRow: FieldValues {
    public static let level = FieldLevel.funds
    public static let typedKeys = ["source", "initialBudget", "annualBudget", "executed", "executionRate", "weight", "score"]
    public func typedValue(_ key: String) -> String? {
        switch key {
        case "source": source
        case "initialBudget": initialBudget
        case "annualBudget": annualBudget
        case "executed": executed
        case "executionRate": executionRate
        case "weight": weight
        case "score": score
        default: nil
        }
    }
    public mutating func setTyped(_ value: String, _ key: String) -> Bool {
        switch key {
        case "source": source = value
        case "initialBudget": initialBudget = value
        case "annualBudget": annualBudget = value
        case "executed": executed = value
        case "executionRate": executionRate = value
        case "weight": weight = value
        case "score": score = value
        default: return false
        }
        return true
    }
}

extension Indicator: FieldValues {
    public static let level = FieldLevel.indicator
    public static let typedKeys = ["name", "target", "actual", "weight", "score", "deviation"]
    public func typedValue(_ key: String) -> String? {
        switch key {
        case "name": name
        case "target": target
        case "actual": actual
        case "weight": weight
        case "score": score
        case "deviation": deviation
        default: nil
        }
    }
    public mutating func setTyped(_ value: String, _ key: String) -> Bool {
        switch key {
        case "name": name = value
        case "target": target = value
        case "actual": actual = value
        case "weight": weight = value
        case "score": score = value
        case "deviation": deviation = value
        default: return false
        }
        return true
    }
}

extension DepartmentEvaluation: FieldValues {
    public static let level = FieldLevel.department
    public static let typedKeys = ["name", "annualGoal", "goalCompletion"]
    public func typedValue(_ key: String) -> String? {
        switch key {
        case "name": name
        case "annualGoal": annualGoal
        case "goalCompletion": goalCompletion
        default: nil
        }
    }
    public mutating func setTyped(_ value: String, _ key: String) -> Bool {
        switch key {
        case "name": name = value
        case "annualGoal": annualGoal = value
        case "goalCompletion": goalCompletion = value
        default: return false
        }
        return true
    }
}

extension MainTask: FieldValues {
    public static let level = FieldLevel.task
    public static let typedKeys = ["number", "name", "content", "completion"]
    public func typedValue(_ key: String) -> String? {
        switch key {
        case "number": number
        case "name": name
        case "content": content
        case "completion": completion
        default: nil
        }
    }
    public mutating func setTyped(_ value: String, _ key: String) -> Bool {
        switch key {
        case "number": number = value
        case "name": name = value
        case "content": content = value
        case "completion": completion = value
        default: return false
        }
        return true
    }
}

extension Signatures: FieldValues {
    public static let level = FieldLevel.signatures
    public static let typedKeys = ["unitHead", "financeHead", "projectLead", "preparer", "phone", "date"]
    public func typedValue(_ key: String) -> String? {
        switch key {
        case "unitHead": unitHead
        case "financeHead": financeHead
        case "projectLead": projectLead
        case "preparer": preparer
        case "phone": phone
        case "date": date
        default: nil
        }
    }
    public mutating func setTyped(_ value: String, _ key: String) -> Bool {
        switch key {
        case "unitHead": unitHead = value
        case "financeHead": financeHead = value
        case "projectLead": projectLead = value
        case "preparer": preparer = value
        case "phone": phone = value
        case "date": date = value
        default: return false
        }
        return true
    }
}
