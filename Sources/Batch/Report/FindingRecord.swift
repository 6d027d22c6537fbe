import Evaluation
import FormPrint
import Foundation
import Review

/// One finding as the bureau's report lists it: severity, code, the
/// Chinese message (and the English), the place in the unit's own file and
/// the field. Kept in `summary.json` beside the one-line form.
package struct FindingRecord: Sendable, Codable, Equatable {
    package var severity: String
    package var code: String
    package var message: String
    package var english: String
    /// "自评表.xlsx 项目支出绩效自评表!F16", "unit.yaml:75:60".
    package var place: String
    /// The field path, for developers (`projects[0].funds[3].executed`).
    package var field: String
    /// The field in the officer's words (项目支出绩效自评表「…」第2条指标
    /// 「费用成本」的实际完成值); absent in summaries written before.
    package var subject: String?
    /// What to do about it (the rule's how-to-fix sentence).
    package var fix: String?

    package init(_ finding: Finding) {
        severity = finding.severity.rawValue
        code = finding.rule.code
        message = finding.message.chinese
        english = finding.message.english
        place = finding.location?.description ?? ""
        field = finding.path.description
        subject = finding.subject?.chinese
        fix = finding.rule.fix.chinese
    }

    /// 错误 / 警告 / 提示.
    package var severityName: String { (Severity(rawValue: severity) ?? .note).word.chinese }
}

/// A unit's standing in the bureau's report.
package enum ReviewStatus: Int, Sendable, Comparable, CaseIterable {
    case failed, errors, notSubmitted, warnings, clean

    package static func < (a: ReviewStatus, b: ReviewStatus) -> Bool { a.rawValue < b.rawValue }

    /// The case's name, the findings page's class for it. Written out:
    /// interpolating the case itself finds its name by reflection, 95 K
    /// instructions each time, twice a unit (issue 25).
    package var className: String {
        switch self {
        case .failed: "failed"
        case .errors: "errors"
        case .notSubmitted: "notSubmitted"
        case .warnings: "warnings"
        case .clean: "clean"
        }
    }

    package init(_ unit: UnitSummary) {
        let records = unit.allRecords
        if unit.status == .failed || unit.status == .notStarted {
            self = .failed
        } else if records.contains(where: { $0.severity == "error" }) {
            self = .errors
        } else if records.contains(where: { $0.severity == "warning" }) {
            self = .warnings
        } else {
            self = .clean
        }
    }
}

extension UnitSummary {
    /// Every finding of the unit, its documents' and its own.
    package var allRecords: [FindingRecord] { (records ?? []) + documents.flatMap { $0.records ?? [] } }
}
