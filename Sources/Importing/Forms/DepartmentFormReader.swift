import Evaluation

/// Reads a 部门整体支出绩效自评表 grid (the seed's 吉林 variant: 部门名称, 年度目标,
/// 绩效目标实际完成情况, 年度主要任务, 年度绩效目标完成情况) into a
/// `DepartmentEvaluation`.
struct DepartmentFormReader: BlockForm {
    enum RowKind {
        case name, annualGoal, goalCompletion, tasks, indicators
    }

    enum Block: FormBlock {
        case tasks(HeaderColumns<TaskField>?)
        case indicators(HeaderColumns<IndicatorField>?)

        var hasHeader: Bool {
            switch self {
            case .tasks(let header): header != nil
            case .indicators(let header): header != nil
            }
        }
    }

    static let title = "部门整体支出绩效自评表"
    static let nameLabel = "部门名称"

    static func classify(_ label: String) -> RowKind? {
        if label.hasPrefix("部门名称") || label.hasPrefix("部门（单位）名称") { return .name }
        if label.contains("主要任务") { return .tasks }
        if label.contains("绩效目标完成情况") || label.contains("指标完成情况") || label.hasPrefix("绩效指标") { return .indicators }
        if label.contains("完成情况") { return .goalCompletion }
        if label.contains("年度目标") || label.contains("总体目标") { return .annualGoal }
        return nil
    }

    static func isPair(_ kind: RowKind) -> Bool { [.name, .annualGoal, .goalCompletion].contains(kind) }

    var department = DepartmentEvaluation(name: "")
    var tree = IndicatorTree()
    var hasName = false

    static func read(_ table: FormTable, signatures: inout Signatures, _ context: inout ReadingContext) throws -> DepartmentEvaluation {
        var form = DepartmentFormReader()
        try BlockFormReader.read(&form, table, signatures: &signatures, &context)
        form.department.indicators = form.tree.categories
        return form.department
    }

    mutating func take(_ kind: RowKind, value: String, at cell: GridCell, _ context: inout ReadingContext) {
        switch kind {
        case .name:
            department.name = value
            hasName = true
            context.evidence.name(value, rank: ClueRank.formHeader, source: .label("部门名称"), at: cell.place)
        case .annualGoal: department.annualGoal = value
        default: department.goalCompletion = value
        }
    }

    mutating func open(_ kind: RowKind, rest: [GridCell], at place: ImportPlace, _ context: inout ReadingContext) throws -> Block? {
        switch kind {
        case .tasks: .tasks(rest.isEmpty ? nil : try Self.tasksHeader(rest, at: place, &context))
        case .indicators: .indicators(rest.isEmpty ? nil : try Self.indicatorsHeader(rest, at: place, &context))
        case .name, .annualGoal, .goalCompletion: nil  // pair rows never open a block
        }
    }

    mutating func read(_ row: GridRow, in block: inout Block, _ context: inout ReadingContext) throws {
        switch block {
        case .tasks(nil):
            block = .tasks(try Self.tasksHeader(row.cells, at: row.place, &context))
        case .tasks(let header?):
            let (values, _) = BlockHeader.place(row.cells, under: header)
            func take(_ field: TaskField) -> String {
                context.use(values[field])
                return values[field]?.text.trimmedCell ?? ""
            }
            let task = MainTask(number: take(.number), name: take(.name), content: take(.content), completion: take(.completion))
            if !(task.number + task.name + task.content + task.completion).isEmpty {
                department.tasks.append(task)
                context.evidence.yearMentioned(in: task.name, rank: ClueRank.formField, source: .label("任务名称 \(task.name)"), at: values[.name]?.place ?? row.place)
            }
        case .indicators(nil):
            block = .indicators(try Self.indicatorsHeader(row.cells, at: row.place, &context))
        case .indicators(let header?):
            IndicatorRows.read(row, under: header, into: &tree, &context)
        }
    }

    private static func tasksHeader(_ cells: [GridCell], at place: ImportPlace, _ context: inout ReadingContext) throws -> HeaderColumns<TaskField> {
        try BlockHeader.read(cells, table: "部门整体支出绩效自评表 年度主要任务", required: TaskField.required,
                             classify: TaskField.classify, at: place, &context)
    }

    private static func indicatorsHeader(_ cells: [GridCell], at place: ImportPlace, _ context: inout ReadingContext) throws -> HeaderColumns<IndicatorField> {
        try BlockHeader.read(cells, table: "部门整体支出绩效自评表 年度绩效目标完成情况", required: IndicatorField.required,
                             classify: IndicatorField.classify, at: place, &context)
    }
}
