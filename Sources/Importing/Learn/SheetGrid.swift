/// A sheet cut into what a form is made of: the title lines above the grid,
/// the grid itself as boxes (a merged range, or one cell), and the signature
/// lines below it. Every position of the grid belongs to exactly one box, so
/// that a box's column and row spans are the layout's `span` and `rows`.
struct SheetGrid {
    struct Box: Hashable {
        /// 0-based within the grid.
        var row: Int, column: Int
        var rows: Int, columns: Int
        var text: String
        /// Where it is in the sheet, for messages ("C12").
        var address: String

        var lastRow: Int { row + rows - 1 }
        var lastColumn: Int { column + columns - 1 }
    }

    /// A single-cell line above or below the grid.
    struct Line {
        var text: String
        var address: String
        /// The texts of the line's cells, left to right (signature lines).
        var cells: [(text: String, address: String)]
    }

    var title: [Line] = []
    var footer: [Line] = []
    var boxes: [Box] = []
    var rowCount = 0
    var columnCount = 0
    /// The sheet's first grid column (1-based), for column widths.
    var firstSheetColumn = 1
    /// The box covering each position, row-major.
    private var owner: [Int] = []

    /// A grid larger than any form is refused rather than walked.
    static let maximumPositions = 200_000

    enum Failure: Error {
        case noGrid
        case tooLarge(rows: Int, columns: Int)
    }

    init(_ sheet: LearnSheet) throws(Failure) {
        var text: [Int: [Int: String]] = [:]
        for cell in sheet.cells where !cell.text.trimmedCell.isEmpty { text[cell.row, default: [:]][cell.column] = cell.text.trimmedCell }
        let merges = sheet.merges.filter { merge in text[merge.firstRow]?[merge.firstColumn] != nil || merge.lastColumn > merge.firstColumn || merge.lastRow > merge.firstRow }
        // Rows in the sheet that have something: text or the start of a merge.
        var rowNumbers = Set(text.keys)
        for merge in merges { rowNumbers.insert(merge.firstRow) }
        let ordered = rowNumbers.sorted()
        guard !ordered.isEmpty else { throw .noGrid }
        func multiRowMerge(startingAt row: Int) -> Bool { merges.contains { $0.firstRow == row && $0.lastRow > row } }
        func cellCount(_ row: Int) -> Int { text[row]?.count ?? 0 }
        func line(_ row: Int) -> Line {
            let cells = (text[row] ?? [:]).sorted { $0.key < $1.key }.map { (text: $0.value, address: LearnSheet.address(row: row, column: $0.key)) }
            return Line(text: cells.map(\.text).joined(separator: " "), address: cells.first?.address ?? LearnSheet.address(row: row, column: 1), cells: cells)
        }
        // Title lines: one text each, before the first row of two or more
        // boxes (a label and its value at least).
        var first = 0
        while first < ordered.count, cellCount(ordered[first]) <= 1, !multiRowMerge(startingAt: ordered[first]),
              !(text[ordered[first]]?.values.first.map { SignatureText.isSignature($0) || FieldMatcher.fold($0).hasPrefix("项目名称") || FieldMatcher.fold($0).hasPrefix("部门") && FieldMatcher.fold($0).hasSuffix("名称") } ?? false) {
            if cellCount(ordered[first]) == 1 { title.append(line(ordered[first])) }
            first += 1
        }
        // Signature lines: from the end, rows whose cells read "填表人：…".
        var last = ordered.count - 1
        var footer: [Line] = []
        while last >= first, let cells = text[ordered[last]], !cells.isEmpty, cells.values.allSatisfy(SignatureText.isSignature),
              !merges.contains(where: { $0.firstRow < ordered[last] && $0.lastRow >= ordered[last] }) {
            footer.insert(line(ordered[last]), at: 0)
            last -= 1
        }
        self.footer = footer
        guard first <= last else { throw .noGrid }
        let top = ordered[first]
        var bottom = ordered[last]
        let inside = merges.filter { $0.firstRow >= top && $0.firstRow <= bottom }
        bottom = max(bottom, inside.map(\.lastRow).max() ?? bottom)
        var left = Int.max, right = 0
        for row in top...bottom { for column in (text[row] ?? [:]).keys { left = min(left, column); right = max(right, column) } }
        for merge in inside { left = min(left, merge.firstColumn); right = max(right, merge.lastColumn) }
        guard right >= left else { throw .noGrid }
        rowCount = bottom - top + 1
        columnCount = right - left + 1
        guard rowCount * columnCount <= Self.maximumPositions else { throw .tooLarge(rows: rowCount, columns: columnCount) }
        firstSheetColumn = left
        owner = Array(repeating: -1, count: rowCount * columnCount)
        for merge in inside.sorted(by: { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }) {
            let r = merge.firstRow - top, c = merge.firstColumn - left
            let rows = min(merge.lastRow, bottom) - merge.firstRow + 1, columns = merge.lastColumn - merge.firstColumn + 1
            // Overlapping merges, which no office suite writes: the first wins.
            guard (r..<(r + rows)).allSatisfy({ row in (c..<(c + columns)).allSatisfy { owner[row * columnCount + $0] == -1 } }) else { continue }
            add(Box(row: r, column: c, rows: rows, columns: columns, text: text[merge.firstRow]?[merge.firstColumn] ?? "",
                    address: LearnSheet.address(row: merge.firstRow, column: merge.firstColumn)))
        }
        for r in 0..<rowCount {
            for c in 0..<columnCount where owner[r * columnCount + c] == -1 {
                add(Box(row: r, column: c, rows: 1, columns: 1, text: text[top + r]?[left + c] ?? "",
                        address: LearnSheet.address(row: top + r, column: left + c)))
            }
        }
        boxes.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        owner = Array(repeating: -1, count: rowCount * columnCount)
        for (index, box) in boxes.enumerated() {
            for r in box.row...box.lastRow { for c in box.column...box.lastColumn { owner[r * columnCount + c] = index } }
        }
    }

