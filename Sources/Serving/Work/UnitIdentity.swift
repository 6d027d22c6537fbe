import Evaluation
import Foundation

/// Whether a handed-in form names the unit that hands it in: the unit name
/// the forms give (部门名称, 实施单位, 填报单位 … as the importer read it)
/// against the roster's name, both folded the same way first.
package enum UnitIdentity {
    /// The one folding of unit names, shared with the batch's roster.
    package static func folded(_ name: String) -> String { UnitNameFolding.folded(name) }

    package static func same(_ a: String, _ b: String) -> Bool { folded(a) == folded(b) }

    /// Why a submission does not stand as `account`'s, or nil when it does:
    /// the forms name another unit, or none. An input that could not be
    /// read names nobody; it is kept with its reason, filed under the account.
    static func mismatch(formName: String?, account: String, readError: String?) -> DeskText.Refusal? {
        guard readError == nil || formName != nil else { return nil }
        let named = formName ?? ""
        return same(named, account) ? nil : .notThisUnit(form: named, account: account)
    }
}
