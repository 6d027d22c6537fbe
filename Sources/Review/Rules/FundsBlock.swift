import Evaluation

/// A project's 资金情况 rows, with the total row told apart from its sources.
///
/// The total row is found by its label, because units word it differently
/// and put it first (national 年度资金总额) or last (吉林 年度资金总和):
/// a label containing 总额, 总和, 合计 or 总计 is the total. With a single
/// row and no such label, that row is the total of itself.
struct FundsBlock {
    var rows: [FundsRow]
    var path: FieldPath
    var totalIndex: Int?

    static let totalWords = ["总额", "总和", "合计", "总计"]

    init(_ project: Project, index: Int) {
        rows = project.funds
        path = FieldPath("projects").appending(index).appending("funds")
        totalIndex = rows.firstIndex { Self.isTotalLabel($0.source) }
    }

    static func isTotalLabel(_ source: String) -> Bool {
        let label = source.filter { !$0.isWhitespace }
        return totalWords.contains { label.contains($0) }
    }

    /// The row that carries 执行率's 分值 and 得分: the total row, or the only row.
    var scoringIndex: Int? { totalIndex ?? (rows.count == 1 ? 0 : nil) }

    var sourceIndices: [Int] { rows.indices.filter { $0 != totalIndex } }

    func rowPath(_ index: Int) -> FieldPath { path.appending(index) }
}
