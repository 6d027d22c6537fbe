import Evaluation
import InputReading
import Yams

/// The `table:` section of a form layout.
extension LoadSession {
    func table(_ node: Node, path: FieldPath, page: PageSpec?) throws -> TableSpec? {
        var fields = try reader.object(node, at: path)
        let title = try fields.list("title") { node, path in self.attempt { try self.textLine(node, path) } ?? nil }.compactMap { $0 }
        let continuedTitle = try fields.list("continuedTitle") { node, path in
            self.attempt { try self.textLine(node, path) } ?? nil
        }.compactMap { $0 }
        let continuedMark = fields.value("continuedMark") == nil ? "（续）" : try fields.text("continuedMark")
        let footer = try fields.list("footer") { node, path in self.attempt { try self.footerLine(node, path) } ?? nil }.compactMap { $0 }
        let pageNumber = try self.pageNumber(&fields, alternate: false, singlePage: false)
        var columns: [Length] = []
        if let columnsNode = fields.value("columns") {
            columns = try reader.list(columnsNode, at: path.appending("columns")).enumerated().compactMap { index, node in
                try length(node, path.appending("columns").appending(index))
            }
            if columns.isEmpty { report("'columns' is empty", hint: "list each column's width, e.g. [25mm, 30mm]", at: columnsNode, path.appending("columns")) }
            if let page, !columns.reduce(.zero, +).fits(in: page.contentRect.size.width) {
                report("the columns add up to \(columns.reduce(.zero, +)), wider than the page's \(page.contentRect.size.width) between the margins",
                       hint: "narrow the columns or the margins, or use 'size: A4-landscape'", at: columnsNode, path.appending("columns"))
            }
        } else {
            report("missing 'columns'", hint: "list each column's width, e.g. columns: [25mm, 30mm, 30mm]", at: node, path)
        }
        var padding = CellPadding(horizontal: .mm(1.5), vertical: .mm(1.2))
        if var p = try fields.optionalObject("padding") {
            padding.horizontal = try length(&p, "horizontal") ?? padding.horizontal
            padding.vertical = try length(&p, "vertical") ?? padding.vertical
            checkUnknown(p)
        }
        let rule = try length(&fields, "rule") ?? .pt(0.5)
        let minimumRowHeight = try length(&fields, "minRowHeight") ?? .mm(7)
        let defaultStyleName = try fields.text("cellStyle")
        let defaultStyle = defaultStyleName.isEmpty ? nil : styleReference(defaultStyleName, at: fields.value("cellStyle")!, path.appending("cellStyle"))
        let context = CellContext(columns: columns.count, defaultStyle: defaultStyle)
        let blocks = try fields.list("blocks") { node, path in
            self.attempt { try self.block(node, path, context) } ?? nil
        }
        checkUnknown(fields)
        if blocks.isEmpty && fields.value("blocks") == nil {
            report("missing 'blocks'", hint: "list the table's rows in blocks (see Layouts/README.md)", at: node, path)
        }
        return TableSpec(title: title, continuedTitle: continuedTitle, continuedMark: continuedMark, footer: footer,
                         pageNumber: pageNumber, columns: columns, cellPadding: padding, ruleWidth: rule,
                         minimumRowHeight: minimumRowHeight, blocks: blocks.compactMap { $0 })
    }

    struct CellContext {
        var columns: Int
        var defaultStyle: TextStyle?
        var collection: RepeatedList?
    }

    func textLine(_ node: Node, _ path: FieldPath) throws -> TextLineSpec? {
        var fields = try reader.object(node, at: path)
        let text = try fields.requiredText("text")
        let styleName = try fields.requiredText("style")
        let style = styleReference(styleName, at: fields.value("style")!, path.appending("style"))
        let spaceBefore = try length(&fields, "spaceBefore") ?? .zero
        let spaceAfter = try length(&fields, "spaceAfter") ?? .zero
        let template = template(text, at: fields.value("text")!, path.appending("text"))
        checkUnknown(fields)
        guard let style, let template else { return nil }
        return TextLineSpec(text: template, style: style, spaceBefore: spaceBefore, spaceAfter: spaceAfter, path: path)
    }

