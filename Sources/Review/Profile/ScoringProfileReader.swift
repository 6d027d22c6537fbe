import Evaluation
import Foundation
import InputReading
import Yams

/// Reads a scoring profile file (`Scoring/*.yaml`, format in
/// docs/VALIDATION.md) with the same care as unit files: every mistake is an
/// `InputFileError` with file:line:column, the field path and a hint, and
/// unknown fields are errors.
package enum ScoringProfileReader {
    package static let formatVersion = 1

    package static func read(contentsOf url: URL) throws -> ScoringProfile {
        try read(text: try YAMLDocument.text(contentsOf: url), file: url.path)
    }

    package static func read(text: String, file: String) throws -> ScoringProfile {
        let root = try YAMLDocument.compose(text, file: file)
        let reader = NodeReader(file: file)
        var fields = try reader.object(root, at: FieldPath())
        _ = try fields.requiredInteger("formprint-scoring", in: 1...formatVersion,
            hint: Message(chinese: "请在文件开头写“formprint-scoring: 1”（评分规则的格式版本）。",
                          english: "Start the file with 'formprint-scoring: 1' (the scoring profile format version)."))
        let id = try fields.requiredText("id")
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw InputFileError(.invalidValue(Message(chinese: "“\(id)”不是评分规则标识", english: "'\(id)' is not a profile id"),
                                               hint: Message(chinese: "请用字母、数字、“-”和“_”，例如“national”。", english: "Use letters, digits, '-' and '_', e.g. 'national'.")),
                                 at: reader.location(of: fields.value("id")!), path: "id")
        }
        let name = try fields.text("name")
        _ = try fields.text("origin")
        let layouts = try fields.list("layouts") { try reader.text($0, at: $1) }
        let total = try number(&fields, "total", reader) ?? 100
        guard var rateFields = try fields.optionalObject("executionRate") else {
            throw InputFileError(.missingField("executionRate"), at: reader.location(of: root), path: FieldPath())
        }
        let executionRate = try readExecutionRate(&rateFields, reader)
        guard var indicatorFields = try fields.optionalObject("indicators") else {
            throw InputFileError(.missingField("indicators"), at: reader.location(of: root), path: FieldPath())
        }
        let indicators = try readIndicators(&indicatorFields, reader)
        let weightSum = indicators.weights.reduce(executionRate.weight) { $0 + $1.weight }
        guard weightSum == total else {
            throw InputFileError(.invalidValue(Message(chinese: "executionRate.weight与各指标权重合计\(weightSum)，不等于总分\(total)",
                                                       english: "executionRate.weight and the indicator weights add up to \(weightSum), not the total \(total)"),
                                               hint: Message(chinese: "请使其合计为\(total)。", english: "Make them add up to \(total).")),
                                 at: reader.location(of: indicatorFields.value("weights") ?? indicatorFields.node), path: "indicators.weights")
        }
        guard var qualitativeFields = try fields.optionalObject("qualitative") else {
            throw InputFileError(.missingField("qualitative"), at: reader.location(of: root), path: FieldPath())
        }
        let qualitative = try readQualitative(&qualitativeFields, reader)
        let grades = try fields.list("grades") { node, path in
            var band = try reader.object(node, at: path)
            let grade = GradeBand(grade: try band.requiredText("grade"), minimum: try requiredNumber(&band, "from", reader))
            try band.finish()
            return grade
        }
        guard grades.last?.minimum == 0, zip(grades, grades.dropFirst()).allSatisfy({ $0.minimum > $1.minimum }) else {
            throw InputFileError(.invalidValue(Message(chinese: "等级须从最高下限依次降到0", english: "grades must go from the highest minimum down to 0"),
                                               hint: Message(chinese: "例如 优 从90、良 从80、中 从60、差 从0。", english: "e.g. 优 from 90, 良 from 80, 中 from 60, 差 from 0.")),
                                 at: reader.location(of: fields.value("grades") ?? root), path: "grades")
        }
        var decimals = 2
        var emptyCell = ""
        var scoreColumns = true
        if var format = try fields.optionalObject("format") {
            if let text = try optionalText(&format, "decimals") {
                guard let value = Int(text), (0...6).contains(value) else {
                    throw InputFileError(.invalidValue(Message(chinese: "“\(text)”不是0到6之间的小数位数", english: "'\(text)' is not a number of decimals from 0 to 6"),
                                                       hint: Message(chinese: "表格打印分数保留2位。", english: "Forms print scores with 2.")),
                                         at: reader.location(of: format.value("decimals")!), path: "format.decimals")
                }
                decimals = value
            }
            emptyCell = try format.text("emptyCell")
            scoreColumns = try flag(&format, "scoreColumns", reader,
                                    hint: Message(chinese: "没有分值/得分栏的表写“scoreColumns: false”。",
                                                  english: "Write 'scoreColumns: false' for a form without 分值/得分 columns.")) ?? true
            try format.finish()
        }
        try fields.finish()
        return ScoringProfile(id: id, name: name, layouts: layouts, executionRate: executionRate, indicators: indicators,
                              qualitative: qualitative, grades: grades, total: total, decimals: decimals, emptyCell: emptyCell,
                              scoreColumns: scoreColumns)
    }

    private static func readExecutionRate(_ fields: inout ObjectReader, _ reader: NodeReader) throws -> ExecutionRateRule {
        let weight = try requiredNumber(&fields, "weight", reader)
        let method = try fields.text("method")
        let bands = try fields.list("bands") { node, path in
            var band = try reader.object(node, at: path)
            let rate = ExecutionRateRule.RateBand(minimumRate: try requiredNumber(&band, "from", reader),
                                                  share: try requiredNumber(&band, "share", reader))
            try band.finish()
            return rate
        }
        try fields.finish()
        switch method {
        case "", "proportional":
            return ExecutionRateRule(weight: weight, method: .proportional)
        case "bands":
            guard bands.last?.minimumRate == 0 else {
                throw InputFileError(.invalidValue(Message(chinese: "执行率档次须以从0%起的一档结束", english: "rate bands must end with one from 0%"),
                                                   hint: Message(chinese: "请在最后加上“- {from: 0%, share: 0%}”。", english: "Add '- {from: 0%, share: 0%}' last.")),
                                     at: reader.location(of: fields.node), path: fields.path.appending("bands"))
            }
            return ExecutionRateRule(weight: weight, method: .bands(bands))
        default:
            throw InputFileError(.invalidValue(Message(chinese: "未知方法“\(method)”", english: "unknown method '\(method)'"),
                                               hint: Message(chinese: "请用“proportional”或“bands”。", english: "Use 'proportional' or 'bands'.")),
                                 at: reader.location(of: fields.node), path: fields.path.appending("method"))
        }
    }

    private static func readIndicators(_ fields: inout ObjectReader, _ reader: NodeReader) throws -> IndicatorRules {
        let weights = try fields.list("weights") { node, path in
            var group = try reader.object(node, at: path)
            let categories = try group.list("categories") { try reader.text($0, at: $1) }
            let weight = CategoryWeight(categories: categories, weight: try requiredNumber(&group, "weight", reader))
            try group.finish()
            return weight
        }
        let reverseText = try fields.text("reverse")
        guard let reverse = reverseText.isEmpty ? .ratio : ReverseFormula(rawValue: reverseText) else {
            throw InputFileError(.invalidValue(Message(chinese: "未知公式“\(reverseText)”", english: "unknown formula '\(reverseText)'"),
                                               hint: Message(chinese: "请用“ratio”（w × t ÷ a）或“linear”（w × max(0, 1 − (a − t) ÷ t)）。",
                                                             english: "Use 'ratio' (w × t ÷ a) or 'linear' (w × max(0, 1 − (a − t) ÷ t)).")),
                                 at: reader.location(of: fields.value("reverse")!), path: fields.path.appending("reverse"))
        }
        let farAbove = try number(&fields, "farAbove", reader)
        let deviation = try flag(&fields, "deviationRequired", reader,
                                 hint: Message(chinese: "表中有偏差原因栏时写“deviationRequired: true”。",
                                               english: "Write 'deviationRequired: true' when the form has a 偏差原因 column.")) ?? false
        try fields.finish()
        return IndicatorRules(weights: weights, reverse: reverse, farAboveRatio: farAbove, deviationRequired: deviation)
    }

    private static func readQualitative(_ fields: inout ObjectReader, _ reader: NodeReader) throws -> QualitativeRules {
        let achieved = try fields.list("achieved") { try reader.text($0, at: $1) }
        let bands = try fields.list("bands") { node, path in
            var band = try reader.object(node, at: path)
            let result = QualitativeBand(verdict: try band.requiredText("verdict"), from: try requiredNumber(&band, "from", reader),
                                         to: try requiredNumber(&band, "to", reader))
            try band.finish()
            return result
        }
        try fields.finish()
        return QualitativeRules(bands: bands, achieved: achieved)
    }

    private static func flag(_ fields: inout ObjectReader, _ key: String, _ reader: NodeReader, hint: Message) throws -> Bool? {
        guard let text = try optionalText(&fields, key), !text.isEmpty else { return nil }
        guard text == "true" || text == "false" else {
            throw InputFileError(.invalidValue(.notTrueOrFalse(text), hint: hint),
                                 at: reader.location(of: fields.value(key)!), path: fields.path.appending(key))
        }
        return text == "true"
    }

    // MARK: - Numbers: "10", "12.5", "80%" (a fraction: 0.8)

    private static func optionalText(_ fields: inout ObjectReader, _ key: String) throws -> String? {
        guard fields.value(key) != nil else { return nil }
        return try fields.text(key)
    }

    private static func number(_ fields: inout ObjectReader, _ key: String, _ reader: NodeReader) throws -> Decimal? {
        guard let text = try optionalText(&fields, key), !text.isEmpty else { return nil }
        let value = WrittenValue(text)
        guard let quantity = value.quantity, quantity.comparator == nil, value.assumptions.isEmpty,
              quantity.unit.isNone || quantity.unit.isPercent else {
            throw InputFileError(.invalidValue(Message(chinese: "“\(text)”不是数字", english: "'\(text)' is not a number"),
                                               hint: Message(chinese: "请写10或12.5这样的数字，或80%这样的百分数。",
                                                             english: "Write a number such as 10 or 12.5, or a percentage such as 80%.")),
                                 at: reader.location(of: fields.value(key)!), path: fields.path.appending(key))
        }
        return quantity.unit.isPercent ? quantity.number / 100 : quantity.number
    }

    private static func requiredNumber(_ fields: inout ObjectReader, _ key: String, _ reader: NodeReader) throws -> Decimal {
        guard let value = try number(&fields, key, reader) else {
            throw InputFileError(.missingField(key), at: reader.location(of: fields.node), path: fields.path)
        }
        return value
    }
}
