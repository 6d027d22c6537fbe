import Evaluation

/// Finds the registry field a form's label names, the way a person reads
/// the label: spaces and line breaks ignored, full- and half-width brackets
/// and colons alike, the "（A）/（B/A）" markers, a unit "（万元）", a "（%）",
/// "（盖章）"/"（签字）" and a leading "1." or "（一）" left out.
struct FieldMatcher {
    let registry: FieldRegistry

    /// The label as compared: Label.normalise (spaces, brackets, markers).
    static func fold(_ text: String) -> String { Label.normalise(text) }

    /// The label with what never tells two fields apart taken off as well.
    static func bare(_ text: String) -> String {
        var label = fold(text)
        for decoration in ["（万元）", "（元）", "（%）", "（％）", "（盖章）", "（签字）", "（签章）", "（分）", "："] {
            label = label.replacingOccurrences(of: decoration, with: "")
        }
        // "1.项目年度目标完成情况", "（一）…", "一、…": the numbering is not the label.
        if let range = label.range(of: #"^([0-9]+[.．、]|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)"#, options: .regularExpression) {
            label.removeSubrange(range)
        }
        return label
    }

    /// The field at one of `levels` named by `label`: exactly first, then
    /// without the decorations.
    func field(_ label: String, at levels: [FieldLevel]) -> FieldDeclaration? {
        let folded = Self.fold(label), bare = Self.bare(label)
        guard !bare.isEmpty else { return nil }
        for level in levels {
            if let field = registry.fields(at: level).first(where: { $0.labels.contains { Self.fold($0) == folded } }) { return field }
        }
        for level in levels {
            if let field = registry.fields(at: level).first(where: { $0.labels.contains { Self.bare($0) == bare } }) { return field }
        }
        return nil
    }

    /// A kind for a label the registry lacks, from its words and, when the
    /// form is filled, from what its cells hold.
    static func guessKind(_ label: String, values: [String]) -> FieldKind {
        let folded = fold(label)
        let numeric = !values.isEmpty && values.allSatisfy(isNumber)
        if folded.contains("率") || folded.contains("%") || folded.contains("％") { return .percent }
        if ["分值", "得分", "权重", "评分"].contains(where: folded.contains) { return .score }
        if ["指标值", "完成值", "目标值"].contains(where: folded.contains) { return .value }
        if ["预算", "执行数", "金额", "资金"].contains(where: folded.contains) && (values.isEmpty || numeric) { return .money }
        if folded.contains("日期") { return .date }
        return .text
    }

    /// "212.40", "1,200", "-3": an amount as a sheet shows it.
    static func isNumber(_ text: String) -> Bool {
        text.replacingOccurrences(of: ",", with: "").range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
    }

    /// Keys for fields the registry lacks. Pinyin is not available, so a
    /// short table of words common on forms gives a readable key, and any
    /// other label gets `field1`, `field2`, … in the order the learner meets
    /// them (left to right, top to bottom): the same workbook always gives
    /// the same keys.
    static let words: [(String, String)] = [
        ("备注", "remarks"), ("说明", "notes"), ("职责", "duties"), ("依据", "basis"), ("类型", "type"),
        ("来源", "origin"), ("期限", "term"), ("地点", "place"), ("对象", "target group"), ("标准", "standard"),
    ]

    static func key(for label: String, taken: Set<String>, counter: inout Int) -> String {
        let bare = bare(label)
        if let word = words.first(where: { bare == $0.0 })?.1.split(separator: " ").enumerated()
            .map({ $0.offset == 0 ? String($0.element) : $0.element.capitalized }).joined(), !taken.contains(word) {
            return word
        }
        repeat { counter += 1 } while taken.contains("field\(counter)")
        return "field\(counter)"
    }
}
