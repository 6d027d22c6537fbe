import Evaluation
import Foundation
import Layout

/// How the non-empty cells of one grid row sit on the cells of one layout
/// row: each cell on at most one slot, in order, the rest left over.
///
/// Found by dynamic programming over (cell, slot), the way two sequences
/// are aligned: labels anchor the row (only their own text or an alias may
/// stand on them), values go to the slots between them, preferring a slot
/// whose kind fits the text (a number under 年初预算数, "≥95%" under
/// 指标值) and, when the copy kept the form's columns, the slot under the
/// same header. A slot may stay empty (an empty value, a 一级 label merged
/// down from the row above, a column the form does not have); a cell may
/// stay unused (a column the unit added), at a cost that makes the
/// alignment that uses the most cells win.
struct RowAlignment {
    /// Pairs of (index into the row's cells, index into the slots), in order.
    private(set) var pairs: [(cell: Int, slot: Int)] = []
    private(set) var score: Double = 0
    /// Labels of the layout row found in the grid row.
    private(set) var labelsMatched = 0

    /// Where each cell of a row of this copy stands in the layout's
    /// columns, learnt from the labels of the row above (a block's header).
    /// Only copies that kept empty cells have columns to go by.
    struct ColumnMap {
        /// (grid column, layout column) of each cell placed, by grid column;
        /// a nil layout column for a cell the layout has no place for (a
        /// 备注 header the unit added): the cells below it are not the form's.
        var anchors: [(grid: Int, layout: Int?)]

        enum Place { case columns(Range<Int>), outside }

        /// The layout columns a cell in grid column `column` may stand in.
        func place(of column: Int) -> Place? {
            guard let first = anchors.first else { return nil }
            guard let index = anchors.lastIndex(where: { $0.grid <= column }) else {
                return first.layout.map { .columns(0..<max($0, 1)) }
            }
            guard let start = anchors[index].layout else { return .outside }
            let end = anchors[(index + 1)...].lazy.compactMap(\.layout).first ?? Int.max
            return .columns(start..<max(end, start + 1))
        }
    }

    static let unusedCell = -2.5

    /// Whether another alignment scores as well and places the cells
    /// differently: a copy without empty cells (a PDF's) that does not say
    /// which of two cells was the empty one.
    private(set) var isAmbiguous = false

    init(cells: [GridCell], slots: [FormTemplate.Slot], map: ColumnMap?, labels: Set<String>) {
        // What each cell's text looks like, found once, not once a slot.
        let texts = cells.map { CellText($0.text.trimmedCell) }
        let fits: [[Double?]] = texts.indices.map { i in
            slots.map { Self.fit(texts[i], column: cells[i].column, $0, map: map, labels: labels) }
        }
        // On a tie a cell goes to the earlier slot: values are written from
        // the left, and a trailing 得分 or 偏差原因 is what stays empty.
        let (pairs, score) = Self.best(fits, slots, earlierOnTie: true)
        self.pairs = pairs
        self.score = score
        isAmbiguous = Self.best(fits, slots, earlierOnTie: false).pairs.map(\.slot) != pairs.map(\.slot)
        labelsMatched = pairs.filter { slots[$0.slot].isLabel && !slots[$0.slot].isRepeatedSide }.count
    }

