import Evaluation
import Foundation
import Review

/// The result of `formprint validate` over several files, as data: the exit
/// status it implies and its JSON form (`--format json`).
package struct ValidationReport: Sendable {
    package var checks: [CheckedUnit] = []
    /// Inputs that could not be used at all.
    package var unreadable: [UnusableInput] = []

    package init() {}

    package func count(_ severity: Severity) -> Int { checks.reduce(0) { $0 + $1.count(severity) } }

    /// 2 when an input could not be used, 1 when there are errors (or
    /// warnings, with `strict`), else 0.
    package func exitStatus(strict: Bool) -> Int32 {
        if !unreadable.isEmpty { return 2 }
        if count(.error) > 0 || strict && count(.warning) > 0 { return 1 }
        return 0
    }

    package func json() throws -> String {
        let files = checks.map(JSONFile.init) + unreadable.map { JSONFile(file: $0.file, error: $0.reason, message: $0.message) }
        let document = JSONDocument(files: files, errors: count(.error), warnings: count(.warning), notes: count(.note),
                                    unreadable: unreadable.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// A file that could not be read (not YAML, unknown field, missing year…)
    /// or checked (no such scoring profile).
    package struct UnusableInput: Sendable {
        package var file: String
        /// In the language of the run.
        package var reason: String
        /// Both languages, when the error has a catalogued message.
        package var message: Message?

        package init(file: String, reason: String, message: Message? = nil) {
            self.file = file
            self.reason = reason
            self.message = message
        }
    }

    // MARK: - The JSON shape (documented in docs/VALIDATION.md)

    struct JSONDocument: Encodable {
        var files: [JSONFile]
        var errors: Int
        var warnings: Int
        var notes: Int
        var unreadable: Int
    }

    struct JSONFile: Encodable {
        var file: String
        var error: String?
        /// The error in both languages (`error` is in the run's).
        var errorMessage: JSONMessage?
        var profile: String?
        var findings: [JSONFinding]?
        var scores: [JSONScorecard]?

        init(file: String, error: String, message: Message?) {
            self.file = file
            self.error = error
            errorMessage = message.map { JSONMessage(zh: $0.chinese, en: $0.english) }
        }

        init(_ check: CheckedUnit) {
            file = check.document.source.file
            profile = check.profile.id
            findings = check.findings.map(JSONFinding.init)
            scores = check.scored.projects.map { JSONScorecard($0, places: check.profile.decimals) }
        }
    }

    struct JSONFinding: Encodable {
        var code: String
        var severity: String
        var rule: String
        var file: String
        var line: Int
        var column: Int
        var path: String
        var message: JSONMessage
        /// The field as the officer knows it on the form.
        var place: JSONMessage?
        /// What to do about it.
        var fix: JSONMessage

        init(_ finding: Finding) {
            code = finding.rule.code
            severity = finding.severity.rawValue
            rule = finding.rule.title
            file = finding.location?.file ?? ""
            line = finding.location?.line ?? 0
            column = finding.location?.column ?? 0
            path = finding.path.description
            message = JSONMessage(zh: finding.message.chinese, en: finding.message.english)
            place = finding.subject.map { JSONMessage(zh: $0.chinese, en: $0.english) }
            fix = JSONMessage(zh: finding.rule.fix.chinese, en: finding.rule.fix.english)
        }
    }

    struct JSONMessage: Encodable {
        var zh: String
        var en: String
    }

    struct JSONScorecard: Encodable {
        var project: String
        var executionRate: String?
        var lines: [JSONScoreLine]
        var total: String?
        var grade: String?

        init(_ card: ProjectScorecard, places: Int) {
            project = card.name
            executionRate = card.executionRate.map { ($0 * 100).fixed(places: 2) + "%" }
            lines = ([card.execution] + card.indicators).map { JSONScoreLine($0, places: places) }
            total = card.total?.fixed(places: places)
            grade = card.grade
        }
    }

    struct JSONScoreLine: Encodable {
        var label: String
        var path: String
        var weight: String?
        var score: String?
        var computed: String?

        init(_ line: ScoreLine, places: Int) {
            label = line.label
            path = line.path.description
            weight = line.weight?.trimmed(places: places)
            score = line.score?.fixed(places: places)
            computed = line.computed?.fixed(places: places)
        }
    }
}