    /// A footer line: `{text: …}` or `{signatures: [{label, value, line}, …]}`.
    func footerLine(_ node: Node, _ path: FieldPath) throws -> FooterLineSpec? {
        var line = try reader.object(node, at: path)
        guard line.mapping.contains(where: { $0.key.string == "signatures" }) else { return try textLine(node, path).map { .text($0) } }
        let style = namedStyle(&line, "style")
        let spaceBefore = try length(&line, "spaceBefore") ?? .zero
        let spaceAfter = try length(&line, "spaceAfter") ?? .zero
        let signatures = try line.list("signatures") { node, path -> SignatureFieldSpec? in
            var field = try self.reader.object(node, at: path)
            let label = try field.requiredText("label")
            let value = try field.text("value")
            let width = try self.length(&field, "line") ?? .mm(30)
            self.checkUnknown(field)
            guard let labelTemplate = self.template(label, at: field.value("label")!, path.appending("label")),
                  let valueTemplate = value.isEmpty ? TextTemplate(parts: []) : self.template(value, at: field.value("value")!, path.appending("value"))
            else { return nil }
            return SignatureFieldSpec(label: labelTemplate, value: valueTemplate, lineWidth: width, path: path)
        }
        if line.value("text") != nil {
            report("a footer line has either 'text' or 'signatures', not both", hint: "split it into two lines", at: node, path)
        }
        checkUnknown(line)
        if signatures.isEmpty {
            report("'signatures' is empty", hint: "list the fields, e.g. - {label: 填表人：, value: \"{signatures.preparer}\", line: 30mm}",
                   at: line.value("signatures")!, path.appending("signatures"))
        }
        guard let style, signatures.allSatisfy({ $0 != nil }), !signatures.isEmpty else { return nil }
        return .signatures(SignatureLineSpec(fields: signatures.compactMap { $0 }, style: style, spaceBefore: spaceBefore,
                                             spaceAfter: spaceAfter, path: path))
    }

