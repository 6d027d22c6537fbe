import Evaluation

/// Reads a 项目支出绩效自评表 grid — the 吉林 6-column variant or the national
/// 9-column one (主管部门, 分值/得分, 偏差原因 columns, 总分 row) — into a
/// `Project`, finding each block by its side label and each column by its
/// header label.
enum ProjectFormReader {
    private enum RowLabel {
        case name, competentDepartment, implementingUnit, funds, goal, indicators, total

        static func classify(_ label: String) -> RowLabel? {
            if label.hasPrefix("项目名称") { return .name }
            if label.hasPrefix("主管部门") { return .competentDepartment }
            if label.hasPrefix("实施单位") { return .implementingUnit }
            if label.hasPrefix("总分") || label.hasPrefix("合计") { return .total }
            if label.contains("总体目标") { return .goal }
            if label.contains("绩效指标") { return .indicators }
            if label.contains("资金") { return .funds }
            return nil
        }

        var isPair: Bool { [.name, .competentDepartment, .implementingUnit].contains(self) }
    }

    private enum Block {
        case none
        case funds(HeaderColumns<FundsField>?, side: GridCell)
        case goal(HeaderColumns<GoalField>?, side: GridCell, filled: Bool)
        case indicators(HeaderColumns<IndicatorField>?, side: GridCell)

        /// Whether `cell` repeats this block's side label (and the block has its header).
        func repeats(_ cell: GridCell) -> Bool {
            let same = { (side: GridCell) in Label.normalise(side.text) == Label.normalise(cell.text) && side.id != cell.id }
            switch self {
            case .none: return false
            case .funds(let header, let side): return header != nil && same(side)
            case .goal(let header, let side, _): return header != nil && same(side)
            case .indicators(let header, let side): return header != nil && same(side)
            }
        }
    }

    static func read(_ table: FormTable, signatures: inout Signatures, _ context: inout ReadingContext) throws -> Project {
        var project = Project(name: "")
        var tree = IndicatorTree()
        var indicatorHeader: HeaderColumns<IndicatorField>?
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
            defer {
                if case .indicators(let header?, _) = block { indicatorHeader = header }
            }
            let inLabelColumn = first.column <= (labelColumn ?? first.column)
            guard inLabelColumn, let label else {
                // An unknown side label ends the block; its cells are reported.
                if inLabelColumn && labelColumn != nil { block = .none } else { try continueBlock(&block, row, &project, &tree, &context) }
                continue
            }
            if block.repeats(first) {
                // Unmerged sheets repeat the side label on every row of its block.
                context.use(first)
                try continueBlock(&block, GridRow(cells: Array(row.cells.dropFirst()), place: row.place), &project, &tree, &context)
                continue
            }
            let rest = Array(row.cells.dropFirst())
            switch label {
            case .name, .competentDepartment, .implementingUnit:
                block = .none
                let pairs = LabelValuePairs.read(row, classify: { RowLabel.classify($0).flatMap { $0.isPair ? $0 : nil } }, &context)
                for (key, value, cell) in pairs {
                    switch key {
                    case .name:
                        project.name = value
                        sawName = true
                        context.evidence.yearMentioned(in: value, rank: ClueRank.formField, source: .label("项目名称 \(value)"), at: cell.place)
                    case .competentDepartment: project.competentDepartment = value
                    default:
                        project.implementingUnit = value
                        context.evidence.name(value, rank: ClueRank.formField, source: .label("实施单位"), at: cell.place)
                    }
                }
            case .funds:
                context.use(first)
                let header = rest.isEmpty ? nil : try fundsHeader(rest, at: first.place, &context)
                block = .funds(header, side: first)
            case .goal:
                context.use(first)
                let header = rest.isEmpty ? nil : try goalHeader(rest, at: first.place, &context)
                block = .goal(header, side: first, filled: false)
            case .indicators:
                context.use(first)
                let header = rest.isEmpty ? nil : try indicatorsHeader(rest, at: first.place, &context)
                block = .indicators(header, side: first)
            case .total:
                context.use(first)
                block = .none
                readTotal(rest, indicatorHeader, &project, &context)
            }
        }
        if !sawName {
            throw ImportError(.missingColumns(table: .label("项目支出绩效自评表"), missing: ["项目名称"], found: []), at: table.place)
        }
        project.indicators = tree.categories
        return project
    }

    private static func continueBlock(_ block: inout Block, _ row: GridRow, _ project: inout Project,
                                      _ tree: inout IndicatorTree, _ context: inout ReadingContext) throws {
        switch block {
        case .none:
            return  // its cells are reported as unplaced
        case .funds(nil, let side):
            block = .funds(try fundsHeader(row.cells, at: row.place, &context), side: side)
        case .funds(let header?, _):
            let (values, leading) = BlockHeader.place(row.cells, under: header)
            var source = values[.source]
            if source == nil, let firstLeading = leading.first { source = firstLeading }
            var funds = FundsRow(source: source?.text.trimmedCell ?? "")
            context.use(source)
            func take(_ field: FundsField) -> String {
                context.use(values[field])
                return values[field]?.text.trimmedCell ?? ""
            }
            funds.initialBudget = take(.initialBudget)
            funds.annualBudget = take(.annualBudget)
            funds.executed = take(.executed)
            funds.executionRate = take(.executionRate)
            funds.weight = take(.weight)
            funds.score = take(.score)
            project.funds.append(funds)
        case .goal(nil, let side, _):
            block = .goal(try goalHeader(row.cells, at: row.place, &context), side: side, filled: false)
        case .goal(let header?, let side, let filled):
            guard !filled else { return }
            let (values, _) = BlockHeader.place(row.cells, under: header)
            context.use(values[.expected])
            context.use(values[.actual])
            project.goal = Goal(expected: values[.expected]?.text.trimmedCell ?? "", actual: values[.actual]?.text.trimmedCell ?? "")
            block = .goal(header, side: side, filled: true)
        case .indicators(nil, let side):
            block = .indicators(try indicatorsHeader(row.cells, at: row.place, &context), side: side)
        case .indicators(let header?, _):
            IndicatorRows.read(row, under: header, into: &tree, &context)
        }
    }

    private static func fundsHeader(_ cells: [GridCell], at place: ImportPlace, _ context: inout ReadingContext) throws -> HeaderColumns<FundsField> {
        try BlockHeader.read(cells, table: "项目支出绩效自评表 资金情况", required: FundsField.required,
                             classify: FundsField.classify, at: place, &context)
    }

    private static func goalHeader(_ cells: [GridCell], at place: ImportPlace, _ context: inout ReadingContext) throws -> HeaderColumns<GoalField> {
        try BlockHeader.read(cells, table: "项目支出绩效自评表 年度总体目标", required: GoalField.allCases,
                             classify: GoalField.classify, at: place, &context)
    }

    private static func indicatorsHeader(_ cells: [GridCell], at place: ImportPlace, _ context: inout ReadingContext) throws -> HeaderColumns<IndicatorField> {
        try BlockHeader.read(cells, table: "项目支出绩效自评表 绩效指标", required: IndicatorField.required,
                             classify: IndicatorField.classify, at: place, &context)
    }

    /// The national form's last row: 总分 | 100 (under 分值) | total (under 得分).
    private static func readTotal(_ cells: [GridCell], _ header: HeaderColumns<IndicatorField>?, _ project: inout Project,
                                  _ context: inout ReadingContext) {
        guard let header else { return }
        let (values, _) = BlockHeader.place(cells, under: header)
        if let score = values[.score] {
            project.totalScore = score.text.trimmedCell
            context.use(score)
        }
        // The template prints the weights' sum, 100; any other value there is
        // the unit's and is reported as unplaced (the model has no field).
        if let weight = values[.weight], weight.text.trimmedCell == "100" { context.use(weight) }
    }
}

