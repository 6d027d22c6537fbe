import Evaluation
import Layout

/// A form layout as the importer reads it: each row of the layout as the
/// cells that *start* in it, in reading order — what remains of the row in
/// any copy of the form once empty cells are dropped. An Excel sheet leaves
/// an empty cell where a merge covers, a Word table only where a cell spans
/// down, a PDF none at all; the order of the cells that hold something is
/// the same in all three, so the order is what a form is read by.
struct FormTemplate {
    /// One cell of a layout row.
    struct Slot {
        enum Content {
            /// Fixed text: what the form prints, and what else the same
            /// place may say on another variant (the aliases of the field
            /// the label names, from `Layouts/fields.yaml`).
            case label(exact: String, folded: Set<String>)
            /// "—" or "/" where the row has no value (分值 of a sub-row).
            case placeholder
            /// A number the form prints ("100" under 分值 in the 总分 row):
            /// read where it stands, but no label to recognise a row by, since
            /// any amount may be written the same way.
            case printed(String)
            /// `{project.name}`, "评价等级：{project.grade}": fixed text around one field.
            case text(TextTemplate, field: ScalarField)
            /// A field of the repeated row.
            case column(FieldBinding)
        }

        /// 0-based layout column of the cell's left edge, and its width.
        var column: Int
        var span: Int
        var content: Content
        var kind: FieldKind
        /// A 一级/二级 cell merged down over its group: absent from the
        /// rows after the group's first in every copy.
        var merge = false
        /// A cell beside every row of the list (四川's 原因): present once.
        var spansAllRows = false
        /// The block's side label repeated on a later row (an unmerged sheet).
        var isRepeatedSide = false

        var isLabel: Bool { if case .label = content { true } else { false } }
        var labelText: String? { if case .label(let exact, _) = content { exact } else { nil } }
    }

    enum Row {
        /// A header or fixed row, in block `block`.
        case fixed([Slot], block: Int)
        /// One grid row per record of a list; the funds total row may have
        /// cells of its own.
        case repeated(RepeatSpec, [Slot], total: [Slot], block: Int)

        var slots: [Slot] {
            switch self {
            case .fixed(let slots, _): slots
            case .repeated(_, let slots, _, _): slots
            }
        }

        var labelCount: Int { slots.filter { $0.isLabel && !$0.isRepeatedSide }.count }
    }

    let layout: LayoutSpec
    var rows: [Row] = []
    /// The lines above the grid (title, "（{year}年度）", a form number).
    var title: [TextTemplate]
    /// Every label the layout prints, folded: a cell holding one is unlikely to be a value.
    var allLabels: Set<String> = []

    var expectedLabels: Int { rows.reduce(0) { $0 + $1.labelCount } }

    /// The labels the layout prints, as it prints them (spaces dropped).
    var allLabelTexts: [String] { rows.flatMap(\.slots).compactMap(\.labelText) }

    /// The keys of the money columns of the layout's funds lists (年初预算数,
    /// 全年执行数 …): the amounts a form's unit heading speaks of.
    var fundsAmountKeys: Set<String> {
        var keys: Set<String> = []
        for case .repeated(let spec, let slots, let total, _) in rows where spec.collection.level == .funds {
            for slot in slots + total {
                if case .column(let binding) = slot.content, binding.kind == .money { keys.insert(binding.field.key) }
            }
        }
        return keys
    }

