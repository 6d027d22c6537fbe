import Evaluation

/// The fields a layout prints somewhere — in a `{field}` placeholder, a
/// `field:` cell (its own or one a formula reads), a title or footer line —
/// by registry level and key. What a unit gives beyond these does not
/// appear on the form, which the checks then say.
package struct PrintedFields: Sendable, Hashable {
    package private(set) var keys: Set<String> = []
    /// The fields a formula of the layout computes when the unit leaves them empty.
    package private(set) var computed: Set<String> = []

    package func prints(_ key: String, at level: FieldLevel) -> Bool { keys.contains("\(level.rawValue).\(key)") }
    package func computes(_ key: String, at level: FieldLevel) -> Bool { computed.contains("\(level.rawValue).\(key)") }

    package init(_ layout: LayoutSpec) {
        guard case .table(let table) = layout.body else { return }
        func add(_ template: TextTemplate) {
            for part in template.parts {
                if case .field(let field) = part, let level = field.level { keys.insert("\(level.rawValue).\(field.key)") }
            }
        }
        func add(_ cell: CellSpec, _ collection: RepeatedList?) {
            switch cell.content {
            case .text(let template): add(template)
            case .column(let binding):
                guard let collection else { return }
                keys.insert("\(collection.level.rawValue).\(binding.field.key)")
                if binding.formula != nil { computed.insert("\(collection.level.rawValue).\(binding.field.key)") }
                for key in binding.formula?.fields ?? [] { keys.insert("\(collection.level.rawValue).\(key)") }
            }
        }
        for line in table.title + table.continuedTitle { add(line.text) }
        for line in table.footer {
            switch line {
            case .text(let text): add(text.text)
            case .signatures(let signatures):
                for field in signatures.fields { add(field.label); add(field.value) }
            }
        }
        for block in table.blocks {
            if let side = block.side { add(side, nil) }
            for row in block.header + block.rows { for cell in row.cells { add(cell, nil) } }
            if let repeated = block.repeated {
                for row in [repeated.row, repeated.totalRow].compactMap({ $0 }) {
                    for cell in row.cells { add(cell, repeated.collection) }
                }
            }
        }
    }
}
