import Evaluation
import FormPrint
import Review

// The summary of one checked and rendered unit: what `formprint batch`
// writes to summary.json, and what the desk lists (总分, 等级) for a
// handed-in unit, made by one function so that the two never differ.

extension UnitSummary {
    /// The summary `formprint batch` writes for `check` and `rendered`.
    package static func of(_ check: CheckedUnit, rendered: RenderedUnit, input: String) -> UnitSummary {
        let findings = check.findings
        var summary = UnitSummary(input: input, position: 0, unit: rendered.unitName, year: rendered.year, folder: rendered.folder,
                                  status: .rendered, combined: rendered.combined?.relativePath)
        summary.warnings = findings.filter { $0.path.document == nil }.map(\.description)
        summary.records = findings.filter { $0.path.document == nil }.map(FindingRecord.init)
        summary.documents = zip(UnitRenderer.documents(of: rendered.unit), rendered.documents).map { instance, document in
            var scores: (total: String?, grade: String?) = (nil, nil)
            if case .project(let index) = instance {
                scores = ScoreGrade.scores(of: index, in: rendered.unit, computed: rendered.computed, profile: check.profile)
            }
            let own = findings.filter { $0.path.document == instance }
            return DocumentSummary(document: document.kind.chineseName, project: document.detail, files: document.files.map(\.relativePath),
                                   pages: document.pageCount, layout: document.layoutID, findings: document.warnings + own.map(\.description),
                                   records: own.map(FindingRecord.init), totalScore: scores.total, grade: scores.grade)
        }
        return summary
    }
}

