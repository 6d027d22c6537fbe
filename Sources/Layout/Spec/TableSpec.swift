import Evaluation

/// A form printed as one ruled table under a title.
package struct TableSpec: Sendable {
    /// Lines above the table (the form's title, a "（2024年度）" line).
    package var title: [TextLineSpec]
    /// Lines above the table on continuation pages ("项目支出绩效自评表（续）").
    package var continuedTitle: [TextLineSpec]
    /// Appended to a spanning label printed again on a continuation page
    /// ("产出指标（续）"); empty to repeat the label as it is.
    package var continuedMark: String
    /// Lines below the table on the last page (signatures, seal, notes).
    package var footer: [FooterLineSpec]
    /// Page numbers below the text block, e.g. "第 {page} 页 共 {pages} 页".
    package var pageNumber: PageNumberSpec?
    package var columns: [Length]
    package var cellPadding: CellPadding
    package var ruleWidth: Length
    package var minimumRowHeight: Length
    package var blocks: [BlockSpec]
}

package struct CellPadding: Sendable, Hashable {
    package var horizontal: Length
    package var vertical: Length
}

/// A line of text outside the grid.
package struct TextLineSpec: Sendable {
    package var text: TextTemplate
    package var style: TextStyle
    /// Space above the line (e.g. room for a seal above "（单位盖章）").
    package var spaceBefore: Length
    /// Space below the line.
    package var spaceAfter: Length
    /// Where the line is in its layout file, for messages.
    package var path: FieldPath
    /// The name of an optional line (`optional: year`): printed only when
    /// asked for (`--line year`), because the official template the layout
    /// follows has no such line. nil for a line that is always printed.
    package var optionalName: String?

    package init(text: TextTemplate, style: TextStyle, spaceBefore: Length = .zero, spaceAfter: Length = .zero, path: FieldPath,
                optionalName: String? = nil) {
        self.text = text
        self.style = style
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.path = path
        self.optionalName = optionalName
    }

    /// Whether the line is printed when the optional lines `chosen` are asked for.
    package func isPrinted(with chosen: Set<String>) -> Bool {
        optionalName.map(chosen.contains) ?? true
    }
}

/// A line below the table: plain text, or signature fields with blank
/// lines to sign or write on.
package enum FooterLineSpec: Sendable {
    case text(TextLineSpec)
    case signatures(SignatureLineSpec)
}

/// "单位负责人（签字）：______  财务负责人：______  填表人：______", spread
/// across the table's width; fields that do not fit go on to a new line.
package struct SignatureLineSpec: Sendable {
    package var fields: [SignatureFieldSpec]
    package var style: TextStyle
    package var spaceBefore: Length
    package var spaceAfter: Length
    package var path: FieldPath
}

package struct SignatureFieldSpec: Sendable {
    /// Printed before the line, e.g. "单位负责人（签字）：".
    package var label: TextTemplate
    /// Printed on the line when the unit file gives it, e.g. "{signatures.unitHead}".
    package var value: TextTemplate
    /// Length of the blank line: long enough to sign by hand.
    package var lineWidth: Length
    package var path: FieldPath
}

/// A band of rows. A block with a `side` cell prints that cell in the first
/// column across all of its rows (资金情况, 绩效指标); its `header` rows are
/// repeated when the block continues on a new page.
package struct BlockSpec: Sendable {
    package var side: CellSpec?
    package var header: [RowSpec]
    package var rows: [RowSpec]
    package var repeated: RepeatSpec?
    /// Never break the page inside this block (unless it alone is taller
    /// than a page).
    package var keepTogether: Bool
    /// A fixed height for every row of the block; cells whose style has a
    /// `minSize` shrink their text to fit it.
    package var rowHeight: Length?
    /// Where the block is in its layout file, for messages.
    package var path: FieldPath
}

/// One row per element of a collection (fund sources, indicators, tasks).
package struct RepeatSpec: Sendable {
    package var collection: RepeatedList
    package var row: RowSpec
    /// Printed instead of `row` for the 年度资金总额/总和 row of `project.funds`
    /// (the national form gives only that row 分值 and 得分).
    package var totalRow: RowSpec?
    package var order: RowOrder
}

