import Foundation
import Evaluation

/// Reads the signature lines under a form — "单位负责人：张三　财务负责人：李四
/// 填表人：王五　联系电话：…　填报日期：2025年3月1日" — whether each label and
/// value share a cell, sit in neighbouring cells, or fill one long cell.
enum SignatureLine {
    enum Field: Sendable {
        case unitHead, financeHead, projectLead, preparer, phone, date

        func set(_ value: String, in signatures: inout Signatures) {
            switch self {
            case .unitHead: signatures.unitHead = value
            case .financeHead: signatures.financeHead = value
            case .projectLead: signatures.projectLead = value
            case .preparer: signatures.preparer = value
            case .phone: signatures.phone = value
            case .date: signatures.date = value
            }
        }
    }

    static let labels: [(String, Field)] = [
        ("单位负责人", .unitHead), ("财务负责人", .financeHead), ("项目负责人", .projectLead),
        ("填表人", .preparer), ("填报人", .preparer), ("联系电话", .phone),
        ("填报日期", .date), ("填表日期", .date),
    ]

    static func isSignatureRow(_ row: GridRow) -> Bool {
        guard let first = row.cells.first else { return false }
        let label = Label.normalise(first.text)
        return labels.contains { label.hasPrefix($0.0) }
    }

    /// Reads every label of `row` into `signatures`; uses all the row's cells.
    static func read(_ row: GridRow, into signatures: inout Signatures, _ context: inout ReadingContext) {
        let text = row.cells.map(\.text).joined(separator: "\t")
        var found: [(range: Range<String.Index>, key: Field)] = []
        var searchStart = text.startIndex
        while searchStart < text.endIndex {
            var earliest: (range: Range<String.Index>, key: Field)?
            for (label, key) in labels {
                if let range = text.range(of: label, range: searchStart..<text.endIndex),
                   earliest == nil || range.lowerBound < earliest!.range.lowerBound {
                    earliest = (range, key)
                }
            }
            guard let next = earliest else { break }
            found.append(next)
            searchStart = next.range.upperBound
        }
        for (index, item) in found.enumerated() {
            let end = index + 1 < found.count ? found[index + 1].range.lowerBound : text.endIndex
            var value = String(text[item.range.upperBound..<end])
            for decoration in ["（单位盖章）", "(单位盖章)", "（签字）", "（签章）", "（盖章）", "(签字)", "(签章)", "(盖章)"] {
                value = value.replacingOccurrences(of: decoration, with: "")
            }
            // The value is one cell: the label's own ("填表人：王五") or the
            // next one ("填表人：" | "王五"), never the cells after it.
            value = value.split(separator: "\t").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "：: 　\n")) }
                .first { !$0.isEmpty } ?? ""
            if !value.isEmpty { item.key.set(value, in: &signatures) }
        }
        for cell in row.cells { context.use(cell) }
    }
}
