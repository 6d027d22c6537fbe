/// The text of a unit at a field path, as a finding or a printed cell names
/// it: `projects[0].funds[1].executed`, `department.tasks[2].name`,
/// `projects[0].indicators[1].subcategories[0].category` (a group's name),
/// `signatures.phone`. One resolver for the checks that ask what a unit
/// wrote at a place and for the conservation of printed figures.
extension UnitEvaluation {
    /// The text at `path`; "" when the unit has nothing there.
    public func text(at path: FieldPath) -> String {
        var rest = path.components[...]
        guard case .key(let first)? = rest.popFirst() else { return "" }
        switch first {
        case "signatures":
            guard case .key(let key)? = rest.first else { return "" }
            return signatures.value(key)
        case "projects":
            guard case .index(let index)? = rest.popFirst(), projects.indices.contains(index) else { return "" }
            let project = projects[index]
            return Self.text(rest, of: project, funds: project.funds, tasks: [], indicators: project.indicators)
        case "department":
            guard let department else { return "" }
            return Self.text(rest, of: department, funds: department.funds, tasks: department.tasks, indicators: department.indicators)
        default:
            return ""
        }
    }

    private static func text<Own: FieldValues>(_ path: ArraySlice<FieldPath.Component>, of own: Own, funds: [FundsRow], tasks: [MainTask],
                                               indicators: [IndicatorCategory]) -> String {
        var rest = path
        guard case .key(let key)? = rest.popFirst() else { return "" }
        func index() -> Int? { if case .index(let index)? = rest.popFirst() { index } else { nil } }
        func field() -> String? { if case .key(let key)? = rest.popFirst() { key } else { nil } }
        switch key {
        case "funds":
            guard let row = index(), funds.indices.contains(row), let field = field() else { return "" }
            return funds[row].value(field)
        case "tasks":
            guard let row = index(), tasks.indices.contains(row), let field = field() else { return "" }
            return tasks[row].value(field)
        case "indicators":
            guard let c = index(), indicators.indices.contains(c), let next = field() else { return "" }
            let category = indicators[c]
            if next == "category" { return category.name }
            guard next == "subcategories", let s = index(), category.subcategories.indices.contains(s), let after = field() else { return "" }
            let subcategory = category.subcategories[s]
            if after == "category" { return subcategory.name }
            guard after == "indicators", let i = index(), subcategory.indicators.indices.contains(i), let field = field() else { return "" }
            return subcategory.indicators[i].value(field)
        case "goal":
            guard let field = field() else { return "" }
            return own.value("goal." + field)
        default:
            return rest.isEmpty ? own.value(key) : ""
        }
    }
}

extension FieldPath {
    /// A path as findings print it (`projects[0].funds[1].executed`); nil
    /// for text that is not one (an empty key, a bracket without a number).
    public init?(parsing text: String) {
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let key = rest.prefix { $0 != "[" }
            guard !key.isEmpty else { return nil }
            components.append(.key(String(key)))
            rest = rest.dropFirst(key.count)
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else { return nil }
        }
        self.init(components)
    }
}