    init?(_ layout: LayoutSpec, registry: FieldRegistry) {
        guard case .table(let table) = layout.body else { return nil }
        self.layout = layout
        let registry = registry.merging(layout.fields)
        title = table.title.map(\.text)
        for (blockIndex, block) in table.blocks.enumerated() {
            let first = block.side?.span ?? 0
            var occupied: [Int: Set<Int>] = [:]
            var sideLabel: Slot?
            if let side = block.side, let slot = Self.slot(side.content, column: 0, span: side.span, registry: registry, repeatedField: nil) {
                sideLabel = slot
            }
            var sideFree = true
            func leading() -> [Slot] {
                guard var side = sideLabel else { return [] }
                if sideFree {
                    sideFree = false
                    return [side]
                }
                side.isRepeatedSide = true
                return [side]
            }
            let repeatedRow = block.repeated.map { repeated in Self.columns(of: repeated.row, from: first).mapValues { ($0, repeated.collection.level) } } ?? [:]
            for (index, row) in (block.header + block.rows).enumerated() {
                var slots = leading()
                var column = first
                for spec in row.cells {
                    while occupied[index]?.contains(column) == true { column += 1 }
                    // A header label names the field of the column below it.
                    let below = index < block.header.count ? repeatedRow[column] : nil
                    if let slot = Self.slot(spec.content, column: column, span: spec.span, registry: registry, repeatedField: below) {
                        slots.append(slot)
                    }
                    for later in (index + 1)..<(index + (spec.rowSpan.count ?? 1)) {
                        occupied[later, default: []].formUnion(column..<(column + spec.span))
                    }
                    column += spec.span
                }
                Self.aliasLabels(&slots, registry: registry)
                rows.append(.fixed(slots, block: blockIndex))
            }
            if let repeated = block.repeated {
                let side = leading()
                func slots(_ row: RowSpec) -> [Slot] {
                    var column = first
                    return side + row.cells.compactMap { spec in
                        defer { column += spec.span }
                        var slot = Self.slot(spec.content, column: column, span: spec.span, registry: registry, repeatedField: nil)
                        slot?.merge = spec.merge
                        slot?.spansAllRows = spec.rowSpan == .all
                        return slot
                    }
                }
                rows.append(.repeated(repeated, slots(repeated.row), total: slots(repeated.totalRow ?? repeated.row), block: blockIndex))
            }
        }
        for row in rows {
            for slot in row.slots {
                if case .label(let exact, _) = slot.content { allLabels.insert(Label.folded(exact)) }
            }
        }
    }

    /// The field each column of a repeated row holds, by its left column.
    private static func columns(of row: RowSpec, from first: Int) -> [Int: FieldBinding] {
        var result: [Int: FieldBinding] = [:]
        var column = first
        for spec in row.cells {
            if case .column(let binding) = spec.content { result[column] = binding }
            column += spec.span
        }
        return result
    }

    private static func slot(_ content: CellContent, column: Int, span: Int, registry: FieldRegistry, repeatedField: (binding: FieldBinding, level: FieldLevel)?) -> Slot? {
        switch content {
        case .column(let binding):
            let kind = binding.field.isGroup ? .text : binding.kind
            return Slot(column: column, span: span, content: .column(binding), kind: kind)
        case .text(let template):
            let fields = template.parts.compactMap { if case .field(let field) = $0 { field } else { nil } }
            if fields.isEmpty {
                let text = template.parts.map { if case .literal(let literal) = $0 { literal } else { "" } }.joined()
                let exact = Label.exact(text)
                if exact.isEmpty { return nil }
                if WrittenValueParser.placeholders.contains(exact) { return Slot(column: column, span: span, content: .placeholder, kind: .text) }
                if CellText.isNumber(exact) { return Slot(column: column, span: span, content: .printed(exact), kind: .text) }
                var folded: Set<String> = [Label.folded(text)]
                if let (binding, level) = repeatedField, !binding.field.isGroup {
                    for label in registry.declaration(binding.field.key, at: level)?.labels ?? [] { folded.insert(Label.folded(label)) }
                }
                return Slot(column: column, span: span, content: .label(exact: exact, folded: folded), kind: .text)
            }
            guard fields.count == 1, let field = fields.first else { return nil }
            let kind = field.level.flatMap { registry.declaration(field.key, at: $0)?.kind } ?? .text
            return Slot(column: column, span: span, content: .text(template, field: field), kind: kind)
        }
    }

    /// A label followed by the value it names also goes by that field's
    /// other labels: 实施单位（盖章）, 部门（单位）名称.
    private static func aliasLabels(_ slots: inout [Slot], registry: FieldRegistry) {
        for index in slots.indices.dropLast() {
            guard case .label(let exact, var folded) = slots[index].content,
                  case .text(let template, let field) = slots[index + 1].content,
                  template.parts.count == 1, let level = field.level,
                  let declaration = registry.declaration(field.key, at: level) else { continue }
            for label in declaration.labels { folded.insert(Label.folded(label)) }
            slots[index].content = .label(exact: exact, folded: folded)
        }
    }

    /// The labels a table of this layout may start with when it has no
    /// title line: the first label of its first row, and its aliases.
    var startLabels: Set<String> {
        guard case .fixed(let slots, _)? = rows.first, case .label(_, let folded)? = slots.first?.content else { return [] }
        return folded
    }
}
