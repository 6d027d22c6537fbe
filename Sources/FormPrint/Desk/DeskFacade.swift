import Evaluation
import Foundation
import Layout
import Rendering
import Review

// What `formprint serve` needs from the facade, beside what `render` and
// `batch` already use: the batch's own summary of a checked and rendered
// unit (so the desk lists 总分 and 等级 exactly as summary.json does), the
// findings workbook as bytes, and a booklet of several units' combined PDFs.
// `package`: the desk is the only caller.

extension UnitSummary {
    /// The summary `formprint batch` writes for `check` and `rendered`.
    package static func of(_ check: UnitCheck, rendered: RenderedUnit, input: String) -> UnitSummary {
        let findings = check.findings
        var summary = UnitSummary(input: input, position: 0, unit: rendered.unitName, year: rendered.year, folder: rendered.folder,
                                  status: .rendered, combined: rendered.combined?.relativePath)
        summary.warnings = findings.filter { BatchRunner.document(of: $0.path) == nil }.map(\.description)
        summary.records = findings.filter { BatchRunner.document(of: $0.path) == nil }.map(FindingRecord.init)
        summary.documents = zip(UnitRenderer.documents(of: rendered.unit), rendered.documents).map { instance, document in
            var scores: (total: String?, grade: String?) = (nil, nil)
            if case .project(let index) = instance {
                scores = ScoreGrade.scores(of: index, in: rendered.unit, computed: rendered.computed, profile: check.profile)
            }
            let own = findings.filter { BatchRunner.document(of: $0.path) == instance }
            return DocumentSummary(document: document.kind.chineseName, project: document.detail, files: document.files.map(\.relativePath),
                                   pages: document.pageCount, layout: document.layoutID, findings: document.warnings + own.map(\.description),
                                   records: own.map(FindingRecord.init), totalScore: scores.total, grade: scores.grade)
        }
        return summary
    }
}

extension FindingsReport {
    /// `findings.xlsx` as bytes, for a download.
    package func workbook() throws -> Data { try workbookData() }
}

/// Several units' combined PDFs in one file, a bookmark per unit (the
/// booklet of one 主管部门).
package enum Booklet {
    package struct Part: Sendable {
        package var title: String
        package var pdf: Data
        package var pages: Int

        package init(title: String, pdf: Data, pages: Int) {
            self.title = title
            self.pdf = pdf
            self.pages = pages
        }
    }

    package static func assemble(_ parts: [Part], title: String, year: Int) throws -> Data {
        var outline: [OutlineEntry] = []
        var labels: [String] = []
        var start = 0
        for part in parts {
            outline.append(OutlineEntry(title: part.title, page: start))
            labels += (1...max(1, part.pages)).map { "\(part.title)-\($0)" }
            start += part.pages
        }
        let metadata = DocumentMetadata(title: title, author: title, subject: "\(year)年度预算绩效自评 · 汇总", keywords: "预算绩效自评")
        return try PDFAssembler(creationDate: PDFDate.startOfYear(year + 1), creator: "FormPrint \(UnitRenderer.version)")
            .combine(parts.map { (name: $0.title, pdf: $0.pdf) }, metadata: metadata, outline: outline, pageLabels: labels)
    }
}

/// The font the desk's pages fall back to on a machine without Chinese
/// fonts: the bundled 黑体 the forms themselves use.
package enum DeskAssets {
    package static func pageFont() -> URL? {
        ResourceLocator.locate("Fonts", containing: "FormPrintHei-Regular.ttf", environment: "FORMPRINT_FONTS")?
            .appendingPathComponent("FormPrintHei-Regular.ttf")
    }
}
