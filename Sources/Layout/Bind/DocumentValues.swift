import Evaluation

/// Which document of a unit is being printed.
public enum DocumentInstance: Sendable, Hashable {
    case project(index: Int)
    case department
    case report

    public var kind: DocumentKind {
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

/// One row of a repeated collection: its fields' values, and for group
/// fields the identity of the group the row belongs to.
struct CollectionRecord {
    var values: [CollectionField: SourcedText]
    var groups: [CollectionField: [Int]]
    /// The funds block's 年度资金总额/总和 row.
    var isTotal = false
}

/// Reads the values a layout binds to out of the model.
struct DocumentValues {
    let unit: UnitEvaluation
    let instance: DocumentInstance

    func value(_ field: ScalarField) -> SourcedText {
        switch (field, instance) {
        case (.unitName, _): return SourcedText(text: unit.name, path: "unit.name")
        case (.year, _): return SourcedText(text: String(unit.year), path: "year")
        case (.unitHead, _): return SourcedText(text: unit.signatures.unitHead, path: "signatures.unitHead")
        case (.financeHead, _): return SourcedText(text: unit.signatures.financeHead, path: "signatures.financeHead")
        case (.projectLead, _): return SourcedText(text: unit.signatures.projectLead, path: "signatures.projectLead")
        case (.preparer, _): return SourcedText(text: unit.signatures.preparer, path: "signatures.preparer")
        case (.phone, _): return SourcedText(text: unit.signatures.phone, path: "signatures.phone")
        case (.fillingDate, _): return SourcedText(text: unit.signatures.date, path: "signatures.date")
        case (_, .project(let index)):
            let project = unit.projects[index]
            let base = FieldPath("projects").appending(index)
            switch field {
            case .projectName: return SourcedText(text: project.name, path: base.appending("name"))
            case .implementingUnit: return SourcedText(text: project.implementingUnit, path: base.appending("implementingUnit"))
            case .competentDepartment: return SourcedText(text: project.competentDepartment, path: base.appending("competentDepartment"))
            case .goalExpected: return SourcedText(text: project.goal.expected, path: base.appending("goal").appending("expected"))
            case .goalActual: return SourcedText(text: project.goal.actual, path: base.appending("goal").appending("actual"))
            case .totalScore: return SourcedText(text: project.totalScore, path: base.appending("totalScore"))
            case .grade: return SourcedText(text: project.grade, path: base.appending("grade"))
            default: break
            }
        case (_, .department):
            let department = unit.department
            switch field {
            case .departmentName: return SourcedText(text: department?.name ?? "", path: "department.name")
            case .annualGoal: return SourcedText(text: department?.annualGoal ?? "", path: "department.annualGoal")
            case .goalCompletion: return SourcedText(text: department?.goalCompletion ?? "", path: "department.goalCompletion")
            default: break
            }
        default: break
        }
        // The loader only accepts fields of the layout's own document kind.
        preconditionFailure("field \(field.rawValue) does not belong to \(instance)")
    }

    func records(_ collection: Collection) -> [CollectionRecord] {
        switch (collection, instance) {
        case (.projectFunds, .project(let index)):
            let base = FieldPath("projects").appending(index).appending("funds")
            return unit.projects[index].funds.enumerated().map { i, row in
                let path = base.appending(i)
                return CollectionRecord(values: [
                    .source: SourcedText(text: row.source, path: path.appending("source")),
                    .initialBudget: SourcedText(text: row.initialBudget, path: path.appending("initialBudget")),
                    .annualBudget: SourcedText(text: row.annualBudget, path: path.appending("annualBudget")),
                    .executed: SourcedText(text: row.executed, path: path.appending("executed")),
                    .executionRate: SourcedText(text: row.executionRate, path: path.appending("executionRate")),
                    .weight: SourcedText(text: row.weight, path: path.appending("weight")),
                    .score: SourcedText(text: row.score, path: path.appending("score")),
                ], groups: [:], isTotal: row.isTotal)
            }
        case (.projectIndicators, .project(let index)):
            return indicatorRecords(unit.projects[index].indicators, FieldPath("projects").appending(index).appending("indicators"))
        case (.departmentIndicators, .department):
            return indicatorRecords(unit.department?.indicators ?? [], "department.indicators")
        case (.departmentTasks, .department):
            return (unit.department?.tasks ?? []).enumerated().map { i, task in
                let path = FieldPath("department.tasks").appending(i)
                return CollectionRecord(values: [
                    .number: SourcedText(text: task.number, path: path.appending("number")),
                    .name: SourcedText(text: task.name, path: path.appending("name")),
                    .content: SourcedText(text: task.content, path: path.appending("content")),
                    .completion: SourcedText(text: task.completion, path: path.appending("completion")),
                ], groups: [:])
            }
        default:
            preconditionFailure("collection \(collection.rawValue) does not belong to \(instance)")
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
                records.append(CollectionRecord(values: [.category: categoryText], groups: [.category: [c], .subcategory: [c, -1]]))
            }
            for (s, subcategory) in category.subcategories.enumerated() {
                let subPath = categoryPath.appending("subcategories").appending(s)
                let subText = SourcedText(text: subcategory.name, path: subPath.appending("category"))
                let groups: [CollectionField: [Int]] = [.category: [c], .subcategory: [c, s]]
                if subcategory.indicators.isEmpty {
                    records.append(CollectionRecord(values: [.category: categoryText, .subcategory: subText], groups: groups))
                }
                for (i, indicator) in subcategory.indicators.enumerated() {
                    let path = subPath.appending("indicators").appending(i)
                    records.append(CollectionRecord(values: [
                        .category: categoryText, .subcategory: subText,
                        .name: SourcedText(text: indicator.name, path: path.appending("name")),
                        .target: SourcedText(text: indicator.target, path: path.appending("target")),
                        .actual: SourcedText(text: indicator.actual, path: path.appending("actual")),
                        .weight: SourcedText(text: indicator.weight, path: path.appending("weight")),
                        .score: SourcedText(text: indicator.score, path: path.appending("score")),
                        .deviation: SourcedText(text: indicator.deviation, path: path.appending("deviation")),
                    ], groups: groups))
                }
            }
        }
        return records
    }
}
