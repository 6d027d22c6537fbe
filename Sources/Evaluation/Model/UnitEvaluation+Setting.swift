/// Writing a unit's text at a field path: the counterpart of `text(at:)`,
/// for the desk's correction of a form in its own shape (an officer types
/// into the cell a path names). Only places that exist are written; a path
/// naming a row, indicator or field the unit does not have changes nothing.
extension UnitEvaluation {
    /// Sets the text at `path`; false when the unit has no such place.
    @discardableResult
    public mutating func setText(_ text: String, at path: FieldPath) -> Bool {
        var rest = path.components[...]
        guard case .key(let first)? = rest.popFirst() else { return false }
        switch first {
        case "signatures":
            guard case .key(let key)? = rest.first, rest.count == 1 else { return false }
            signatures.setValue(text, key)
            return true
        case "projects":
            guard case .index(let index)? = rest.popFirst(), projects.indices.contains(index) else { return false }
            var project = projects[index]
            var funds = project.funds, tasks: [MainTask] = [], indicators = project.indicators
            guard Self.set(text, rest, of: &project, funds: &funds, tasks: &tasks, indicators: &indicators) else { return false }
            project.funds = funds
            project.indicators = indicators
            projects[index] = project
            return true
        case "department":
            guard var department else { return false }
            var funds = department.funds, tasks = department.tasks, indicators = department.indicators
            guard Self.set(text, rest, of: &department, funds: &funds, tasks: &tasks, indicators: &indicators) else { return false }
            department.funds = funds
            department.tasks = tasks
            department.indicators = indicators
            self.department = department
            return true
        default:
            return false
        }
    }

    private static func set<Own: FieldValues>(_ text: String, _ path: ArraySlice<FieldPath.Component>, of own: inout Own, funds: inout [FundsRow],
                                              tasks: inout [MainTask], indicators: inout [IndicatorCategory]) -> Bool {
        var rest = path
        guard case .key(let key)? = rest.popFirst() else { return false }
        func index() -> Int? { if case .index(let index)? = rest.popFirst() { index } else { nil } }
        func field() -> String? { if case .key(let key)? = rest.popFirst() { key } else { nil } }
        switch key {
        case "funds":
            guard let row = index(), funds.indices.contains(row), let field = field(), rest.isEmpty else { return false }
            funds[row].setValue(text, field)
        case "tasks":
            guard let row = index(), tasks.indices.contains(row), let field = field(), rest.isEmpty else { return false }
            tasks[row].setValue(text, field)
        case "indicators":
            guard let c = index(), indicators.indices.contains(c), let next = field() else { return false }
            if next == "category" { indicators[c].name = text; return rest.isEmpty }
            guard next == "subcategories", let s = index(), indicators[c].subcategories.indices.contains(s), let after = field() else { return false }
            if after == "category" { indicators[c].subcategories[s].name = text; return rest.isEmpty }
            guard after == "indicators", let i = index(), indicators[c].subcategories[s].indicators.indices.contains(i), let field = field(),
                  rest.isEmpty else { return false }
            indicators[c].subcategories[s].indicators[i].setValue(text, field)
        case "goal":
            guard let field = field(), rest.isEmpty else { return false }
            own.setValue(text, "goal." + field)
        default:
            guard rest.isEmpty else { return false }
            own.setValue(text, key)
        }
        return true
    }
}
