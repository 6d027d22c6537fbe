import Foundation

import Evaluation

/// Recognises a document by its title line, however the unit decorated it:
/// "项目支出绩效自评表", "2024年度项目支出绩效自评表", "附件1：部门预算项目支出绩效自评表",
/// "部门整体支出绩效自评报告".
enum FormTitle {
    static func kind(of text: String) -> DocumentKind? {
        let label = Label.normalise(text)
        guard label.count <= 60 else { return nil }
        if label.contains("项目支出绩效自评表") || label.hasSuffix("项目绩效自评表") { return .project }
        if label.contains("整体支出绩效自评表") || label.hasSuffix("整体绩效自评表") || label.contains("整体支出绩效自评评分表") { return .department }
        if label.hasSuffix("自评报告") || label.hasSuffix("评价报告") { return .report }
        return nil
    }

    /// The year of a "（2024年度）" line or of a title such as
    /// "2024年度项目支出绩效自评表".
    static func year(in text: String) -> Int? {
        let label = Label.normalise(text)
        guard let range = label.range(of: #"(19|20)\d\d年度?"#, options: .regularExpression) else { return nil }
        return Int(label[range].prefix(4))
    }

    /// A "（2024年度）" or blank "（　　年度）" line under a title.
    static func isYearLine(_ text: String) -> Bool {
        Label.normalise(text).range(of: #"^（((19|20)\d\d)?年度?）$"#, options: .regularExpression) != nil
    }
}