    private mutating func add(_ box: Box) {
        boxes.append(box)
        for r in box.row...box.lastRow { for c in box.column...box.lastColumn { owner[r * columnCount + c] = boxes.count - 1 } }
    }

    /// The box covering (row, column).
    func box(_ row: Int, _ column: Int) -> Box { boxes[owner[row * columnCount + column]] }

    /// The boxes starting in `row`, left to right.
    func starting(in row: Int) -> [Box] { boxes.filter { $0.row == row } }

    /// The column ranges of the boxes covering `row` from column `from` on:
    /// two rows of the same shape have the same partition.
    func partition(_ row: Int, from: Int = 0) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var column = from
        while column < columnCount {
            let box = box(row, column)
            result.append(column...box.lastColumn)
            column = box.lastColumn + 1
        }
        return result
    }
}

/// The signature lines under a form: "单位负责人（签字）：张三", "填报日期：",
/// "（单位盖章）".
enum SignatureText {
    static let labels = ["单位负责人", "财务负责人", "项目负责人", "填表人", "填报人", "联系电话", "填报日期", "审核人", "经办人"]

    static func isSignature(_ text: String) -> Bool {
        let folded = FieldMatcher.fold(text)
        if folded.hasPrefix("（") && folded.hasSuffix("盖章）") { return true }
        return labels.contains { folded.hasPrefix($0) } && (folded.contains("：") || folded.count <= 8)
    }

    /// "单位负责人（签字）：张三" → ("单位负责人（签字）：", "张三"); "（单位盖章）" → (itself, "").
    static func split(_ text: String) -> (label: String, value: String) {
        let trimmed = text.trimmedCell
        guard let colon = trimmed.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return (trimmed, "") }
        return (String(trimmed[...colon]).replacingOccurrences(of: ":", with: "："), String(trimmed[trimmed.index(after: colon)...]).trimmedCell)
    }
}
