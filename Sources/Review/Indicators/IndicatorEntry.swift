import Evaluation

/// One 三级 indicator of a project or department form, with what the checks
/// need beside it: its 一级/二级 names, its field path, and its target and
/// actual read as data (read once, here).
struct IndicatorEntry {
    var indicator: Indicator
    var category: String
    var subcategory: String
    /// `projects[0].indicators[2].subcategories[0].indicators[0]`.
    var path: FieldPath
    var form: Form
    var target: WrittenValue
    var actual: WrittenValue

    enum Form: Equatable {
        case project(Int)
        case department
    }

    var targetPath: FieldPath { path.appending("target") }
    var actualPath: FieldPath { path.appending("actual") }
    var name: String { indicator.name }

    /// The column headings of this form, for messages.
    var targetLabel: String { form == .department ? "目标值" : "年度指标值" }
    var actualLabel: String { form == .department ? "完成值" : "实际完成值" }

    /// A 成本指标 (一级 in the 2021 tree, 二级 under 产出指标 in the 2020 tree).
    var isCost: Bool { category.contains("成本") || subcategory.contains("成本") }

    /// Every indicator of `categories`, in printed order.
    static func entries(_ categories: [IndicatorCategory], at base: FieldPath, form: Form) -> [IndicatorEntry] {
        var entries: [IndicatorEntry] = []
        for (i, category) in categories.enumerated() {
            for (j, subcategory) in category.subcategories.enumerated() {
                for (k, indicator) in subcategory.indicators.enumerated() {
                    let path = base.appending(i).appending("subcategories").appending(j).appending("indicators").appending(k)
                    entries.append(IndicatorEntry(
                        indicator: indicator, category: category.name, subcategory: subcategory.name, path: path, form: form,
                        target: indicator.targetValue, actual: indicator.actualValue))
                }
            }
        }
        return entries
    }

    /// Every indicator of the unit: each project's, then the department's.
    static func entries(of unit: UnitEvaluation) -> [IndicatorEntry] {
        var entries: [IndicatorEntry] = []
        for (index, project) in unit.projects.enumerated() {
            entries += Self.entries(project.indicators, at: FieldPath("projects").appending(index).appending("indicators"),
                                    form: .project(index))
        }
        if let department = unit.department {
            entries += Self.entries(department.indicators, at: FieldPath("department").appending("indicators"), form: .department)
        }
        return entries
    }
}
