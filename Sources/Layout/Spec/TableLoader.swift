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
        var collection: Collection?
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
            if let collection = Collection(rawValue: eachText), collection.document == document {
                repeatContext.collection = collection
            } else if ScalarField(rawValue: eachText) != nil {
                report("'\(eachText)' is a single value, not a list to repeat rows for",
                       hint: "print it in a fixed row with text: \"{\(eachText)}\"; lists are: "
                           + Collection.allCases.filter { $0.document == document }.map(\.rawValue).joined(separator: ", "),
                       at: fields.value("each")!, path.appending("each"))
            } else {
                let available = Collection.allCases.filter { $0.document == document }.map(\.rawValue)
                report("unknown list '\(eachText)' for a \(document.rawValue) layout",
                       hint: nearest(to: eachText, in: available).map { "did you mean '\($0)'?" } ?? "available: \(available.joined(separator: ", "))",
                       at: fields.value("each")!, path.appending("each"))
            }
            var totalRow: RowSpec?
            if let totalNode = fields.value("totalRow") {
                totalRow = try row(totalNode, path.appending("totalRow"), repeatContext, columns: rowColumns)
            }
            let order = try rowOrder(&fields, path)
            if (totalRow != nil || order != .asWritten), let collection = repeatContext.collection, collection != .projectFunds {
                report("'totalRow' and 'order' apply only to project.funds, not \(collection.rawValue)",
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
        if cells.allSatisfy({ $0 != nil }) && row.width != columns {
            report("the row covers \(row.width) columns but \(columns) are available",
                   hint: "make the cells' spans add up to \(columns)", at: node, path)
        }
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
                if let field = CollectionField(rawValue: name), collection.fields.contains(field) {
                    content = .column(field)
                } else {
                    report("unknown field '\(name)' in \(collection.rawValue)",
                           hint: nearest(to: name, in: collection.fields.map(\.rawValue)).map { "did you mean '\($0)'?" }
                               ?? "its fields are: \(collection.fields.map(\.rawValue).joined(separator: ", "))",
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
        let styleName = try fields.text("style")
        var style = context.defaultStyle
        if !styleName.isEmpty { style = styleReference(styleName, at: fields.value("style")!, path.appending("style")) }
        else if style == nil { report("the cell has no style and the table no 'cellStyle'", hint: "add style: NAME", at: node, path) }
        let merge = try boolean(&fields, "merge") ?? false
        if merge, case .column(let field)? = content, !field.isGroup {
            report("'merge' only applies to group fields (category, subcategory), not '\(field.rawValue)'",
                   hint: "remove 'merge: true'", at: fields.value("merge")!, path.appending("merge"))
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
        return CellSpec(content: content, span: span, style: style, merge: merge, format: format, path: path)
    }
}
