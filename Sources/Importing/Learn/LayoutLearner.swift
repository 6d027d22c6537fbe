import Evaluation
import Foundation
import Layout

/// Learns a layout file from a province's own template sheet, blank or
/// filled: the grid from its merges, the title lines, label cells as fixed
/// text, value cells bound to registry fields by the label to their left or
/// above, repeated blocks under a header row, formulas from labels such as
/// 小计④=①+②+③, and the signature lines. The result is checked by the
/// layout loader before it is handed back.
package struct LayoutLearner {
    package struct Result: Sendable {
        package var id: String
        package var document: DocumentKind
        package var yaml: String
        package var notes: [LearnNote]
    }

    let grid: SheetGrid
    let sheet: LearnSheet
    let matcher: FieldMatcher
    var document: DocumentKind = .project
    var notes: [LearnNote] = []
    /// Fields the registry lacks, declared in the layout.
    var declared: [FieldDeclaration] = []
    var keyCounter = 0

    package static func learn(_ sheet: LearnSheet, id: String? = nil, origin: String, registry: FieldRegistry) throws(LearnError) -> Result {
        let grid: SheetGrid
        do { grid = try SheetGrid(sheet) } catch {
            switch error {
            case .noGrid: throw LearnError(problem: .noGrid(sheet: sheet.name))
            case .tooLarge(let rows, let columns): throw LearnError(problem: .tooLarge(sheet: sheet.name, rows: rows, columns: columns))
            }
        }
        var learner = LayoutLearner(grid: grid, sheet: sheet, matcher: FieldMatcher(registry: registry))
        let layout = try learner.layout(id: id, origin: origin)
        let yaml = layout.yaml
        do {
            _ = try LayoutLoader.load(text: yaml, file: "\(layout.id).yaml", fields: registry)
        } catch {
            throw LearnError(problem: .invalid(sheet: sheet.name, problems: .joined(error.problems.map(\.message))))
        }
        return Result(id: layout.id, document: layout.document, yaml: yaml, notes: learner.notes)
    }

    mutating func note(_ address: String?, _ message: Message) {
        notes.append(LearnNote(place: address.map { "\(sheet.name)!\($0)" } ?? sheet.name, message: message))
    }

    var documentLevel: FieldLevel { document == .department ? .department : .project }

    mutating func layout(id: String?, origin: String) throws(LearnError) -> LearnedLayout {
        let title = grid.title.first
        let firstLabel = FieldMatcher.fold(grid.boxes.first?.text ?? "")
        if let title, let kind = FormTitle.kind(of: title.text), kind != .report {
            document = kind
        } else if let title, FieldMatcher.fold(title.text).contains("部门") || FieldMatcher.fold(title.text).contains("整体") {
            document = .department
        } else if let title, FieldMatcher.fold(title.text).contains("项目") {
            document = .project
        } else if firstLabel.hasPrefix("项目") {
            document = .project
        } else if firstLabel.hasPrefix("部门") || firstLabel.hasPrefix("单位") {
            document = .department
        } else {
            throw LearnError(problem: .unknownDocument(sheet: sheet.name, title: title?.text ?? grid.boxes.first?.text ?? ""))
        }
        if let title {
            note(title.address, LearnNote.document(document, title: title.text))
            if FormTitle.kind(of: title.text) == nil { note(title.address, LearnNote.titleNotRecognised(title.text)) }
        }
        let titleLines = grid.title.enumerated().map { index, line -> (text: String, style: String) in
            (Self.yearTemplate(line.text), index == 0 ? "title" : "subtitle")
        }
        let blocks = learnBlocks()
        let footer = learnFooter()
        let landscape = sheet.landscape ?? (grid.columnCount >= 8)
        note(nil, LearnNote.orientation(landscape: landscape, columns: grid.columnCount, fromSheet: sheet.landscape != nil))
        let margins: (Decimal, Decimal, Decimal, Decimal) = landscape ? (16, 18, 20, 20) : (20, 18, 25, 20)
        let nameLabel = document == .project ? "项目名称：{project.name}" : "部门（单位）名称：{department.name}"
        let mainTitle = titleLines.first?.text ?? (document == .project ? "项目支出绩效自评表" : "部门整体支出绩效自评表")
        return LearnedLayout(
            id: id ?? "learned-\(document.rawValue)", document: document,
            name: (grid.title.first?.text ?? mainTitle) + "（学自\(sheet.name)）", origin: origin,
            landscape: landscape, margins: margins,
            columns: ColumnWidths.millimetres(sheet, grid, textWidth: (landscape ? 297 : 210) - margins.2 - margins.3),
            title: titleLines, continuedTitle: [(mainTitle + "（续）", "title"), (nameLabel, "continued")],
            blocks: blocks, footer: footer, fields: declared)
    }

    /// "（2024年度）" → "（{year}年度）"; "2024年度部门整体…" → "{year}年度部门整体…".
    static func yearTemplate(_ text: String) -> String {
        guard let range = text.range(of: #"(19|20)[0-9]{2}(?=年)"#, options: .regularExpression) else {
            // A blank year line "（    年度）" is the year too.
            if FormTitle.isYearLine(text) { return "（{year}年度）" }
            return text
        }
        return text.replacingCharacters(in: range, with: "{year}")
    }

    // MARK: - Blocks

    mutating func learnBlocks() -> [LearnedLayout.Block] {
        var blocks: [LearnedLayout.Block] = []
        var fixed: [Int] = []
        func flush(_ learner: inout LayoutLearner) {
            if !fixed.isEmpty { blocks.append(learner.fixedBlock(rows: fixed, side: nil)) }
            fixed = []
        }
        var row = 0
        while row < grid.rowCount {
            if let kind = RepeatedBlock.kind(of: row, in: grid) {
                flush(&self)
                let (block, end) = repeatedBlock(kind, header: row)
                blocks.append(block)
                row = end + 1
                continue
            }
            let first = grid.box(row, 0)
            if first.row == row, first.rows > 1, first.columns < grid.columnCount {
                flush(&self)
                blocks.append(fixedBlock(rows: Array(row...first.lastRow), side: first))
                row = first.lastRow + 1
                continue
            }
            // A fixed row, with the rows a cell of it spans down into.
            let end = grid.starting(in: row).map(\.lastRow).max() ?? row
            fixed += Array(row...end)
            row = end + 1
        }
        flush(&self)
        return blocks
    }

    /// Fixed rows: labels as text, values bound to the label to their left
    /// or above.
    mutating func fixedBlock(rows: [Int], side: SheetGrid.Box?) -> LearnedLayout.Block {
        var block = LearnedLayout.Block()
        if let side { block.side = .text(side.text, span: side.columns) }
        let first = side?.columns ?? 0
        enum Kind { case label(FieldDeclaration?), value, fixed }
        var kinds: [SheetGrid.Box: Kind] = [:]
        var boundLabels: Set<SheetGrid.Box> = []
        var previousRowLabels: [SheetGrid.Box] = []
        for row in rows {
            let boxes = grid.starting(in: row).filter { $0.column >= first }
            var cells: [LearnedLayout.Cell] = []
            let hasTotal = boxes.contains { matcher.field($0.text, at: [documentLevel])?.key == "totalScore" }
            for (index, box) in boxes.enumerated() {
                let left: SheetGrid.Box? = index > 0 ? boxes[index - 1] : nil
                let above = previousRowLabels.first { $0.column == box.column && $0.columns == box.columns }
                func isOpenLabel(_ candidate: SheetGrid.Box?) -> Bool {
                    guard let candidate, case .label = kinds[candidate] else { return false }
                    return !boundLabels.contains(candidate)
                }
                let kind: Kind
                if box.text.isEmpty {
                    kind = .value
                } else if let field = matcher.field(box.text, at: [documentLevel]) {
                    kind = .label(field)
                } else if box.text == "100", hasTotal {
                    kind = .fixed   // 满分 beside 总分/合计
                } else if let template = labelledValue(box.text) {
                    cells.append(.text(template, span: box.columns, rows: box.rows, style: "text"))
                    kinds[box] = .fixed
                    continue
                } else if isOpenLabel(left) || above != nil || (FieldMatcher.isNumber(box.text) && boxes[..<index].contains(where: isOpenLabel)) {
                    kind = .value
                } else {
                    kind = .label(nil)
                }
                kinds[box] = kind
                switch kind {
                case .label, .fixed:
                    cells.append(.text(box.text, span: box.columns, rows: box.rows))
                case .value:
                    // The nearest label to the left without a value, else the label above.
                    let label = boxes[..<index].reversed().first { isOpenLabel($0) } ?? above
                    guard let label, case .label(let known)? = kinds[label] else {
                        if !box.text.isEmpty { note(box.address, LearnNote.unlabelledValue(box.text)) }
                        cells.append(.text(box.text, span: box.columns, rows: box.rows))
                        kinds[box] = .fixed
                        continue
                    }
                    boundLabels.insert(label)
                    let field = known ?? declare(label.text, at: documentLevel, values: box.text.isEmpty ? [] : [box.text], address: label.address)
                    if known != nil { note(label.address, LearnNote.bound(label.text, to: field.key)) }
                    cells.append(.text("{\(documentLevel.rawValue).\(field.key)}", span: box.columns, rows: box.rows, style: "text"))
                }
            }
            let labels = boxes.filter { if case .label? = kinds[$0] { true } else { false } }
            previousRowLabels = labels.count == boxes.count ? labels : []
            block.rows.append(cells)
        }
        return block
    }

    /// "评价等级：优" → "评价等级：{project.grade}" when 评价等级 is a field.
    func labelledValue(_ text: String) -> String? {
        let (label, _) = SignatureText.split(text)
        guard label != text.trimmedCell, let field = matcher.field(label, at: [documentLevel]) else { return nil }
        return label + "{\(documentLevel.rawValue).\(field.key)}"
    }

    /// A field the registry lacks, declared in the layout (once per label and level).
    mutating func declare(_ label: String, at level: FieldLevel, values: [String], address: String) -> FieldDeclaration {
        let bare = FieldMatcher.bare(label)
        if let known = declared.first(where: { $0.level == level && FieldMatcher.bare($0.label) == bare }) { return known }
        let taken = Set(matcher.registry.fields(at: level).map(\.key) + declared.filter { $0.level == level }.map(\.key))
        let key = FieldMatcher.key(for: label, taken: taken, counter: &keyCounter)
        let kind = FieldMatcher.guessKind(label, values: values)
        let field = FieldDeclaration(level: level, key: key, label: label.trimmedCell.replacingOccurrences(of: "\n", with: ""), kind: kind)
        declared.append(field)
        note(address, LearnNote.newField(field.label, key: key, kind: kind, level: level))
        return field
    }

    // MARK: - Footer

    mutating func learnFooter() -> [[LearnedLayout.Signature]] {
        grid.footer.map { line in
            line.cells.map { cell in
                let (label, _) = SignatureText.split(cell.text)
                let bare = FieldMatcher.bare(label)
                if bare.hasPrefix("（") && bare.hasSuffix("盖章）") || label == cell.text.trimmedCell && !label.hasSuffix("：") {
                    return LearnedLayout.Signature(label: label, value: nil)   // room for the seal
                }
                let field = matcher.field(label, at: [.signatures]) ?? declare(label, at: .signatures, values: [], address: cell.address)
                return LearnedLayout.Signature(label: label, value: "{signatures.\(field.key)}")
            }
        }
    }
}
