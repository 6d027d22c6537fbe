import Evaluation

/// Builds the 一级 → 二级 → 三级 tree from indicator rows. An empty 一级 or
/// 二级 cell continues the one above (the label spans down); a repeated
/// label does too, since unmerged workbooks repeat it on every row.
struct IndicatorTree {
    private(set) var categories: [IndicatorCategory] = []

    mutating func add(level1: String?, level2: String?, indicator: Indicator?) {
        var startedCategory = false
        if let level1, categories.last?.name != level1 {
            categories.append(IndicatorCategory(name: level1, subcategories: []))
            startedCategory = true
        }
        if categories.isEmpty { categories.append(IndicatorCategory(name: "", subcategories: [])) }
        let last = categories.count - 1
        if let level2, categories[last].subcategories.last?.name != level2 {
            categories[last].subcategories.append(IndicatorSubcategory(name: level2, indicators: []))
        } else if startedCategory && level2 == nil {
            // A new 一级 with an empty 二级 cell starts an unnamed 二级.
            categories[last].subcategories.append(IndicatorSubcategory(name: "", indicators: []))
        }
        if categories[last].subcategories.isEmpty {
            categories[last].subcategories.append(IndicatorSubcategory(name: "", indicators: []))
        }
        if let indicator {
            let sub = categories[last].subcategories.count - 1
            categories[last].subcategories[sub].indicators.append(indicator)
        }
    }

    var indicatorCount: Int { categories.flatMap(\.subcategories).flatMap(\.indicators).count }
}
