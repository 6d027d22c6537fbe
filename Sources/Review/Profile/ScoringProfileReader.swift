import Evaluation
import Foundation
import InputReading
import Yams

/// Reads a scoring profile file (`Scoring/*.yaml`, format in
/// docs/VALIDATION.md) with the same care as unit files: every mistake is an
/// `InputFileError` with file:line:column, the field path and a hint, and
/// unknown fields are errors.
public enum ScoringProfileReader {
    public static let formatVersion = 1

    public static func read(contentsOf url: URL) throws -> ScoringProfile {
        try read(text: try YAMLDocument.text(contentsOf: url), file: url.path)
    }

    public static func read(text: String, file: String) throws -> ScoringProfile {
        let root = try YAMLDocument.compose(text, file: file)
        let reader = NodeReader(file: file)
        var fields = try reader.object(root, at: FieldPath())
        _ = try fields.requiredInteger("formprint-scoring", in: 1...formatVersion,
            hint: "Start the file with 'formprint-scoring: 1' (the scoring profile format version).")
        let id = try fields.requiredText("id")
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw InputFileError(.invalidValue("'\(id)' is not a profile id", hint: "Use letters, digits, '-' and '_', e.g. 'national'."),
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
            throw InputFileError(.invalidValue("executionRate.weight and the indicator weights add up to \(weightSum), not the total \(total)",
                                               hint: "Make them add up to \(total)."),
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
            throw InputFileError(.invalidValue("grades must go from the highest minimum down to 0",
                                               hint: "e.g. 优 from 90, 良 from 80, 中 from 60, 差 from 0."),
                                 at: reader.location(of: fields.value("grades") ?? root), path: "grades")
        }
        var decimals = 2
        var emptyCell = ""
        var scoreColumns = true
        if var format = try fields.optionalObject("format") {
            if let text = try optionalText(&format, "decimals") {
                guard let value = Int(text), (0...6).contains(value) else {
                    throw InputFileError(.invalidValue("'\(text)' is not a number of decimals from 0 to 6", hint: "Forms print scores with 2."),
                                         at: reader.location(of: format.value("decimals")!), path: "format.decimals")
                }
                decimals = value
            }
            emptyCell = try format.text("emptyCell")
            scoreColumns = try flag(&format, "scoreColumns", reader, hint: "Write 'scoreColumns: false' for a form without 分值/得分 columns.") ?? true
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
                throw InputFileError(.invalidValue("rate bands must end with one from 0%", hint: "Add '- {from: 0%, share: 0%}' last."),
                                     at: reader.location(of: fields.node), path: fields.path.appending("bands"))
            }
            return ExecutionRateRule(weight: weight, method: .bands(bands))
        default:
            throw InputFileError(.invalidValue("unknown method '\(method)'", hint: "Use 'proportional' or 'bands'."),
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
            throw InputFileError(.invalidValue("unknown formula '\(reverseText)'", hint: "Use 'ratio' (w × t ÷ a) or 'linear' (w × max(0, 1 − (a − t) ÷ t))."),
                                 at: reader.location(of: fields.value("reverse")!), path: fields.path.appending("reverse"))
        }
        let farAbove = try number(&fields, "farAbove", reader)
        let deviation = try flag(&fields, "deviationRequired", reader,
                                 hint: "Write 'deviationRequired: true' when the form has a 偏差原因 column.") ?? false
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

    private static func flag(_ fields: inout ObjectReader, _ key: String, _ reader: NodeReader, hint: String) throws -> Bool? {
        guard let text = try optionalText(&fields, key), !text.isEmpty else { return nil }
        guard text == "true" || text == "false" else {
            throw InputFileError(.invalidValue("'\(text)' is not true or false", hint: hint),
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
            throw InputFileError(.invalidValue("'\(text)' is not a number", hint: "Write a number such as 10 or 12.5, or a percentage such as 80%."),
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
