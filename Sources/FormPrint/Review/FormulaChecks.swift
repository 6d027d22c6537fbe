import Evaluation
import Foundation
import Layout
import Review

/// FP206: a formula cell of the unit's layouts (小计④ = ①+②+③, 预算执行率 =
/// 预算执行数 ÷ 调整后预算数) that the unit filled in with another value.
/// The entered value is what prints; this says that it disagrees.
enum FormulaChecks {
    static func findings(_ document: UnitDocument, plan: UnitPlan) -> [Finding] {
        let unit = document.unit
        var findings: [Finding] = []
        for planned in plan.documents where planned.instance.kind != .report {
            guard case .table(let table) = planned.layout.body, table.hasFormulas else { continue }
            for discrepancy in TableBinder.bind(unit, planned.instance, onto: planned.layout, table: table).formulaDiscrepancies {
                findings.append(Finding(.formulaDisagrees, Message(
                    chinese: "\(discrepancy.label)填写为\(discrepancy.entered)，按公式 \(discrepancy.formula) 计算为\(discrepancy.computed)（表格打印填写值）",
                    english: "\(discrepancy.label) is \(discrepancy.entered) but \(discrepancy.formula) gives \(discrepancy.computed) (the form prints the value entered)"),
                    at: discrepancy.path).located(in: document.source))
            }
        }
        return findings
    }
}
