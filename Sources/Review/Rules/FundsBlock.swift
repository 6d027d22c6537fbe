import Evaluation
import Foundation

/// A project's 资金情况 rows, with the total row told apart from its sources.
///
/// The total row is found by its label, because units word it differently
/// and put it first (national 年度资金总额) or last (吉林 年度资金总和):
/// a label containing 总额, 总和, 合计 or 总计 is the total. With a single
/// row and no such label, that row is the total of itself.
///
/// The sources (其中：当年财政拨款, 上年结转资金, 其他资金, 财政专户管理资金,
/// 单位资金 …) are optional: the template prints every one of them, and a
/// unit that did not have a source leaves its row without money (empty,
/// "—", "/" or 0). Such a row is *not given* (`isSourceNotGiven`), not wrong.
struct FundsBlock {
    var rows: [FundsRow]
    var path: FieldPath
    var totalIndex: Int?
    /// The column the form divides by for 执行率: 全年预算数 nationally,
    /// 调整后预算数 on forms that have that column instead (四川).
    var budget: BudgetColumn

    /// The money columns of every funds variant: a source row with none of
    /// them holding an amount other than 0 had no money.
    static var moneyKeys: [String] { FieldWords.moneyKeys }

    init(_ project: Project, index: Int) {
        self.init(rows: project.funds, path: FieldPath("projects").appending(index).appending("funds"))
    }

    init(rows: [FundsRow], path: FieldPath) {
        self.rows = rows
        self.path = path
        // The model's one reading of a total row's label (FundsRow.isTotal).
        totalIndex = rows.firstIndex(where: \.isTotal)
        budget = BudgetColumn(of: rows)
    }

    /// The row that carries 执行率's 分值 and 得分: the total row, or the only row.
    var scoringIndex: Int? { totalIndex ?? (rows.count == 1 ? 0 : nil) }

    var sourceIndices: [Int] { rows.indices.filter { $0 != totalIndex } }

    func rowPath(_ index: Int) -> FieldPath { path.appending(index) }

    /// Whether row `index` is a source the unit did not have: one of several
    /// rows, not the total, and every money cell empty, a "not applicable"
    /// mark or 0. Its empty cells are not missing, and its 执行率 has
    /// nothing to divide. The total row, or the only row, is always given.
    func isSourceNotGiven(_ index: Int) -> Bool {
        guard rows.count > 1, index != scoringIndex else { return false }
        return Self.hasNoMoney(rows[index])
    }

    static func hasNoMoney(_ row: FundsRow) -> Bool {
        moneyKeys.allSatisfy { key in
            switch CellNumber(row.value(key), as: .amount) {
            case .blank: true
            case .number(let value, _, _): value == 0
            case .notNumber: false
            }
        }
    }
}

/// The budget column 执行率 divides by, as the form has it: 全年预算数
/// (national: 执行率 = 全年执行数 ÷ 全年预算数), or 调整后预算数 on forms
/// that print it instead (四川: 预算执行率 = 预算执行数 ÷ 调整后预算数).
/// Told from what the unit wrote: a block where no row fills 全年预算数 and
/// some row fills 调整后预算数 is of the second kind.
enum BudgetColumn: String, Equatable {
    case annualBudget, adjustedBudget

    init(of rows: [FundsRow]) {
        func written(_ key: String) -> Bool { rows.contains { !$0.value(key).allSatisfy(\.isWhitespace) } }
        self = !written("annualBudget") && written("adjustedBudget") ? .adjustedBudget : .annualBudget
    }

    var key: String { rawValue }

    var label: String { FieldWords.funds(key) }

    func text(_ row: FundsRow) -> String { row.value(key) }
}