    /// The best alignment by dynamic programming: best[i][j] is the best
    /// score of cells i… on slots j….
    private static func best(_ fits: [[Double?]], _ slots: [FormTemplate.Slot], earlierOnTie: Bool)
        -> (pairs: [(cell: Int, slot: Int)], score: Double) {
        let n = fits.count, m = slots.count
        enum Step { case match, skipSlot, skipCell }
        var best = Array(repeating: Array(repeating: 0.0, count: m + 1), count: n + 1)
        var step = Array(repeating: Array(repeating: Step.skipSlot, count: m + 1), count: n + 1)
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: m, through: 0, by: -1) {
                if i == n && j == m { continue }
                var value = -Double.infinity
                var choice = Step.skipSlot
                if j < m {
                    value = best[i][j + 1] + skipCost(slots[j])
                }
                if i < n, j < m, let fit = fits[i][j] {
                    let candidate = best[i + 1][j + 1] + fit
                    if candidate > value || (earlierOnTie && candidate == value) {
                        value = candidate
                        choice = .match
                    }
                }
                if i < n {
                    let candidate = best[i + 1][j] + unusedCell
                    if candidate > value {
                        value = candidate
                        choice = .skipCell
                    }
                }
                best[i][j] = value
                step[i][j] = choice
            }
        }
        var pairs: [(cell: Int, slot: Int)] = []
        var (i, j) = (0, 0)
        while i < n || j < m {
            switch step[i][j] {
            case .match:
                pairs.append((i, j))
                i += 1
                j += 1
            case .skipSlot: j += 1
            case .skipCell: i += 1
            }
        }
        return (pairs, n == 0 && m == 0 ? 0 : best[0][0])
    }

    /// What leaving a slot empty costs: a label the row should show is
    /// missing; an empty value is ordinary; a merged 一级/二级, a repeated
    /// side label or a "—" is absent in most copies.
    private static func skipCost(_ slot: FormTemplate.Slot) -> Double {
        if slot.isRepeatedSide || slot.spansAllRows { return 0 }
        switch slot.content {
        case .label: return -1.5
        case .placeholder, .printed: return 0
        case .text: return -0.2
        case .column(let binding):
            guard slot.merge else { return -0.2 }
            // A group name alone on a row starts the inner group: the
            // 一级 goes on (merged down) more often than the 二级 does.
            return binding.field == .category ? -0.04 : -0.05
        }
    }

    /// How well `text` fits `slot`; nil when it cannot stand there.
    private static func fit(_ text: CellText, column: Int, _ slot: FormTemplate.Slot, map: ColumnMap?, labels: Set<String>) -> Double? {
        let (exact, folded) = (text.exact, text.folded)
        var score: Double
        switch slot.content {
        case .label(let label, let names):
            if exact == label { score = 4 } else if names.contains(folded) { score = 3 } else { return nil }
            if slot.isRepeatedSide { score = 0.5 }
        case .placeholder:
            // Above what a dash scores in a value's cell: in a row with both,
            // the dash is the one the form prints.
            guard text.isPlaceholder else { return nil }
            score = 1.5
        case .printed(let number):
            guard exact == number else { return nil }
            score = 2
        case .text(let template, _):
            if case .literal(let prefix)? = template.parts.first {
                guard folded.hasPrefix(Label.folded(prefix)) || exact.hasPrefix(Label.exact(prefix)) else { return nil }
                score = 3
            } else {
                score = 1 + kindFit(text, slot) - (labels.contains(folded) ? 1.5 : 0)
            }
        case .column:
            // A cell saying what a label of the form says is more likely that
            // label in the wrong place than a value — but may be a value
            // (a money row called 合计 in a form with a 合计 row).
            score = 1 + kindFit(text, slot) - (labels.contains(folded) ? 1.5 : 0)
        }
        if let map, !slot.isRepeatedSide {
            switch map.place(of: column) {
            case .columns(let columns)?:
                score += (slot.column..<(slot.column + slot.span)).overlaps(columns) ? 1.5 : -1.5
            case .outside?:
                return nil
            case nil:
                break
            }
        }
        return score
    }

    /// A number under a money column, a rate under a percent column, a
    /// written value under 指标值, a group name under 一级/二级.
    private static func kindFit(_ text: CellText, _ slot: FormTemplate.Slot) -> Double {
        let (numeric, percent, placeholder) = (text.isNumber, text.isPercent, text.isPlaceholder)
        if slot.merge {
            return text.isGroupName ? 1 : (numeric ? -1 : -0.3)
        }
        if case .column(let binding) = slot.content, let view = binding.view {
            // 四川's 指标性质 | 指标值 | 度量单位: a comparator, a number, a unit.
            switch view {
            case .comparator: return text.isComparator ? 1 : -1
            case .number: return numeric ? 1 : 0
            case .unit: return numeric || text.isWrittenValue ? -1 : 0.2
            }
        }
        switch slot.kind {
        case .money: return numeric && !percent ? 1 : (placeholder ? 0 : (percent ? -1 : -0.5))
        // A rate is written, and computed, with its % sign; a bare number
        // may be one (0.8106), but more likely is an amount.
        case .percent: return percent ? 1 : (numeric ? 0.3 : (placeholder ? 0 : -0.5))
        case .score, .number: return numeric ? 0.5 : (placeholder ? 0 : -0.3)
        case .value: return text.isWrittenValue ? 0.5 : 0
        case .date: return 0
        case .text: return numeric ? -0.3 : (text.isWrittenValue ? -0.5 : 0)
        }
    }
}

/// What a cell's text looks like, for choosing among the slots it could fill.
struct CellText {
    let text: String
    /// `Label.exact` and `Label.folded` of the text.
    let exact: String
    let folded: String
    let isNumber: Bool
    /// "81.06%": a number with its % sign.
    let isPercent: Bool
    let isWrittenValue: Bool
    let isGroupName: Bool
    /// "—", "/": the form's mark for "not applicable".
    let isPlaceholder: Bool
    /// "≥", ">=": only a comparator (四川's 指标性质 column).
    let isComparator: Bool

    init(_ text: String) {
        self.text = text
        exact = Label.exact(text)
        folded = Label.folded(text)
        isNumber = Self.isNumber(text)
        isPercent = isNumber && (text.hasSuffix("%") || text.hasSuffix("％"))
            || (text.hasSuffix("％") && Self.isNumber(String(text.dropLast()) + "%"))
        isWrittenValue = Self.isWrittenValue(text)
        isGroupName = folded.hasSuffix("指标") || folded.hasSuffix("目标") || ["投入", "过程", "产出", "效果", "效益", "满意度"].contains(folded)
        isPlaceholder = WrittenValueParser.placeholders.contains(exact)
        isComparator = !text.isEmpty && text.allSatisfy(WrittenValueParts.comparatorCharacters.contains)
    }

    /// "212.40", "-5", "1,234.5", ".5", "81.06%" — scanned by hand: it is
    /// asked of every cell of every row for every layout.
    static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" || first == "−" { scalars = scalars.dropFirst() }
        if scalars.last == "%" { scalars = scalars.dropLast() }
        var digits = 0, point = false, previousComma = false
        for scalar in scalars {
            switch scalar {
            case "0"..."9":
                digits += 1
                previousComma = false
            case ",":
                // Between digits of the whole part only.
                guard !point, digits > 0, !previousComma else { return false }
                previousComma = true
            case ".":
                guard !point, !previousComma else { return false }
                point = true
            default:
                return false
            }
        }
        return digits > 0 && !previousComma
    }

    /// A target or actual as forms write them: "≥95%", "=56人", "100%", "2025年".
    static func isWrittenValue(_ text: String) -> Bool {
        var rest = Substring(text).drop { $0 == " " || $0 == "\u{3000}" }
        for comparator in ["＞＝", "＜＝", ">=", "<=", "≥", "≤", ">", "<", "＞", "＜", "=", "＝"] where rest.hasPrefix(comparator) {
            rest = rest.dropFirst(comparator.count)
            break
        }
        return rest.drop { $0 == " " || $0 == "\u{3000}" }.first.map { $0.isASCII && $0.isNumber } ?? false
    }
}
