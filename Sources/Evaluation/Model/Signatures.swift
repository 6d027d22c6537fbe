/// The people and date printed on a form's signature lines (单位负责人（签字）,
/// 财务负责人, 填表人, 联系电话, 填报日期). Any may be empty: the form then
/// prints a blank line to sign or write on by hand.
public struct Signatures: Sendable, Equatable {
    /// 单位负责人.
    public var unitHead: String
    /// 财务负责人.
    public var financeHead: String
    /// 项目负责人 (some provincial project forms).
    public var projectLead: String
    /// 填表人 / 填报人.
    public var preparer: String
    /// 联系电话.
    public var phone: String
    /// 填报日期, as written (e.g. 2025年3月1日).
    public var date: String
    /// Values of declared fields without a property of their own (指标解释,
    /// 调整后预算数 …), by key: see `FieldRegistry`.
    public var extra: [String: String] = [:]

    public init(unitHead: String = "", financeHead: String = "", projectLead: String = "", preparer: String = "",
                phone: String = "", date: String = "") {
        self.unitHead = unitHead
        self.financeHead = financeHead
        self.projectLead = projectLead
        self.preparer = preparer
        self.phone = phone
        self.date = date
    }
}
