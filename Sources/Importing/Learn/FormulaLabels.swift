import Evaluation

/// Formulas a money block's labels write out: 福建's circled numbers
/// (小计④=①+②+③, 支出实现率⑥=⑤/④, 本年度结余金额⑦=④-⑤), the national
/// "(A)/(B)" labels with 执行率（B/A）, and — guessed, and said so — an
/// 执行率 with no formula written (执行数 ÷ the budget it is measured
/// against) and an 得分 beside 得分系数 and 权重 (权重 × 得分系数, 重庆).
enum FormulaLabels {
    struct Formula {
        var expression: String
        var guessed: Bool
    }

    static let circled: [Character] = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"]
    /// Fields a formula may read or compute (Layouts/README.md "formula").
    static let numeric: Set<FieldKind> = [.money, .percent, .number, .score]

    /// Column index → formula, for columns bound to `keys` of `kinds`.
    /// `rateLeftBlank`: a filled form leaves the 执行率 blank on a row whose
    /// 执行数 and budget it fills — it does not compute the rate, so none is guessed.
    static func formulas(labels: [String], keys: [String?], kinds: [FieldKind], rateLeftBlank: Bool = false) -> [(Int, Formula)] {
        let folded = labels.map(FieldMatcher.fold)
        func usable(_ c: Int) -> Bool { keys[c] != nil && numeric.contains(kinds[c]) }
        // The column each circled number or letter names: the one whose label
        // carries it before any "=".
        var named: [String: String] = [:]
        for (c, label) in folded.enumerated() where usable(c) {
            let own = label.split(separator: "=", maxSplits: 1).first.map(String.init) ?? label
            for mark in circled where own.contains(mark) && named[String(mark)] == nil { named[String(mark)] = keys[c] }
        }
        // Label.normalise drops the (A)/(B) markers, so read them from the raw labels.
        for (c, label) in labels.enumerated() where usable(c) {
            let compact = label.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）").filter { !$0.isWhitespace }
            if compact.contains("（A）") { named["A"] = keys[c] }
            if compact.contains("（B）") { named["B"] = keys[c] }
        }
        var result: [(Int, Formula)] = []
        for (c, label) in folded.enumerated() where usable(c) {
            let raw = labels[c].replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）").filter { !$0.isWhitespace }
            if let equals = label.firstIndex(of: "=") {
                var expression = ""
                var complete = true
                for character in label[label.index(after: equals)...] {
                    if let key = named[String(character)], circled.contains(character) {
                        expression += key
                    } else if "+-−*/×÷".contains(character) {
                        expression += " \(character) "
                    } else if character == "（" || character == "）" {
                        expression += character == "（" ? "(" : ")"
                    } else {
                        complete = false
                    }
                }
                if complete, !expression.isEmpty, !expression.contains(keys[c]!) { result.append((c, Formula(expression: expression, guessed: false))) }
            } else if raw.contains("（B/A）") || raw.contains("（B／A）"), let a = named["A"], let b = named["B"] {
                result.append((c, Formula(expression: "\(b) / \(a)", guessed: false)))
            } else if keys[c] == "executionRate", !rateLeftBlank, keys.contains("executed"),
                      let budget = (["adjustedBudget", "annualBudget"] as [String]).first(where: { keys.contains($0) }) {
                result.append((c, Formula(expression: "executed / \(budget)", guessed: true)))
            } else if keys[c] == "score", keys.contains("scoreFactor"), keys.contains("weight") {
                result.append((c, Formula(expression: "weight * scoreFactor", guessed: true)))
            }
        }
        return result
    }
}
