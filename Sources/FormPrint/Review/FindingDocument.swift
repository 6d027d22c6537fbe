import Evaluation
import Layout

extension FieldPath {
    /// The document a finding at this path is about — `projects[i]…`,
    /// `department…` or `report…` — nil for the unit as a whole. The
    /// checker, the batch's summary and the desk group findings by it.
    package var document: DocumentInstance? {
        guard let first = components.first else { return nil }
        switch first {
        case .key("projects"):
            if components.count > 1, case .index(let index) = components[1] { return .project(index: index) }
            return nil
        case .key("department"): return .department
        case .key("report"): return .report
        default: return nil
        }
    }
}
