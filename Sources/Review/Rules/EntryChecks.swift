import Evaluation
import Foundation
import Support

/// Entries that pass silently though a reviewer would stop at them:
/// - FP107: a unit inside a money cell ("212.40万元" under （万元）, or "元");
/// - FP108: a 执行率 written as a bare fraction (0.8106) where the form
///   prints a percentage;
/// - FP109: an amount with more than two decimals ("132.912"): a money
///   column of two decimals prints it as written rather than round it;
/// - FP508: an evaluated year far from the filing date (2042, or 2014 for
///   a report dated 2025).
enum EntryChecks {
    static func check(_ unit: UnitEvaluation, referenceYear: Int?) -> [Finding] {
        var findings: [Finding] = []
        for (index, project) in unit.projects.enumerated() {
            findings += funds(project.funds, at: FieldPath("projects").appending(index).appending("funds"))
        }
        if let department = unit.department { findings += funds(department.funds, at: FieldPath("department").appending("funds")) }
        findings += year(unit, referenceYear: referenceYear)
        return findings
    }

    /// The money columns with the words findings use for them (the registry's).
    static let moneyKeys: [(key: String, label: String)] = FieldWords.moneyKeys.map { ($0, FieldWords.funds($0)) }

    static func funds(_ rows: [FundsRow], at base: FieldPath) -> [Finding] {
        var findings: [Finding] = []
        for (index, row) in rows.enumerated() {
            let path = base.appending(index)
            for (key, label) in moneyKeys {
                let text = row.value(key)
                guard let quantity = WrittenValue(text).quantity, quantity.comparator == nil, !quantity.unit.isNone else { continue }
                let unit = quantity.unit.symbol
                let scale = unit == "元" ? "；表头单位为万元，若金额以元计需换算（除以10000）" : "；表头已注明（万元）"
                let englishScale = unit == "元" ? "; the heading is in 万元, so an amount in 元 must be divided by 10000" : "; the heading already says （万元）"
                findings.append(Finding(.moneyWithUnit, Message(
                    chinese: "\(row.source) \(label)“\(text)”含单位“\(unit)”\(scale)，请只填数字\(quantity.digits)",
                    english: "\(row.source) \(label) \"\(text)\" carries the unit \"\(unit)\"\(englishScale); write the number \(quantity.digits) alone"),
                    at: path.appending(key)))
            }
            for (key, label) in moneyKeys {
                let text = row.value(key).trimmingSpaces()
                guard let quantity = WrittenValue(text).quantity, quantity.unit.isNone, quantity.comparator == nil,
                      let point = quantity.digits.firstIndex(of: "."), quantity.digits[point...].dropFirst(3).contains(where: { $0 != "0" }) else { continue }
                let decimals = quantity.digits.distance(from: point, to: quantity.digits.endIndex) - 1
                findings.append(Finding(.amountDecimals, Message(
                    chinese: "\(row.source) \(label)“\(text)”有\(decimals)位小数；按两位小数打印金额的表格不把它四舍五入，而是原样打印\(text)。若应为两位小数，请在原表中改正",
                    english: "\(row.source) \(label) \"\(text)\" has \(decimals) decimals; a form that prints amounts with two decimals prints it as written (\(text)), not rounded. If it should have two decimals, correct it in the original"),
                    at: path.appending(key)))
            }
            for key in ["executionRate", "spendingRate", "balanceRate"] {
                let text = row.value(key).trimmingSpaces()
                guard !text.isEmpty, let quantity = WrittenValue(text).quantity, quantity.unit.isNone, quantity.comparator == nil,
                      quantity.number > 0, quantity.number <= Decimal(string: "1.5")!, quantity.digits.contains(".") else { continue }
                let percent = (quantity.number * 100).trimmed(places: 2)
                findings.append(Finding(.rateAsFraction, Message(
                    chinese: "\(row.source) 执行率写作小数“\(text)”；表格按百分数打印，应为\(percent)%（在WPS/Excel中把单元格格式设为百分比）",
                    english: "\(row.source) rate \"\(text)\" is written as a fraction; the form prints a percentage: \(percent)% (format the cell as a percentage in WPS/Excel)"),
                    at: path.appending(key)))
            }
        }
        return findings
    }

    /// The filing year: of the report's 成文日期 or the forms' 填报日期,
    /// else `referenceYear` (this year).
    static func year(_ unit: UnitEvaluation, referenceYear: Int?) -> [Finding] {
        let dated = [unit.report?.date, unit.signatures.date].compactMap { $0 }.compactMap(filingYear).first
        guard let filed = dated ?? referenceYear else { return [] }
        // Self-evaluations are filed in the year after the evaluated year (or late in it).
        guard unit.year > filed || unit.year < filed - 3 else { return [] }
        let source = dated != nil ? "填报日期/成文日期为\(filed)年" : "今年为\(filed)年"
        let englishSource = dated != nil ? "the filing date is in \(filed)" : "this is \(filed)"
        return [Finding(.implausibleYear, Message(
            chinese: "评价年度\(unit.year)年不合常理：\(source)，自评通常在评价年度的次年填报",
            english: "the evaluated year \(unit.year) is implausible: \(englishSource), and self-evaluations are filed in the year after the evaluated year"),
            at: "year")]
    }

    /// "2025年3月1日" → 2025: the first "19dd" or "20dd" followed by 年, as
    /// the pattern `(19|20)\d\d(?=年)` finds it (`\d` any decimal digit;
    /// one that is not ASCII, say full-width, gives no year). Scanned by
    /// hand: compiling that pattern was 10 M instructions, 6 % of a fresh
    /// `render` of one form (issue 25).
    static func filingYear(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 5 else { return nil }
        for start in 0...(scalars.count - 5) {
            let century = (scalars[start], scalars[start + 1])
            guard century == ("1", "9") || century == ("2", "0"),
                  scalars[start + 2].properties.numericType == .decimal,
                  scalars[start + 3].properties.numericType == .decimal,
                  scalars[start + 4] == "年" else { continue }
            var digits = String.UnicodeScalarView()
            digits.append(contentsOf: scalars[start..<(start + 4)])
            return Int(String(digits))
        }
        return nil
    }
}