    func block(_ node: Node, _ path: FieldPath, _ context: CellContext) throws -> BlockSpec? {
        var fields = try reader.object(node, at: path)
        var side: CellSpec?
        if let sideNode = fields.value("side") {
            side = try cell(sideNode, path.appending("side"), context)
        }
        let rowColumns = context.columns - (side?.span ?? (fields.value("side") == nil ? 0 : 1))
        let header = try fields.list("header") { try self.row($0, $1, context, columns: rowColumns) }
        let rows = try fields.list("rows") { try self.row($0, $1, context, columns: rowColumns) }
        var repeated: RepeatSpec?
        let eachText = try fields.text("each")
        if !eachText.isEmpty {
            var repeatContext = context
            if let collection = RepeatedList(rawValue: eachText), collection.document == document {
                repeatContext.collection = collection
            } else if ScalarField.named(eachText, in: registry) != nil {
                report("'\(eachText)' is a single value, not a list to repeat rows for",
                       hint: "print it in a fixed row with text: \"{\(eachText)}\"; lists are: "
                           + RepeatedList.allCases.filter { $0.document == document }.map(\.rawValue).joined(separator: ", "),
                       at: fields.value("each")!, path.appending("each"))
            } else {
                let available = RepeatedList.allCases.filter { $0.document == document }.map(\.rawValue)
                report("unknown list '\(eachText)' for a \(document.rawValue) layout",
                       hint: nearest(to: eachText, in: available).map { "did you mean '\($0)'?" } ?? "available: \(available.joined(separator: ", "))",
                       at: fields.value("each")!, path.appending("each"))
            }
            var totalRow: RowSpec?
            if let totalNode = fields.value("totalRow") {
                totalRow = try row(totalNode, path.appending("totalRow"), repeatContext, columns: rowColumns)
            }
            let order = try rowOrder(&fields, path)
            if (totalRow != nil || order != .asWritten), let collection = repeatContext.collection, collection.level != .funds {
                report("'totalRow' and 'order' apply only to money blocks (project.funds, department.funds), not \(collection.rawValue)",
                       hint: "remove them from this block", at: node, path)
            }
            if let rowNode = fields.value("row") {
                if let row = try row(rowNode, path.appending("row"), repeatContext, columns: rowColumns),
                   let collection = repeatContext.collection {
                    repeated = RepeatSpec(collection: collection, row: row, totalRow: totalRow, order: order)
                }
            } else {
                report("'each' needs a 'row' to repeat", hint: "add row: [ {field: …}, … ]", at: node, path)
            }
        } else if fields.value("row") != nil {
            report("'row' without 'each'", hint: "name the list to repeat the row for, e.g. each: project.funds", at: fields.value("row")!, path.appending("row"))
        }
        for (key, list) in [("header", header), ("rows", rows)] {
            guard let listNode = fields.value(key) else { continue }
            let listed = (try? reader.list(listNode, at: path.appending(key))) ?? []
            let nodes = listed.count == list.count ? listed : Array(repeating: listNode, count: list.count)
            if list.allSatisfy({ $0 != nil }) {
                checkGrid(list.compactMap { $0 }, columns: rowColumns, nodes: nodes)
            } else {
                // Rows with problems of their own cannot be placed; check the
                // others one by one.
                for (row, node) in zip(list, nodes) {
                    guard let row, row.cells.allSatisfy({ $0.rowSpan == .rows(1) }) else { continue }
                    checkGrid([row], columns: rowColumns, nodes: [node])
                }
            }
        }
        if let repeated, repeated.row.width != rowColumns || (repeated.totalRow.map { $0.width != rowColumns } ?? false) {
            report("the repeated row covers \(repeated.row.width) columns but \(rowColumns) are available",
                   hint: "make the cells' spans add up to \(rowColumns)", at: fields.value("row") ?? node, path.appending("row"))
        }
        let keepTogether = try boolean(&fields, "keepTogether") ?? false
        let rowHeight = try length(&fields, "rowHeight")
        checkUnknown(fields)
        // A block with 'each' whose row or list had problems was reported
        // above; calling it empty as well would mislead.
        if header.isEmpty && rows.isEmpty && repeated == nil && eachText.isEmpty {
            report("the block has no rows", hint: "give it 'rows', or 'each' with a 'row'", at: node, path)
        }
        return BlockSpec(side: side, header: header.compactMap { $0 }, rows: rows.compactMap { $0 }, repeated: repeated,
                         keepTogether: keepTogether, rowHeight: rowHeight, path: path)
    }

    func rowOrder(_ fields: inout ObjectReader, _ path: FieldPath) throws -> RowOrder {
        guard let node = fields.value("order") else { return .asWritten }
        let text = try reader.text(node, at: path.appending("order"))
        guard let order = RowOrder(rawValue: text) else {
            report("unknown order '\(text)'", hint: "use one of: \(RowOrder.allCases.map(\.rawValue).joined(separator: ", "))",
                   at: node, path.appending("order"))
            return .asWritten
        }
        return order
    }

    func row(_ node: Node, _ path: FieldPath, _ context: CellContext, columns: Int) throws -> RowSpec? {
        let cells = try reader.list(node, at: path).enumerated().map { index, cellNode in
            try cell(cellNode, path.appending(index), context)
        }
        let row = RowSpec(cells: cells.compactMap { $0 }, path: path)
        return cells.allSatisfy { $0 != nil } ? row : nil
    }

