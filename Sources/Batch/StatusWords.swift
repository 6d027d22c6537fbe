import Evaluation
import FormPrint

/// The one word for each status, wherever a unit's standing is shown — the
/// batch's lines and table, summary.csv, findings.xlsx/html and (through
/// its tests) the desk's table — so that the bureau never reads 通过 in one
/// place and 无问题 in another for the same unit.
extension UnitSummary.Status {
    package var word: Message {
        switch self {
        case .rendered: Message(chinese: "已生成", english: "rendered")
        case .unchanged: Message(chinese: "未变", english: "unchanged")
        case .failed: Message(chinese: "无法生成", english: "failed")
        case .notStarted: Message(chinese: "未开始", english: "not started")
        }
    }
}

extension ReviewStatus {
    /// A unit whose file could not be rendered says what the batch says of
    /// it (无法生成); a clean unit says what the desk says (通过).
    package var word: Message {
        switch self {
        case .failed: UnitSummary.Status.failed.word
        case .errors: Message(chinese: "有错误", english: "errors")
        case .notSubmitted: Message(chinese: "未提交", english: "not submitted")
        case .warnings: Message(chinese: "有警告", english: "warnings")
        case .clean: Message(chinese: "通过", english: "clean")
        }
    }

    package var chineseName: String { word.chinese }
}
