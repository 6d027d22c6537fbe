import Evaluation
import Foundation
import Layout
import Rendering

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

