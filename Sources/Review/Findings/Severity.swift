import Evaluation

/// How much a finding matters to the reviewer at the finance bureau.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Shown for the reviewer's attention; nothing is wrong as such.
    case note
    /// Should be explained or fixed; the form still makes sense.
    case warning
    /// The form is wrong (arithmetic that does not add up, a required field
    /// left empty): a reviewer sends it back.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// 错误/警告/提示 — error/warning/note, as a finding's line names it.
    public var word: Message {
        switch self {
        case .note: Message(chinese: "提示", english: "note")
        case .warning: Message(chinese: "警告", english: "warning")
        case .error: Message(chinese: "错误", english: "error")
        }
    }
}
