import Evaluation
import Layout

/// The money unit a form's amounts are written in, as its headings say
/// it: 资金情况（元）, 年初预算数（千元）, a "单位：元" line. The layout's own
/// headings say the unit it prints (（万元） on every official form); when
/// the unit's copy names another, its amounts are converted exactly before
/// they print under the layout's heading — never 2124000.00 万元.
struct AmountUnitHeadings {
    /// A heading cell that names a money unit, and the unit it names.
    struct Mention {
        var unit: MeasureUnit
        var cell: GridCell
    }

    private(set) var mentions: [Mention] = []

    /// The money unit a heading names in brackets or after 单位：, if any.
    static func unit(in text: String) -> MeasureUnit? {
        let label = Label.exact(text)
        for symbol in ["千元", "万元", "亿元", "元"] {
            if label.contains("（\(symbol)）") || label.hasSuffix("单位：\(symbol)") || label.contains("单位：\(symbol)（") {
                return MeasureUnit(symbol)
            }
        }
        return nil
    }

    /// Whether `text` is a line that only names the unit ("单位：元", "金额单位：千元").
    static func isUnitLine(_ text: String) -> Bool {
        Label.normalise(text).range(of: #"^(金额)?单位：(元|千元|万元|亿元)$"#, options: .regularExpression) != nil
    }

    /// Records `cell` when it is a heading or unit line naming a money unit.
    mutating func consider(_ cell: GridCell) {
        if let unit = Self.unit(in: cell.text) { mentions.append(Mention(unit: unit, cell: cell)) }
    }

    /// The unit a layout prints its amounts in: the one its headings name,
    /// 万元 (the official forms' unit) when they name none.
    static func printedUnit(of template: FormTemplate) -> MeasureUnit {
        template.allLabelTexts.lazy.compactMap(unit(in:)).first ?? MeasureUnit("万元")
    }

    /// What the headings decide for a form printed in `printed`.
    enum Decision {
        /// No heading names another unit.
        case asPrinted
        /// Every heading naming a unit names `unit`: convert from it.
        case convert(from: MeasureUnit, heading: GridCell)
        /// Headings name different units: which one the amounts are in
        /// cannot be told.
        case conflict([Mention])
    }

    func decision(printed: MeasureUnit) -> Decision {
        let units = Set(mentions.map(\.unit))
        if units.isEmpty || units == [printed] { return .asPrinted }
        if units.count == 1, let first = mentions.first { return .convert(from: first.unit, heading: first.cell) }
        return .conflict(mentions)
    }
}
