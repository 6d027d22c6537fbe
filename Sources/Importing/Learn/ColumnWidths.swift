import Foundation

/// The sheet's column widths as the layout's `columns`: Excel measures a
/// column in characters of its default font (a "0" of 11pt 宋体/Calibri is
/// 7 pixels, plus 5 pixels of padding, at 96 pixels an inch); the widths
/// keep their proportions and are scaled to the page's text width, each
/// rounded down to 0.5 mm so that they always fit between the margins.
enum ColumnWidths {
    /// Excel's width of a column that sets none.
    static let defaultWidth: Decimal = 8.43

    static func millimetres(_ sheet: LearnSheet, _ grid: SheetGrid, textWidth: Decimal) -> [Decimal] {
        let natural = (0..<grid.columnCount).map { index -> Decimal in
            let characters = sheet.columnWidths[grid.firstSheetColumn + index] ?? defaultWidth
            return (characters * 7 + 5) * Decimal(string: "25.4")! / 96
        }
        let sum = natural.reduce(0, +)
        guard sum > 0 else { return Array(repeating: 20, count: grid.columnCount) }
        return natural.map { width in
            var scaled = width * textWidth / sum * 2
            var floored = Decimal()
            NSDecimalRound(&floored, &scaled, 0, .down)
            return max(floored / 2, 5)
        }
    }
}