    func cell(_ node: Node, _ path: FieldPath, _ context: CellContext) throws -> CellSpec? {
        var fields = try reader.object(node, at: path)
        var content: CellContent?
        let textNode = fields.value("text"), fieldNode = fields.value("field")
        if let textNode, fieldNode == nil {
            content = template(try reader.text(textNode, at: path.appending("text")), at: textNode, path.appending("text")).map { .text($0) }
        } else if let fieldNode, textNode == nil {
            let name = try reader.text(fieldNode, at: path.appending("field"))
            if let collection = context.collection {
                let keys = collection.fieldKeys(in: registry)
                if keys.contains(name) {
                    content = try binding(CollectionField(name), collection, &fields, path).map { .column($0) }
                } else {
                    report("unknown field '\(name)' in \(collection.rawValue)",
                           hint: (registry.suggestion(for: name, at: collection.level)?.description ?? nearest(to: name, in: keys))
                               .map { "did you mean \($0)?" } ?? "its fields are: \(keys.joined(separator: ", ")); declare a new one under 'fields: \(collection.level.rawValue):'",
                           at: fieldNode, path.appending("field"))
                }
            } else {
                report("'field' is only for rows repeated with 'each'",
                       hint: "for a single value write text: \"{\(name)}\"", at: fieldNode, path.appending("field"))
            }
        } else {
            report("a cell needs exactly one of 'text' or 'field'", hint: "e.g. {text: 项目名称} or {field: target}", at: node, path)
        }
        var span = 1
        let spanText = try fields.text("span")
        if !spanText.isEmpty {
            if let value = Int(spanText), value >= 1, value <= max(1, context.columns) { span = value } else {
                report("span '\(spanText)' must be a whole number from 1 to \(context.columns)", at: fields.value("span")!, path.appending("span"))
            }
        }
        var rowSpan = RowSpan.rows(1)
        if let rowsNode = fields.value("rows") {
            let text = try reader.text(rowsNode, at: path.appending("rows"))
            if text == "all" {
                if context.collection == nil {
                    report("'rows: all' spans every row of a repeated list; this cell is not in one",
                           hint: "give a number of rows, e.g. rows: 2", at: rowsNode, path.appending("rows"))
                } else { rowSpan = .all }
            } else if let count = Int(text), count >= 1, count <= 200, context.collection == nil || count == 1 {
                rowSpan = .rows(count)
            } else {
                report("rows '\(text)' must be a whole number of rows from 1 to 200" + (context.collection == nil ? "" : ", or 'all' in a repeated row"),
                       hint: context.collection == nil ? "e.g. rows: 2" : "a repeated row's cell spans one row, or all of them with rows: all",
                       at: rowsNode, path.appending("rows"))
            }
        }
        let styleName = try fields.text("style")
        var style = context.defaultStyle
        if !styleName.isEmpty { style = styleReference(styleName, at: fields.value("style")!, path.appending("style")) }
        else if style == nil { report("the cell has no style and the table no 'cellStyle'", hint: "add style: NAME", at: node, path) }
        let merge = try boolean(&fields, "merge") ?? false
        if merge, case .column(let binding)? = content, !binding.field.isGroup {
            report("'merge' only applies to group fields (category, subcategory), not '\(binding.field.key)'",
                   hint: "remove 'merge: true'", at: fields.value("merge")!, path.appending("merge"))
        } else if merge, case .text? = content {
            report("'merge' does nothing on fixed text: only a repeated 一级/二级 field merges down over its group",
                   hint: "remove 'merge: true', or span the cell over rows with rows: N", at: fields.value("merge")!, path.appending("merge"))
        }
        var format = CellFormat.asWritten
        if let formatNode = fields.value("format") {
            let text = try reader.text(formatNode, at: path.appending("format"))
            if let value = CellFormat(rawValue: text) { format = value } else {
                report("unknown format '\(text)'", hint: "use one of: \(CellFormat.allCases.map(\.rawValue).joined(separator: ", "))",
                       at: formatNode, path.appending("format"))
            }
        }
        checkUnknown(fields)
        guard let content, let style else { return nil }
        return CellSpec(content: content, span: span, rowSpan: rowSpan, style: style, merge: merge, format: format, path: path)
    }

