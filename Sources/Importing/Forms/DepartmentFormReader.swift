import Evaluation

/// Reads a 部门整体支出绩效自评表 grid (the seed's 吉林 variant: 部门名称, 年度目标,
/// 绩效目标实际完成情况, 年度主要任务, 年度绩效目标完成情况) into a
/// `DepartmentEvaluation`.
enum DepartmentFormReader {
    private enum RowLabel {
        case name, annualGoal, goalCompletion, tasks, indicators

        static func classify(_ label: String) -> RowLabel? {
            if label.hasPrefix("部门名称") || label.hasPrefix("部门（单位）名称") { return .name }
            if label.contains("主要任务") { return .tasks }
            if label.contains("绩效目标完成情况") || label.contains("指标完成情况") || label.hasPrefix("绩效指标") { return .indicators }
            if label.contains("完成情况") { return .goalCompletion }
            if label.contains("年度目标") || label.contains("总体目标") { return .annualGoal }
            return nil
        }

        var isPair: Bool { [.name, .annualGoal, .goalCompletion].contains(self) }
    }

    private enum Block {
        case none
        case tasks(HeaderColumns<TaskField>?, side: GridCell)
        case indicators(HeaderColumns<IndicatorField>?, side: GridCell)

        /// Whether `cell` repeats this block's side label (and the block has its header).
        func repeats(_ cell: GridCell) -> Bool {
            let side: GridCell, hasHeader: Bool
            switch self {
            case .none: return false
            case .tasks(let header, let block): (side, hasHeader) = (block, header != nil)
            case .indicators(let header, let block): (side, hasHeader) = (block, header != nil)
            }
            return hasHeader && side.id != cell.id && Label.normalise(side.text) == Label.normalise(cell.text)
        }
    }

    static func read(_ table: FormTable, signatures: inout Signatures, _ context: inout ReadingContext) throws -> DepartmentEvaluation {
        var department = DepartmentEvaluation(name: "")
        var tree = IndicatorTree()
        var block = Block.none
        var labelColumn: Int?
        var sawName = false

        for row in table.rows where !row.isBlank {
            if labelColumn == nil, CommonRows.read(row, &context) { continue }
            if SignatureLine.isSignatureRow(row) {
                SignatureLine.read(row, into: &signatures, &context)
                continue
            }
            let first = row.cells[0]
            let label = RowLabel.classify(Label.normalise(first.text))
            if labelColumn == nil, label != nil { labelColumn = first.column }
            let inLabelColumn = first.column <= (labelColumn ?? first.column)
            guard inLabelColumn, let label else {
                if inLabelColumn && labelColumn != nil { block = .none } else { try continueBlock(&block, row, &department, &tree, &context) }
                continue
            }
            if block.repeats(first) {
                context.use(first)
                try continueBlock(&block, GridRow(cells: Array(row.cells.dropFirst()), place: row.place), &department, &tree, &context)
                continue
            }
            let rest = Array(row.cells.dropFirst())
            switch label {
            case .name, .annualGoal, .goalCompletion:
                block = .none
                let pairs = LabelValuePairs.read(row, classify: { RowLabel.classify($0).flatMap { $0.isPair ? $0 : nil } }, &context)
                for (key, value, cell) in pairs {
                    switch key {
                    case .name:
                        department.name = value
                        sawName = true
                        context.evidence.name(value, rank: ClueRank.formHeader, source: .label("部门名称"), at: cell.place)
                    case .annualGoal: department.annualGoal = value
                    default: department.goalCompletion = value
                    }
                }
            case .tasks:
                context.use(first)
                block = .tasks(rest.isEmpty ? nil : try tasksHeader(rest, at: first.place, &context), side: first)
            case .indicators:
                context.use(first)
                block = .indicators(rest.isEmpty ? nil : try indicatorsHeader(rest, at: first.place, &context), side: first)
            }
        }
        if !sawName {
            throw ImportError(.missingColumns(table: .label("部门整体支出绩效自评表"), missing: ["部门名称"], found: []), at: table.place)
        }
        department.indicators = tree.categories
        return department
    }

    private static func continueBlock(_ block: inout Block, _ row: GridRow, _ department: inout DepartmentEvaluation,
                                      _ tree: inout IndicatorTree, _ context: inout ReadingContext) throws {
        switch block {
        case .none:
            return
        case .tasks(nil, let side):
            block = .tasks(try tasksHeader(row.cells, at: row.place, &context), side: side)
        case .tasks(let header?, _):
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
        case .indicators(nil, let side):
            block = .indicators(try indicatorsHeader(row.cells, at: row.place, &context), side: side)
        case .indicators(let header?, _):
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
