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
    /// "2024年度项目支出绩效自评表"; brackets and spaces do not matter
    /// ("2019年度)", "（ 2019 年度)", "【2019年度】"), nor full-width digits.
    static func year(in text: String) -> Int? {
        let label = halfWidthDigits(Label.normalise(text))
        guard let range = label.range(of: #"(19|20)[0-9][0-9]年度?"#, options: .regularExpression) else { return nil }
        return Int(label[range].prefix(4))
    }

    /// A "（2024年度）" or blank "（　　年度）" line under a title, however
    /// its brackets are written: half- or full-width, mixed, unbalanced
    /// ("2019年度)", "(2019年度）", "〔2019年度〕") or missing around a year
    /// ("2019年度"; but not "2019年", which may be a value, nor "年度").
    static func isYearLine(_ text: String) -> Bool {
        var label = Substring(halfWidthDigits(Label.normalise(text)))
        var bracketed = false
        if let first = label.first, openingBrackets.contains(first) {
            label = label.dropFirst()
            bracketed = true
        }
        if let last = label.last, closingBrackets.contains(last) {
            label = label.dropLast()
            bracketed = true
        }
        guard let match = label.wholeMatch(of: /((?:19|20)[0-9][0-9])?年度?/) else { return false }
        // Unbracketed, only "2019年度" is a year line; "2019年" alone may be a value.
        return bracketed || (match.1 != nil && label.hasSuffix("年度"))
    }

    /// Brackets around a year line (`Label.normalise` has made "(" and ")" full-width).
    static let openingBrackets: Set<Character> = ["（", "【", "〔", "[", "［", "〈", "《", "{", "｛", "〖"]
    static let closingBrackets: Set<Character> = ["）", "】", "〕", "]", "］", "〉", "》", "}", "｝", "〗"]

    /// "２０１９" → "2019".
    static func halfWidthDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFF10 + 0x30)! : scalar
        }))
    }
}
