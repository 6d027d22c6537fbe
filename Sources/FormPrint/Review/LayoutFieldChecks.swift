import Evaluation
import Foundation
import InputReading
import Layout
import Review

/// Findings that depend on the layout a document prints with:
/// - FP507: a value the unit gave that the chosen layout does not print
///   (`signatures.projectLead` under a form with no 项目负责人 line) — it
///   would vanish from the form without a word;
/// - a finding that a field is empty (FP306, FP307, FP308, FP501) is
///   dropped when the layout has no place for that field (the 湖南 评分表
///   has no 目标值 column) or computes it by a formula (四川's 预算执行率).
enum LayoutFieldChecks {
    static let aboutEmptyFields: Set<Rule> = [.missingActual, .missingTarget, .missingDeviationReason, .requiredFieldEmpty]

    /// Where a value lives: the document it belongs to, its level and key.
    struct Address: Hashable {
        var kind: DocumentKind?
        var project: Int?
        var level: FieldLevel
        var key: String
    }

    static func address(of path: FieldPath) -> Address? {
        var components = path.components[...]
        guard case .key(let first)? = components.popFirst() else { return nil }
        switch first {
        case "signatures":
            guard case .key(let key)? = components.first else { return nil }
            return Address(kind: nil, project: nil, level: .signatures, key: key)
        case "projects":
            guard case .index(let index)? = components.popFirst() else { return nil }
            return address(components, kind: .project, project: index, own: .project)
        case "department":
            return address(components, kind: .department, project: nil, own: .department)
        default:
            return nil
        }
    }

    private static func address(_ rest: ArraySlice<FieldPath.Component>, kind: DocumentKind, project: Int?, own: FieldLevel) -> Address? {
        let keys = rest.compactMap { if case .key(let key) = $0 { key } else { nil } }
        guard let last = keys.last else { return nil }
        switch keys.first {
        case "funds": return keys.count == 2 ? Address(kind: kind, project: project, level: .funds, key: last) : nil
        case "tasks": return keys.count == 2 ? Address(kind: kind, project: project, level: .task, key: last) : nil
        case "indicators":
            // …indicators[c].subcategories[s].indicators[i].KEY
            return keys.count == 4 ? Address(kind: kind, project: project, level: .indicator, key: last) : nil
        case "goal": return Address(kind: kind, project: project, level: own, key: "goal." + last)
        default: return keys.count == 1 ? Address(kind: kind, project: project, level: own, key: last) : nil
        }
    }

    static func check(_ document: UnitDocument, findings: [Finding], plan: UnitPlan, registry: FieldRegistry) -> [Finding] {
        let unit = document.unit
        var printed: [DocumentKind: PrintedFields] = [:]
        var chosen: [DocumentKind: String] = [:]
        var signatures: Set<String> = []
        for planned in plan.documents where planned.instance.kind != .report && printed[planned.instance.kind] == nil {
            let instance = planned.instance, layout = planned.layout
            let fields = PrintedFields(layout)
            printed[instance.kind] = fields
            chosen[instance.kind] = layout.id
            signatures.formUnion(fields.keys.filter { $0.hasPrefix("signatures.") })
        }
        func isPrinted(_ address: Address) -> Bool? {
            guard let kind = address.kind else { return printed.isEmpty ? nil : signatures.contains("signatures.\(address.key)") }
            return printed[kind].map { $0.prints(address.key, at: address.level) }
        }
        func isComputed(_ address: Address) -> Bool {
            address.kind.flatMap { printed[$0]?.computes(address.key, at: address.level) } ?? false
        }
        var kept = findings.filter { finding in
            guard aboutEmptyFields.contains(finding.rule), let address = address(of: finding.path) else { return true }
            // Not empty on the form: the layout has no place for it, or computes it.
            return isPrinted(address) != false && !isComputed(address)
        }
        // Every value the unit gave, with its path (from the source map: what was read).
        for path in document.source.paths {
            guard let address = address(of: path), registry.declaration(address.key, at: address.level) != nil,
                  isPrinted(address) == false, !unit.text(at: path).allSatisfy(\.isWhitespace) else { continue }
            let label = registry.declaration(address.key, at: address.level)?.label ?? address.key
            // Signature lines belong to every form of the unit.
            let layoutID = address.kind.flatMap { chosen[$0] } ?? chosen.sorted { $0.key < $1.key }.map(\.value).joined(separator: "、")
            kept.append(Finding(.fieldNotPrinted, Message(
                chinese: "\(label)（\(address.key)）已填写，但所选表样 \(layoutID) 不打印该栏",
                english: "\(label) (\(address.key)) is filled in, but the chosen layout \(layoutID) does not print it"),
                at: path).located(in: document.source))
        }
        return kept
    }
}
