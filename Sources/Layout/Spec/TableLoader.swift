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
            if columns.isEmpty { report(Message(chinese: "“columns”是空的", english: "'columns' is empty"), hint: Message(chinese: "列出每列宽度，例如 [25mm, 30mm]", english: "list each column's width, e.g. [25mm, 30mm]"), at: columnsNode, path.appending("columns")) }
            if let page, !columns.reduce(.zero, +).fits(in: page.contentRect.size.width) {
                report(Message(chinese: "各列合计\(columns.reduce(.zero, +))，比页边距之间的\(page.contentRect.size.width)还宽", english: "the columns add up to \(columns.reduce(.zero, +)), wider than the page's \(page.contentRect.size.width) between the margins"),
                       hint: Message(chinese: "请收窄各列或页边距，或用“size: A4-landscape”", english: "narrow the columns or the margins, or use 'size: A4-landscape'"), at: columnsNode, path.appending("columns"))
            }
        } else {
            report(Message(chinese: "缺少“columns”", english: "missing 'columns'"), hint: Message(chinese: "列出每列宽度，例如 columns: [25mm, 30mm, 30mm]", english: "list each column's width, e.g. columns: [25mm, 30mm, 30mm]"), at: node, path)
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
            report(Message(chinese: "缺少“blocks”", english: "missing 'blocks'"), hint: Message(chinese: "把表格的行按块列出（见 Layouts/README.md）", english: "list the table's rows in blocks (see Layouts/README.md)"), at: node, path)
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
        let optionalName = try fields.text("optional")
        if !optionalName.isEmpty, !optionalName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            report(Message(chinese: "可选行的名称“\(optionalName)”只能由字母、数字和“-”组成", english: "the optional line's name '\(optionalName)' must be letters, digits and '-' only"),
                   hint: Message(chinese: "例如 optional: year（用 --line year 打印）", english: "e.g. optional: year (printed with --line year)"),
                   at: fields.value("optional")!, path.appending("optional"))
        }
        checkUnknown(fields)
        guard let style, let template else { return nil }
        return TextLineSpec(text: template, style: style, spaceBefore: spaceBefore, spaceAfter: spaceAfter, path: path,
                            optionalName: optionalName.isEmpty ? nil : optionalName)
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
            report(Message(chinese: "表尾一行只能有“text”或“signatures”之一，不能都有", english: "a footer line has either 'text' or 'signatures', not both"), hint: Message(chinese: "请拆成两行", english: "split it into two lines"), at: node, path)
        }
        checkUnknown(line)
        if signatures.isEmpty {
            report(Message(chinese: "“signatures”是空的", english: "'signatures' is empty"), hint: Message(chinese: "列出各栏，例如 - {label: 填表人：, value: \"{signatures.preparer}\", line: 30mm}", english: "list the fields, e.g. - {label: 填表人：, value: \"{signatures.preparer}\", line: 30mm}"),
                   at: line.value("signatures")!, path.appending("signatures"))
        }
        guard let style, signatures.allSatisfy({ $0 != nil }), !signatures.isEmpty else { return nil }
        return .signatures(SignatureLineSpec(fields: signatures.compactMap { $0 }, style: style, spaceBefore: spaceBefore,
                                             spaceAfter: spaceAfter, path: path))
    }

    func block(_ node: Node, _ path: FieldPath, _ context: CellContext) throws -> BlockSpec? {
        var fields = try reader.object(node, at: path)
        // What `overrides:` paths of a layout extending this one call the block.
        _ = try fields.text("name")
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
                report(Message(chinese: "“\(eachText)”是单个值，不是可以逐行重复的列表", english: "'\(eachText)' is a single value, not a list to repeat rows for"),
                       hint: Message(chinese: "请在固定行中用 text: \"{\(eachText)}\" 打印它；列表有："
                                         + RepeatedList.allCases.filter { $0.document == document }.map(\.rawValue).joined(separator: "、"),
                                     english: "print it in a fixed row with text: \"{\(eachText)}\"; lists are: "
                                         + RepeatedList.allCases.filter { $0.document == document }.map(\.rawValue).joined(separator: ", ")),
                       at: fields.value("each")!, path.appending("each"))
            } else {
                let available = RepeatedList.allCases.filter { $0.document == document }.map(\.rawValue)
                report(Message(chinese: "\(document.rawValue)表样没有列表“\(eachText)”", english: "unknown list '\(eachText)' for a \(document.rawValue) layout"),
                       hint: nearest(to: eachText, in: available).map { .didYouMean($0) } ?? .available(available),
                       at: fields.value("each")!, path.appending("each"))
            }
            var totalRow: RowSpec?
            if let totalNode = fields.value("totalRow") {
                totalRow = try row(totalNode, path.appending("totalRow"), repeatContext, columns: rowColumns)
            }
            let order = try rowOrder(&fields, path)
            if let rowNode = fields.value("row") {
                if let row = try row(rowNode, path.appending("row"), repeatContext, columns: rowColumns),
                   let collection = repeatContext.collection {
                    repeated = RepeatSpec(collection: collection, row: row, totalRow: totalRow, order: order)
                }
            } else {
                report(Message(chinese: "“each”需要一个要重复的“row”", english: "'each' needs a 'row' to repeat"), hint: Message(chinese: "请添加 row: [ {field: …}, … ]", english: "add row: [ {field: …}, … ]"), at: node, path)
            }
        } else if fields.value("row") != nil {
            report(Message(chinese: "有“row”而没有“each”", english: "'row' without 'each'"), hint: Message(chinese: "请写出要重复该行的列表，例如 each: project.funds", english: "name the list to repeat the row for, e.g. each: project.funds"), at: fields.value("row")!, path.appending("row"))
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
            report(Message(chinese: "重复行占\(repeated.row.width)列，但可用的是\(rowColumns)列", english: "the repeated row covers \(repeated.row.width) columns but \(rowColumns) are available"),
                   hint: Message(chinese: "使各单元格的 span 合计为\(rowColumns)", english: "make the cells' spans add up to \(rowColumns)"), at: fields.value("row") ?? node, path.appending("row"))
        }
        let keepTogether = try boolean(&fields, "keepTogether") ?? false
        let rowHeight = try length(&fields, "rowHeight")
        checkUnknown(fields)
        // A block with 'each' whose row or list had problems was reported
        // above; calling it empty as well would mislead.
        if header.isEmpty && rows.isEmpty && repeated == nil && eachText.isEmpty {
            report(Message(chinese: "该块没有行", english: "the block has no rows"), hint: Message(chinese: "请给出“rows”，或带“row”的“each”", english: "give it 'rows', or 'each' with a 'row'"), at: node, path)
        }
        return BlockSpec(side: side, header: header.compactMap { $0 }, rows: rows.compactMap { $0 }, repeated: repeated,
                         keepTogether: keepTogether, rowHeight: rowHeight, path: path)
    }

    func rowOrder(_ fields: inout ObjectReader, _ path: FieldPath) throws -> RowOrder {
        guard let node = fields.value("order") else { return .asWritten }
        let text = try reader.text(node, at: path.appending("order"))
        guard let order = RowOrder(rawValue: text) else {
            report(Message(chinese: "未知顺序“\(text)”", english: "unknown order '\(text)'"), hint: .useOneOf(RowOrder.allCases.map(\.rawValue)),
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
                    report(Message(chinese: "\(collection.rawValue)中没有字段“\(name)”", english: "unknown field '\(name)' in \(collection.rawValue)"),
                           hint: (registry.suggestion(for: name, at: collection.level)?.description ?? nearest(to: name, in: keys).map { "'\($0)'" })
                               .map { Message.didYouMean(quoted: $0) }
                               ?? Message(chinese: "它的字段有：\(keys.joined(separator: "、"))；新字段请在“fields: \(collection.level.rawValue):”下声明",
                                          english: "its fields are: \(keys.joined(separator: ", ")); declare a new one under 'fields: \(collection.level.rawValue):'"),
                           at: fieldNode, path.appending("field"))
                }
            } else {
                report(Message(chinese: "“field”只用于用“each”重复的行", english: "'field' is only for rows repeated with 'each'"),
                       hint: Message(chinese: "单个值请写 text: \"{\(name)}\"", english: "for a single value write text: \"{\(name)}\""), at: fieldNode, path.appending("field"))
            }
        } else {
            report(Message(chinese: "单元格须有且只有“text”或“field”之一", english: "a cell needs exactly one of 'text' or 'field'"), hint: Message(chinese: "例如 {text: 项目名称} 或 {field: target}", english: "e.g. {text: 项目名称} or {field: target}"), at: node, path)
        }
        var span = 1
        let spanText = try fields.text("span")
        if !spanText.isEmpty {
            if let value = Int(spanText), value >= 1, value <= max(1, context.columns) { span = value } else {
                report(Message(chinese: "span“\(spanText)”须为1到\(context.columns)之间的整数", english: "span '\(spanText)' must be a whole number from 1 to \(context.columns)"), at: fields.value("span")!, path.appending("span"))
            }
        }
        var rowSpan = RowSpan.rows(1)
        if let rowsNode = fields.value("rows") {
            let text = try reader.text(rowsNode, at: path.appending("rows"))
            if text == "all" {
                if context.collection == nil {
                    report(Message(chinese: "“rows: all”跨重复列表的所有行；此单元格不在重复列表中", english: "'rows: all' spans every row of a repeated list; this cell is not in one"),
                           hint: Message(chinese: "请给出行数，例如 rows: 2", english: "give a number of rows, e.g. rows: 2"), at: rowsNode, path.appending("rows"))
                } else { rowSpan = .all }
            } else if let count = Int(text), count >= 1, count <= 200, context.collection == nil || count == 1 {
                rowSpan = .rows(count)
            } else {
                report(Message(chinese: "rows“\(text)”须为1到200之间的整数行数" + (context.collection == nil ? "" : "，在重复行中也可写“all”"),
                               english: "rows '\(text)' must be a whole number of rows from 1 to 200" + (context.collection == nil ? "" : ", or 'all' in a repeated row")),
                       hint: context.collection == nil ? Message(chinese: "例如 rows: 2", english: "e.g. rows: 2")
                           : Message(chinese: "重复行的单元格跨一行，或用 rows: all 跨所有行", english: "a repeated row's cell spans one row, or all of them with rows: all"),
                       at: rowsNode, path.appending("rows"))
            }
        }
        let styleName = try fields.text("style")
        var style = context.defaultStyle
        if !styleName.isEmpty { style = styleReference(styleName, at: fields.value("style")!, path.appending("style")) }
        else if style == nil { report(Message(chinese: "单元格没有样式，表格也没有“cellStyle”", english: "the cell has no style and the table no 'cellStyle'"), hint: Message(chinese: "请添加 style: 样式名", english: "add style: NAME"), at: node, path) }
        let merge = try boolean(&fields, "merge") ?? false
        if merge, case .text? = content {
            report(Message(chinese: "“merge”对固定文字不起作用：只有重复行中的字段才向下合并相同的值", english: "'merge' does nothing on fixed text: only a field of a repeated row merges down over rows of the same value"),
                   hint: Message(chinese: "请删去“merge: true”，或用 rows: N 让单元格跨行", english: "remove 'merge: true', or span the cell over rows with rows: N"), at: fields.value("merge")!, path.appending("merge"))
        }
        var format = CellFormat.asWritten
        if let formatNode = fields.value("format") {
            let text = try reader.text(formatNode, at: path.appending("format"))
            if let value = CellFormat(rawValue: text) { format = value } else {
                report(Message(chinese: "未知格式“\(text)”", english: "unknown format '\(text)'"), hint: .useOneOf(CellFormat.allCases.map(\.rawValue)),
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
                report(Message(chinese: "未知视图“\(text)”", english: "unknown view '\(text)'"), hint: .useOneOf(ValueView.allCases.map(\.rawValue)),
                       at: viewNode, path.appending("view"))
                return nil
            }
            if kind != .value {
                report(Message(chinese: "“view: \(text)”显示指标值的一部分，但“\(field.key)”是\(kind.rawValue)", english: "'view: \(text)' shows a part of a written indicator value, but '\(field.key)' is \(kind.rawValue)"),
                       hint: Message(chinese: "请用在 target、actual 或其他 value 类字段上", english: "use it on target, actual or another field of kind value"), at: viewNode, path.appending("view"))
            }
            binding.view = view
        }
        if let formulaNode = cell.value("formula") {
            let text = try reader.text(formulaNode, at: path.appending("formula"))
            do {
                let formula = try Formula.parse(text)
                for key in formula.fields {
                    guard let declaration = registry.declaration(key, at: collection.level) else {
                        report(Message(chinese: "公式读取“\(key)”，但\(collection.rawValue)的行没有该字段", english: "the formula reads '\(key)', which a row of \(collection.rawValue) does not have"),
                               hint: registry.suggestion(for: key, at: collection.level).map { Message.didYouMean(quoted: $0.description) }
                                   ?? Message(chinese: "请在“fields: \(collection.level.rawValue):”下声明", english: "declare it under 'fields: \(collection.level.rawValue):'"),
                               at: formulaNode, path.appending("formula"))
                        continue
                    }
                    if ![.money, .percent, .number, .score].contains(declaration.kind) {
                        report(Message(chinese: "公式读取的“\(key)”是\(declaration.kind.rawValue)字段，不是数字", english: "the formula reads '\(key)', a \(declaration.kind.rawValue) field, not a number"),
                               hint: Message(chinese: "公式只读取 money、percent、number 或 score 类字段", english: "formulas read money, percent, number or score fields"), at: formulaNode, path.appending("formula"))
                    }
                }
                if binding.view != nil {
                    report(Message(chinese: "单元格只能有“view”或“formula”之一，不能都有", english: "a cell has either 'view' or 'formula', not both"), at: formulaNode, path.appending("formula"))
                }
                var labelled = formula
                // A label that shows its own formula (小计④=①+②+③) is named by what stands before it.
                labelled.labelled = formula.described { key in
                    registry.declaration(key, at: collection.level).map { String($0.label.prefix { $0 != "=" }) } ?? key
                }
                binding.formula = labelled
            } catch {
                report(Message(chinese: "无法读取公式“\(text)”：\(error.message.chinese)", english: "the formula '\(text)' cannot be read: \(error.message.english)"),
                       hint: Message(chinese: "用 + - * / 和括号连接字段和数字，例如 executed / adjustedBudget", english: "write fields and numbers with + - * / and brackets, e.g. executed / adjustedBudget"), at: formulaNode, path.appending("formula"))
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
                    report(Message(chinese: "该单元格跨\(span)行，但该块这一部分只剩\(rows.count - r)行",
                                   english: "the cell spans \(span) rows but only \(rows.count - r) \(rows.count - r == 1 ? "row is" : "rows are") left in this part of the block"),
                           hint: Message(chinese: "使“rows”不超过\(rows.count - r)，或补上它所跨的行", english: "make 'rows' at most \(rows.count - r), or add the rows it spans"), at: nodes[r], cell.path)
                }
                for below in r..<min(rows.count, r + span) {
                    for c in column..<(column + cell.span) {
                        if below > r && occupied[below].contains(c) {
                            report(Message(chinese: "该单元格与上方向下跨行的单元格在第\(below + 1)行第\(c + 1)列重叠", english: "the cell overlaps a cell spanning down from above at row \(below + 1), column \(c + 1)"),
                                   hint: Message(chinese: "请检查上方各行的“rows”和“span”", english: "check the 'rows' and 'span' of the rows above"), at: nodes[r], cell.path)
                        }
                        occupied[below].insert(c)
                    }
                }
                column += cell.span
            }
            let filled = occupied[r].count, last = (occupied[r].max() ?? -1) + 1
            if filled != columns || last != columns {
                report(Message(chinese: "该行占\(filled)列，但可用的是\(columns)列", english: "the row covers \(filled) columns but \(columns) are available"),
                       hint: Message(chinese: "使各单元格的 span（含上方向下跨行的单元格）合计为\(columns)", english: "make the cells' spans (and those of cells spanning down from above) add up to \(columns)"), at: nodes[r], row.path)
            }
        }
    }
}
