import Evaluation

/// Reads a 项目支出绩效自评表 grid — the 吉林 6-column variant or the national
/// 9-column one (主管部门, 分值/得分, 偏差原因 columns, 总分 row) — into a
/// `Project`, finding each block by its side label and each column by its
/// header label.
struct ProjectFormReader: BlockForm {
    enum RowKind {
        case name, competentDepartment, implementingUnit, funds, goal, indicators, total
    }

    enum Block: FormBlock {
        case funds(HeaderColumns<FundsField>?)
        case goal(HeaderColumns<GoalField>?, filled: Bool)
        case indicators(HeaderColumns<IndicatorField>?)

        var hasHeader: Bool {
            switch self {
            case .funds(let header): header != nil
            case .goal(let header, _): header != nil
            case .indicators(let header): header != nil
            }
        }
    }

    static let title = "项目支出绩效自评表"
    static let nameLabel = "项目名称"

    static func classify(_ label: String) -> RowKind? {
        if label.hasPrefix("项目名称") { return .name }
        if label.hasPrefix("主管部门") { return .competentDepartment }
        if label.hasPrefix("实施单位") { return .implementingUnit }
        if label.hasPrefix("总分") || label.hasPrefix("合计") { return .total }
        if label.contains("总体目标") { return .goal }
        if label.contains("绩效指标") { return .indicators }
        if label.contains("资金") { return .funds }
        return nil
    }

    static func isPair(_ kind: RowKind) -> Bool { [.name, .competentDepartment, .implementingUnit].contains(kind) }

    var project = Project(name: "")
    var tree = IndicatorTree()
    /// The 绩效指标 block's columns, which the 总分 row's cells stand under.
    var indicatorHeader: HeaderColumns<IndicatorField>?
    var hasName = false

    static func read(_ table: FormTable, signatures: inout Signatures, _ context: inout ReadingContext) throws -> Project {
        var form = ProjectFormReader()
        try BlockFormReader.read(&form, table, signatures: &signatures, &context)
        form.project.indicators = form.tree.categories
        return form.project
    }

    mutating func take(_ kind: RowKind, value: String, at cell: GridCell, _ context: inout ReadingContext) {
        switch kind {
        case .name:
            project.name = value
            hasName = true
            context.evidence.yearMentioned(in: value, rank: ClueRank.formField, source: .label("项目名称 \(value)"), at: cell.place)
        case .competentDepartment: project.competentDepartment = value
        default:
            project.implementingUnit = value
            context.evidence.name(value, rank: ClueRank.formField, source: .label("实施单位"), at: cell.place)
        }
    }

    mutating func open(_ kind: RowKind, rest: [GridCell], at place: ImportPlace, _ context: inout ReadingContext) throws -> Block? {
        switch kind {
        case .funds:
            return .funds(rest.isEmpty ? nil : try Self.fundsHeader(rest, at: place, &context))
        case .goal:
            return .goal(rest.isEmpty ? nil : try Self.goalHeader(rest, at: place, &context), filled: false)
        case .indicators:
            let header = rest.isEmpty ? nil : try Self.indicatorsHeader(rest, at: place, &context)
            if header != nil { indicatorHeader = header }
            return .indicators(header)
        case .total:
            readTotal(rest, &context)
            return nil
        case .name, .competentDepartment, .implementingUnit:
            return nil  // pair rows never open a block
        }
    }

    mutating func read(_ row: GridRow, in block: inout Block, _ context: inout ReadingContext) throws {
        switch block {
        case .funds(nil):
            block = .funds(try Self.fundsHeader(row.cells, at: row.place, &context))
        case .funds(let header?):
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
        case .goal(nil, _):
            block = .goal(try Self.goalHeader(row.cells, at: row.place, &context), filled: false)
        case .goal(let header?, let filled):
            guard !filled else { return }
            let (values, _) = BlockHeader.place(row.cells, under: header)
            context.use(values[.expected])
            context.use(values[.actual])
            project.goal = Goal(expected: values[.expected]?.text.trimmedCell ?? "", actual: values[.actual]?.text.trimmedCell ?? "")
            block = .goal(header, filled: true)
        case .indicators(nil):
            let header = try Self.indicatorsHeader(row.cells, at: row.place, &context)
            indicatorHeader = header
            block = .indicators(header)
        case .indicators(let header?):
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
    private mutating func readTotal(_ cells: [GridCell], _ context: inout ReadingContext) {
        guard let header = indicatorHeader else { return }
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