    /// `view:` and `formula:` of a `field:` cell.
    func binding(_ field: CollectionField, _ collection: RepeatedList, _ cell: inout ObjectReader, _ path: FieldPath) throws -> FieldBinding? {
        let kind = registry.declaration(field.key, at: collection.level)?.kind ?? .text
        var binding = FieldBinding(field: field, kind: kind)
        if let viewNode = cell.value("view") {
            let text = try reader.text(viewNode, at: path.appending("view"))
            guard let view = ValueView(rawValue: text) else {
                report("unknown view '\(text)'", hint: "use one of: \(ValueView.allCases.map(\.rawValue).joined(separator: ", "))",
                       at: viewNode, path.appending("view"))
                return nil
            }
            if kind != .value {
                report("'view: \(text)' shows a part of a written indicator value, but '\(field.key)' is \(kind.rawValue)",
                       hint: "use it on target, actual or another field of kind value", at: viewNode, path.appending("view"))
            }
            binding.view = view
        }
        if let formulaNode = cell.value("formula") {
            let text = try reader.text(formulaNode, at: path.appending("formula"))
            do {
                let formula = try Formula.parse(text)
                for key in formula.fields {
                    guard let declaration = registry.declaration(key, at: collection.level) else {
                        report("the formula reads '\(key)', which a row of \(collection.rawValue) does not have",
                               hint: registry.suggestion(for: key, at: collection.level).map { "did you mean \($0.description)?" }
                                   ?? "declare it under 'fields: \(collection.level.rawValue):'",
                               at: formulaNode, path.appending("formula"))
                        continue
                    }
                    if ![.money, .percent, .number, .score].contains(declaration.kind) {
                        report("the formula reads '\(key)', a \(declaration.kind.rawValue) field, not a number",
                               hint: "formulas read money, percent, number or score fields", at: formulaNode, path.appending("formula"))
                    }
                }
                if binding.view != nil {
                    report("a cell has either 'view' or 'formula', not both", at: formulaNode, path.appending("formula"))
                }
                binding.formula = formula
            } catch {
                report("the formula '\(text)' cannot be read: \(error.message)",
                       hint: "write fields and numbers with + - * / and brackets, e.g. executed / adjustedBudget", at: formulaNode, path.appending("formula"))
            }
        }
        return binding
    }

    /// Places the rows' cells as a table would (a cell spanning rows takes
    /// its columns in the rows below) and reports rows that leave columns
    /// empty, overrun the table, or cells that overlap or span past the last row.
    func checkGrid(_ rows: [RowSpec], columns: Int, nodes: [Node]) {
        var occupied: [Set<Int>] = Array(repeating: [], count: rows.count)
        for (r, row) in rows.enumerated() {
            var column = 0
            for cell in row.cells {
                while occupied[r].contains(column) { column += 1 }
                let span = cell.rowSpan.count ?? 1
                if r + span > rows.count {
                    report("the cell spans \(span) rows but only \(rows.count - r) \(rows.count - r == 1 ? "row is" : "rows are") left in this part of the block",
                           hint: "make 'rows' at most \(rows.count - r), or add the rows it spans", at: nodes[r], cell.path)
                }
                for below in r..<min(rows.count, r + span) {
                    for c in column..<(column + cell.span) {
                        if below > r && occupied[below].contains(c) {
                            report("the cell overlaps a cell spanning down from above at row \(below + 1), column \(c + 1)",
                                   hint: "check the 'rows' and 'span' of the rows above", at: nodes[r], cell.path)
                        }
                        occupied[below].insert(c)
                    }
                }
                column += cell.span
            }
            let filled = occupied[r].count, last = (occupied[r].max() ?? -1) + 1
            if filled != columns || last != columns {
                report("the row covers \(filled) columns but \(columns) are available",
                       hint: "make the cells' spans (and those of cells spanning down from above) add up to \(columns)", at: nodes[r], row.path)
            }
        }
    }
}
