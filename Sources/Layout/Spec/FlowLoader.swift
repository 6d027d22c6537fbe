import Evaluation
import InputReading
import Yams

/// The `flow:` section of a report layout.
extension LoadSession {
    func flow(_ node: Node, path: FieldPath) throws -> FlowSpec? {
        var fields = try reader.object(node, at: path)
        let title = namedStyle(&fields, "titleStyle")
        let body = namedStyle(&fields, "bodyStyle")
        let headings = try fields.list("headings") { node, path -> HeadingSpec? in
            var heading = try self.reader.object(node, at: path)
            let style = self.namedStyle(&heading, "style")
            let numberingText = try heading.text("numbering")
            let numbering = numberingText.isEmpty ? HeadingNumbering.none : HeadingNumbering(rawValue: numberingText)
            if numbering == nil {
                self.report(Message(chinese: "未知编号方式“\(numberingText)”", english: "unknown numbering '\(numberingText)'"),
                            hint: .useOneOf(HeadingNumbering.allCases.map(\.rawValue)),
                            at: heading.value("numbering")!, path.appending("numbering"))
            }
            self.checkUnknown(heading)
            guard let style, let numbering else { return nil }
            return HeadingSpec(style: style, numbering: numbering)
        }
        let lineHeight = try length(&fields, "lineHeight") ?? .pt(29)
        let indent = try number(&fields, "firstLineIndent", default: 2)
        let signatureIndent = try number(&fields, "signatureRightIndent", default: 2)
        let linesAfterTitle = Int(try number(&fields, "linesAfterTitle", default: 1))
        let pageNumber = try self.pageNumber(&fields, alternate: true, singlePage: true)
        var tables: FlowTableStyles?
        if let body {
            tables = FlowTableStyles(title: headings.first??.style ?? body, header: body, text: body, padding: .mm(1.5), rule: .pt(0.5))
            if var table = try fields.optionalObject("table") {
                if table.value("title") != nil { tables?.title = namedStyle(&table, "title") ?? body }
                if table.value("header") != nil { tables?.header = namedStyle(&table, "header") ?? body }
                if table.value("text") != nil { tables?.text = namedStyle(&table, "text") ?? body }
                tables?.padding = try length(&table, "padding") ?? .mm(1.5)
                tables?.rule = try length(&table, "rule") ?? .pt(0.5)
                checkUnknown(table)
            }
        }
        checkUnknown(fields)
        if headings.isEmpty { report(Message(chinese: "缺少“headings”", english: "missing 'headings'"), hint: Message(chinese: "每级标题列出一个样式", english: "list one style per heading level"), at: node, path) }
        guard let title, let body, let tables, headings.allSatisfy({ $0 != nil }), !headings.isEmpty else { return nil }
        return FlowSpec(title: title, linesAfterTitle: linesAfterTitle, headings: headings.compactMap { $0 }, body: body,
                        lineHeight: lineHeight, firstLineIndent: indent, signatureRightIndent: signatureIndent, pageNumber: pageNumber,
                        tables: tables)
    }

    /// `pageNumber: {format, style, gap, alternate, inset, singlePage}`, shared by
    /// reports (GB/T 9704's alternating "— 1 —") and forms ("第 1 页 共 2 页").
    func pageNumber(_ fields: inout ObjectReader, alternate defaultAlternate: Bool, singlePage defaultSinglePage: Bool) throws -> PageNumberSpec? {
        guard var numbering = try fields.optionalObject("pageNumber") else { return nil }
        let format = try numbering.requiredText("format")
        if !format.contains("{page}") {
            report(Message(chinese: "页码格式中没有“{page}”", english: "the page number format has no '{page}'"), hint: Message(chinese: "例如 format: \"— {page} —\" 或 \"第 {page} 页 共 {pages} 页\"", english: "e.g. format: \"— {page} —\" or \"第 {page} 页 共 {pages} 页\""),
                   at: numbering.node, numbering.path)
        }
        let style = namedStyle(&numbering, "style")
        let gap = try length(&numbering, "gap") ?? .mm(7)
        let alternate = try boolean(&numbering, "alternate") ?? defaultAlternate
        let inset = try number(&numbering, "inset", default: 1)
        let singlePage = try boolean(&numbering, "singlePage") ?? defaultSinglePage
        checkUnknown(numbering)
        guard let style else { return nil }
        return PageNumberSpec(format: format, style: style, gap: gap, alternate: alternate, inset: inset, singlePage: singlePage)
    }

    func namedStyle(_ fields: inout ObjectReader, _ key: String) -> TextStyle? {
        guard let node = fields.value(key) else {
            report(Message(chinese: "缺少“\(key)”", english: "missing '\(key)'"), hint: Message(chinese: "请写“styles:”下定义的样式名", english: "name a style defined under 'styles:'"), at: fields.node, fields.path)
            return nil
        }
        guard let name = attempt({ try reader.text(node, at: fields.path.appending(key)) }) else { return nil }
        return styleReference(name, at: node, fields.path.appending(key))
    }

    func number(_ fields: inout ObjectReader, _ key: String, default value: Double) throws -> Double {
        guard let node = fields.value(key) else { return value }
        let text = try reader.text(node, at: fields.path.appending(key))
        guard let number = Double(text), number >= 0, number <= 100 else {
            report(Message(chinese: "“\(text)”不是0到100之间的数", english: "'\(text)' is not a number from 0 to 100"), at: node, fields.path.appending(key))
            return value
        }
        return number
    }
}
