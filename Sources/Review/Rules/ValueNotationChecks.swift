import Evaluation

/// FP1xx: values that were read with an assumption (">=148.万元" as
/// ≥148万元), and number cells that hold no number. Each warning says what
/// FormPrint read, so the unit can confirm it or fix the text; the printed
/// form still shows the text as written.
enum ValueNotationChecks {
    static func check(_ unit: UnitEvaluation, entries: [IndicatorEntry]) -> [Finding] {
        var findings: [Finding] = []
        for entry in entries {
            findings += assumptions(entry.target, label: "\(entry.name) \(entry.targetLabel)", at: entry.targetPath)
            findings += assumptions(entry.actual, label: "\(entry.name) \(entry.actualLabel)", at: entry.actualPath)
            if case .project = entry.form {
                findings += number(entry.indicator.weight, .points, label: "\(entry.name) 分值", at: entry.path.appending("weight"))
                findings += number(entry.indicator.score, .points, label: "\(entry.name) 得分", at: entry.path.appending("score"))
            }
        }
        for (index, project) in unit.projects.enumerated() {
            let block = FundsBlock(project, index: index)
            for (row, funds) in project.funds.enumerated() {
                let path = block.rowPath(row)
                let cells: [(key: String, kind: CellNumber.Kind)] = [
                    ("initialBudget", .amount), ("annualBudget", .amount), ("adjustedBudget", .amount), ("executed", .amount),
                    ("executionRate", .rate), ("weight", .points), ("score", .points),
                ]
                for (key, kind) in cells {
                    findings += number(funds.value(key), kind, label: "\(funds.source) \(FieldWords.funds(key))", at: path.appending(key))
                }
            }
            findings += number(project.totalScore, .points, label: FieldWords.project("totalScore"),
                               at: FieldPath("projects").appending(index).appending("totalScore"))
        }
        return findings
    }

    /// FP101–FP105 for one value.
    static func assumptions(_ value: WrittenValue, label: String, at path: FieldPath) -> [Finding] {
        value.assumptions.map { assumption in
            let read = value.normalized
            let (rule, chineseReason, englishReason): (Rule, String, String) = switch assumption {
            case .strayDecimalPoint:
                (.strayDecimalPoint, "数字后的“.”没有小数位，已忽略", "a \".\" with no digits after it was ignored")
            case .unitWord(let written, let unit):
                (.unitWord, "“\(written)”视为“\(unit)”", "\"\(written)\" taken as \"\(unit)\"")
            case .fullWidthDigits:
                (.fullWidthDigits, "全角数字按半角数字读取", "full-width digits read as ASCII digits")
            case .groupingSeparators:
                (.groupingSeparators, "千位分隔符已忽略", "digit-group separators ignored")
            case .comparatorOnText:
                (.comparatorOnText, "比较符后不是数字，按定性值处理", "a comparator before text that is not a number; read as qualitative")
            }
            if assumption == .comparatorOnText {
                return Finding(rule, Message(chinese: "\(label)“\(value.text)”：\(chineseReason)",
                                             english: "\(label) \"\(value.text)\": \(englishReason)"), at: path)
            }
            return Finding(rule, Message(chinese: "\(label)“\(value.text)”按\(read)读取：\(chineseReason)",
                                         english: "\(label) \"\(value.text)\" read as \(read): \(englishReason)"), at: path)
        }
    }

    /// FP106 for a cell that must hold a number, plus its assumptions.
    static func number(_ text: String, _ kind: CellNumber.Kind, label: String, at path: FieldPath) -> [Finding] {
        let value = WrittenValue(text)
        guard CellNumber(value, as: kind) != .notNumber else {
            return [Finding(.numberExpected, Message(chinese: "\(label)“\(text)”不是数字，相关核对已跳过",
                                                     english: "\(label) \"\(text)\" is not a number; the checks that need it were skipped"),
                            at: path)]
        }
        return assumptions(value, label: label, at: path)
    }
}
