import Evaluation
import InputReading

/// The words findings use for the cells they name, taken from the field
/// registry (`Layouts/fields.yaml`), so that a finding says 历年结余结转
/// where the form prints 历年结余结转② — and there is no second list of
/// labels in Swift to fall out of step with the registry.
///
/// The built-in registry: a layout from a user's folder that relabels a
/// field changes the form it prints, not these words.
enum FieldWords {
    /// Read once per process by the registry reader; a registry that cannot
    /// be read stops every unit file before a check runs, so the empty
    /// fallback (a key for its words) is never seen in practice.
    static let registry = (try? FieldRegistryReader.standard()) ?? FieldRegistry()

    /// The words for a column of the 资金情况 rows (全年执行数, 执行率 …).
    static func funds(_ key: String) -> String { registry.words(for: key, at: .funds) }

    /// The words for a project's own field (总分, 项目名称 …).
    static func project(_ key: String) -> String { registry.words(for: key, at: .project) }

    /// The money columns of every funds variant, in the registry's order.
    static let moneyKeys: [String] = registry.fields(at: .funds).filter { $0.kind == .money }.map(\.key)
}
