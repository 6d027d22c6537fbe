import Evaluation

/// One thing a reviewer would point out in a unit's forms: which rule, where
/// (the field path, and the file:line:column once located), and a one-line
/// message in Chinese and English that names the values involved.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public var rule: Rule
    public var message: Message
    /// The field the finding is about, e.g. `projects[0].funds[3].executed`.
    public var path: FieldPath
    /// Where that field is written; nil until `located(in:)` is applied
    /// (scoring works on the model alone, which has no positions).
    public var location: SourceLocation?
    /// The field as the officer knows it on the form (项目支出绩效自评表
    /// 「…」第2条指标「费用成本」的实际完成值); nil until the checker, which
    /// knows the fields' labels, names it.
    package var subject: Message?

    package init(_ rule: Rule, _ message: Message, at path: FieldPath, location: SourceLocation? = nil) {
        self.rule = rule
        self.message = message
        self.path = path
        self.location = location
    }

    public var severity: Severity { rule.severity }

    /// The finding with the location of its field (or of the field's nearest
    /// recorded ancestor, for a field the unit left out).
    package func located(in source: SourceMap) -> Finding {
        var copy = self
        copy.location = source.location(of: path) ?? SourceLocation(file: source.file, line: 1, column: 1)
        return copy
    }

    /// `file:line:column: warning[FP301]: message`, as compilers write it
    /// (`警告[FP301]：…` in Chinese).
    public var description: String { line(in: .current) }

    public func line(in language: Language) -> String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.word.text(in: language))[\(rule.code)]\(language == .chinese ? "：" : ": ")\(message.text(in: language))"
    }

    /// The order of a report: by file position, then code.
    package static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        let left = (a.location?.file ?? "", a.location?.line ?? 0, a.location?.column ?? 0)
        let right = (b.location?.file ?? "", b.location?.line ?? 0, b.location?.column ?? 0)
        if left != right { return left < right }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.path.description < b.path.description
    }
}