/// Where the funds total row goes: the national form lists 年度资金总额
/// first, the 吉林 variant 年度资金总和 last.
package enum RowOrder: String, Sendable, CaseIterable {
    case asWritten = "as-written"
    case totalFirst = "total-first"
    case totalLast = "total-last"
}

package struct RowSpec: Sendable {
    package var cells: [CellSpec]
    package var path: FieldPath

    /// Columns the row covers.
    package var width: Int { cells.reduce(0) { $0 + $1.span } }
}

package struct CellSpec: Sendable {
    package var content: CellContent
    /// Columns the cell covers.
    package var span: Int
    /// Rows the cell covers: in a fixed or header row a number of rows, in a
    /// repeated row 1 or every row of the list (a note beside all money rows).
    package var rowSpan: RowSpan
    package var style: TextStyle
    /// Merge this cell down over consecutive rows of the same group (the
    /// 一级/二级 indicator labels).
    package var merge: Bool
    package var format: CellFormat
    package var path: FieldPath
}

package enum RowSpan: Sendable, Hashable {
    case rows(Int)
    /// Every row the block repeats for its list.
    case all

    package var count: Int? { if case .rows(let count) = self { count } else { nil } }
}

/// How a cell prints its value.
package enum CellFormat: String, Sendable, CaseIterable {
    /// Exactly as the unit wrote it.
    case asWritten = "as-written"
    /// A plain number with two decimals (212.4 → 212.40); anything that is
    /// not a plain number is printed as written.
    case money
    /// A computed rate as a percentage with two decimals (0.81064 → 81.06%);
    /// a rate the unit wrote is printed as written.
    case percent
}

package enum CellContent: Sendable {
    /// Fixed text, possibly with `{field}` placeholders.
    case text(TextTemplate)
    /// A field of the collection row being repeated.
    case column(FieldBinding)
}

/// Text with `{year}`-style placeholders, resolved at load time.
package struct TextTemplate: Sendable, Hashable {
    package enum Part: Sendable, Hashable {
        case literal(String)
        case field(ScalarField)
    }
    package var parts: [Part]

    package init(parts: [Part]) { self.parts = parts }
    package static func literal(_ text: String) -> TextTemplate { TextTemplate(parts: [.literal(text)]) }
}

extension TableSpec {
    /// Whether any cell computes a value (so binding can find disagreements).
    package var hasFormulas: Bool {
        blocks.contains { block in
            [block.repeated?.row, block.repeated?.totalRow].compactMap { $0 }.contains { row in
                row.cells.contains { if case .column(let binding) = $0.content { binding.formula != nil } else { false } }
            }
        }
    }
}

extension LayoutSpec {
    /// The names of the layout's optional lines (`optional:` in its title
    /// lines), for `layouts list` and for checking `--line`.
    package var optionalLines: [String] {
        guard case .table(let table) = body else { return [] }
        return Array(Set((table.title + table.continuedTitle).compactMap(\.optionalName))).sorted()
    }

    /// Whether the layout prints any score (分值, 得分, 总分, 评价等级): only
    /// then is the unit scored before it is bound.
    package var printsScores: Bool {
        guard case .table(let table) = body else { return false }
        // Compared, not looked up in a Set: a Set of a key type a process
        // has not hashed yet costs the runtime a scan of every protocol
        // conformance record (0.4 M instructions, issue 25).
        func prints(_ template: TextTemplate) -> Bool {
            template.parts.contains { if case .field(let field) = $0 { field == .totalScore || field == .grade } else { false } }
        }
        func prints(_ cell: CellSpec) -> Bool {
            switch cell.content {
            case .column(let binding): binding.kind == .score
            case .text(let template): prints(template)
            }
        }
        let rows = table.blocks.flatMap { block in
            block.header + block.rows + [block.repeated?.row, block.repeated?.totalRow].compactMap { $0 }
        }
        let lines = (table.title + table.continuedTitle).map(\.text) + table.footer.compactMap { line in
            if case .text(let text) = line { text.text } else { nil }
        }
        return rows.contains { $0.cells.contains(where: prints) } || lines.contains(where: prints)
    }
}
