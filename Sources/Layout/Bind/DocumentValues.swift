import Evaluation

/// Which document of a unit is being printed.
package enum DocumentInstance: Sendable, Hashable {
    case project(index: Int)
    case department
    case report

    package var kind: DocumentKind {
        switch self {
        case .project: .project
        case .department: .department
        case .report: .report
        }
    }
}

/// One value of the unit with the place it was read from.
struct SourcedText {
    var text: String
    var path: FieldPath
}

/// One row of a repeated collection: its fields' values by key, and for
/// group fields the identity of the group the row belongs to.
struct CollectionRecord {
    var values: [String: SourcedText]
    var groups: [CollectionField: [Int]]
    /// Where the row is in the unit file (for fields it leaves out).
    var path: FieldPath
    /// The list's total row, printed with the block's `totalRow`: the money
    /// block's 年度资金总额/总和 (`FundsRow.isTotal`), a task or indicator
    /// named 合计 or 总计.
    var isTotal = false

    static func isTotalLabel(_ name: String) -> Bool {
        let label = name.filter { !$0.isWhitespace }
        return label == "合计" || label == "总计"
    }

    func value(_ key: String) -> SourcedText {
        values[key] ?? SourcedText(text: "", path: path.appending(key))
    }
}

extension FieldPath {
    /// `goal.expected` → two components.
    func appending(key: String) -> FieldPath {
        key.split(separator: ".").reduce(self) { $0.appending(String($1)) }
    }
}

/// Reads the values a layout binds to out of the model, by registry key.
struct DocumentValues {
    let unit: UnitEvaluation
    let instance: DocumentInstance

    func value(_ field: ScalarField) -> SourcedText {
        switch field.scope {
        case .unit: return SourcedText(text: unit.name, path: "unit.name")
        case .year: return SourcedText(text: String(unit.year), path: "year")
        case .signatures:
            return SourcedText(text: unit.signatures.value(field.key), path: FieldPath("signatures").appending(key: field.key))
        case .project:
            // The loader only accepts project fields in project layouts.
            guard case .project(let index) = instance else { return SourcedText(text: "", path: FieldPath(key: field.key)) }
            return SourcedText(text: unit.projects[index].value(field.key),
                               path: FieldPath("projects").appending(index).appending(key: field.key))
        case .department:
            return SourcedText(text: unit.department?.value(field.key) ?? "", path: FieldPath("department").appending(key: field.key))
        }
    }

    func records(_ collection: RepeatedList) -> [CollectionRecord] {
        switch (collection, instance) {
        case (.projectFunds, .project(let index)):
            return fundsRecords(unit.projects[index].funds, FieldPath("projects").appending(index).appending("funds"))
        case (.departmentFunds, .department):
            return fundsRecords(unit.department?.funds ?? [], "department.funds")
        case (.projectIndicators, .project(let index)):
            return indicatorRecords(unit.projects[index].indicators, FieldPath("projects").appending(index).appending("indicators"))
        case (.departmentIndicators, .department):
            return indicatorRecords(unit.department?.indicators ?? [], "department.indicators")
        case (.departmentTasks, .department):
            return (unit.department?.tasks ?? []).enumerated().map { i, task in
                var record = record(task, path: FieldPath("department.tasks").appending(i))
                record.isTotal = CollectionRecord.isTotalLabel(task.name)
                return record
            }
        default:
            // The loader only accepts lists of the layout's own document kind.
            return []
        }
    }

    private func record<Value: FieldValues>(_ value: Value, path: FieldPath, groups: [CollectionField: [Int]] = [:]) -> CollectionRecord {
        var values: [String: SourcedText] = [:]
        for key in Value.typedKeys + value.extra.keys {
            values[key] = SourcedText(text: value.value(key), path: path.appending(key: key))
        }
        return CollectionRecord(values: values, groups: groups, path: path)
    }

    private func fundsRecords(_ rows: [FundsRow], _ base: FieldPath) -> [CollectionRecord] {
        rows.enumerated().map { i, row in
            var record = record(row, path: base.appending(i))
            record.isTotal = row.isTotal
            return record
        }
    }

    /// Flattens the 一级 → 二级 → 三级 tree into one record per printed row.
    /// An empty category or subcategory still gets a row: the form shows it
    /// empty rather than dropping what the unit wrote.
    private func indicatorRecords(_ categories: [IndicatorCategory], _ base: FieldPath) -> [CollectionRecord] {
        var records: [CollectionRecord] = []
        for (c, category) in categories.enumerated() {
            let categoryPath = base.appending(c)
            let categoryText = SourcedText(text: category.name, path: categoryPath.appending("category"))
            if category.subcategories.isEmpty {
                records.append(CollectionRecord(values: ["category": categoryText], groups: [.category: [c], .subcategory: [c, -1]],
                                                path: categoryPath))
            }
            for (s, subcategory) in category.subcategories.enumerated() {
                let subPath = categoryPath.appending("subcategories").appending(s)
                let subText = SourcedText(text: subcategory.name, path: subPath.appending("category"))
                let groups: [CollectionField: [Int]] = [.category: [c], .subcategory: [c, s]]
                if subcategory.indicators.isEmpty {
                    records.append(CollectionRecord(values: ["category": categoryText, "subcategory": subText], groups: groups, path: subPath))
                }
                for (i, indicator) in subcategory.indicators.enumerated() {
                    var row = record(indicator, path: subPath.appending("indicators").appending(i), groups: groups)
                    row.isTotal = CollectionRecord.isTotalLabel(indicator.name)
                    row.values["category"] = categoryText
                    row.values["subcategory"] = subText
                    records.append(row)
                }
            }
        }
        return records
    }
}

extension FieldPath {
    init(key: String) { self = FieldPath().appending(key: key) }
}