/// One row of a 绩效指标 / 年度绩效目标完成情况 block.
enum IndicatorRows {
    static func read(_ row: GridRow, under header: HeaderColumns<IndicatorField>, into tree: inout IndicatorTree,
                     _ context: inout ReadingContext) {
        let (values, _) = BlockHeader.place(row.cells, under: header)
        func take(_ field: IndicatorField) -> String? {
            guard let cell = values[field] else { return nil }
            context.use(cell)
            return cell.text.trimmedCell
        }
        let level1 = take(.level1), level2 = take(.level2)
        if level2 == nil, let column = header.columns.first(where: { $0.field == .level2 })?.column,
           row.isMergedFromAbove(column) == false, let group = tree.categories.last?.subcategories.last?.name, !group.isEmpty,
           values[.level3] != nil {
            // In a workbook an empty 二级 cell that no merge covers was left
            // empty: ask rather than silently put the row in the group above.
            context.note(.unplaced, ImportPlace.at(row.place, column: column), Message(
                chinese: "二级指标为空且未与上一行合并，暂归入“\(group)”；请合并单元格或填写二级指标",
                english: "the 二级指标 cell is empty and not merged with the one above; the row is read under \"\(group)\" — merge the cells or write the 二级指标"))
        }
        let name = take(.level3), target = take(.target), actual = take(.actual)
        let weight = take(.weight), score = take(.score), deviation = take(.deviation)
        let hasIndicator = [name, target, actual, weight, score, deviation].contains { $0 != nil }
        guard hasIndicator || level1 != nil || level2 != nil else { return }
        let indicator = hasIndicator
            ? Indicator(name: name ?? "", target: target ?? "", actual: actual ?? "", weight: weight ?? "",
                        score: score ?? "", deviation: deviation ?? "")
            : nil
        tree.add(level1: level1, level2: level2, indicator: indicator)
    }
}
