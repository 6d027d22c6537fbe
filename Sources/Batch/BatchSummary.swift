import Evaluation
import FormPrint
import Foundation
import Review
import Support

/// What a batch did, unit by unit and document by document: the terminal
/// table, `summary.json` and `summary.csv` are all views of this value.
package struct BatchSummary: Sendable, Codable, Equatable {
    /// The FormPrint version that rendered.
    package var formprint: String
    /// The slice this run rendered (`K/N`), nil for a whole batch.
    package var shard: String?
    /// True when Ctrl-C (or SIGTERM) stopped the run before every unit was done.
    package var interrupted: Bool
    /// Wall-clock seconds of the run (of the longest, for merged summaries).
    package var seconds: Double
    /// In the batch's sorted order.
    package var units: [UnitSummary]
    /// Shards (`K/N`) a merged summary has no summary of: their units are
    /// in no list, so the summary is incomplete (issue 14).
    package var missingShards: [String] = []

    package init(formprint: String = UnitRenderer.version, shard: String? = nil, interrupted: Bool = false,
                seconds: Double = 0, units: [UnitSummary] = []) {
        self.formprint = formprint
        self.shard = shard
        self.interrupted = interrupted
        self.seconds = seconds
        self.units = units
    }

    package var totals: Totals { Totals(units) }

    /// Rendered, unchanged (skipped) or not: the exit status follows.
    package var allRendered: Bool { totals.failed == 0 && totals.notStarted == 0 && !interrupted && missingShards.isEmpty }

    package struct Totals: Sendable, Codable, Equatable {
        /// Whether a finding's line (`…: error[FP201]: …`, `…: 错误[FP201]：…`)
        /// has `severity`, in either language.
        static func isFinding(_ line: String, _ severity: Severity) -> Bool {
            line.containsBytes(": \(severity.rawValue)[") || line.containsBytes(": \(severity.word.chinese)[")
        }

        package var units = 0, rendered = 0, unchanged = 0, failed = 0, notStarted = 0
        package var documents = 0, pages = 0, warnings = 0, errors = 0

        init(_ units: [UnitSummary]) {
            self.units = units.count
            for unit in units {
                switch unit.status {
                case .rendered: rendered += 1
                case .unchanged: unchanged += 1
                case .failed: failed += 1
                case .notStarted: notStarted += 1
                }
                documents += unit.documents.count
                pages += unit.documents.reduce(0) { $0 + $1.pages }
                errors += unit.errors.count
                for remark in unit.warnings + unit.documents.flatMap(\.findings) {
                    // Findings read `file:line:column: error[FP201]: …` (`错误[FP201]：…`
                    // in Chinese); notes are not counted.
                    if Self.isFinding(remark, .error) { errors += 1 } else if !Self.isFinding(remark, .note) { warnings += 1 }
                }
            }
        }
    }

    enum CodingKeys: String, CodingKey { case formprint, shard, interrupted, missingShards, seconds, totals, units }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formprint = try container.decode(String.self, forKey: .formprint)
        shard = try container.decodeIfPresent(String.self, forKey: .shard)
        interrupted = try container.decode(Bool.self, forKey: .interrupted)
        seconds = try container.decode(Double.self, forKey: .seconds)
        units = try container.decode([UnitSummary].self, forKey: .units)
        missingShards = try container.decodeIfPresent([String].self, forKey: .missingShards) ?? []
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formprint, forKey: .formprint)
        try container.encodeIfPresent(shard, forKey: .shard)
        try container.encode(interrupted, forKey: .interrupted)
        if !missingShards.isEmpty { try container.encode(missingShards, forKey: .missingShards) }
        try container.encode(seconds, forKey: .seconds)
        try container.encode(totals, forKey: .totals)
        try container.encode(units, forKey: .units)
    }
}

/// One unit file's outcome.
package struct UnitSummary: Sendable, Codable, Equatable {
    package enum Status: String, Sendable, Codable {
        /// Rendered and written in this run.
        case rendered
        /// Skipped by `--skip-unchanged`: its files are as the last run wrote them.
        case unchanged
        /// Not rendered: see `errors`. Nothing of it was written in this run.
        case failed
        /// The run was interrupted before this unit started.
        case notStarted = "not-started"
    }

    /// The unit file.
    package var input: String
    /// Position in the whole sorted batch (all shards), for merging.
    package var position: Int
    package var unit: String?
    package var year: Int?
    /// The unit's output folder, relative to the output root.
    package var folder: String?
    package var status: Status
    package var errors: [String]
    package var warnings: [String]
    package var documents: [DocumentSummary]
    /// The unit's combined PDF, relative to the output root.
    package var combined: String?
    /// Findings about the unit as a whole (its year, its signatures), field by field.
    package var records: [FindingRecord]?

    package init(input: String, position: Int, unit: String? = nil, year: Int? = nil, folder: String? = nil, status: Status,
                errors: [String] = [], warnings: [String] = [], documents: [DocumentSummary] = [], combined: String? = nil) {
        self.input = input
        self.position = position
        self.unit = unit
        self.year = year
        self.folder = folder
        self.status = status
        self.errors = errors
        self.warnings = warnings
        self.documents = documents
        self.combined = combined
    }
}

/// One printed document of a unit.
package struct DocumentSummary: Sendable, Codable, Equatable {
    /// 项目支出绩效自评表, 部门整体支出绩效自评表 or 部门整体支出绩效自评报告.
    package var document: String
    /// The project's name, for project forms.
    package var project: String?
    /// Every file written for it, relative to the output root (first the PDF
    /// when PDF was asked for).
    package var files: [String]
    package var pages: Int
    package var layout: String
    /// What `formprint validate` finds in this document (`file:line:column:
    /// warning[FP301]: …`), and warnings about its file name.
    package var findings: [String]
    /// The same findings, field by field, for the bureau's report
    /// (absent in summaries written before FormPrint kept them).
    package var records: [FindingRecord]?
    /// 总分 as the unit wrote it or its scoring profile computed it, for
    /// project forms.
    package var totalScore: String?
    /// 评价等级 as the unit wrote it or as its scoring profile computed it;
    /// else 优/良/中/差 for a numeric 总分 (90–100, 80–90, 60–80, below 60).
    package var grade: String?
}
