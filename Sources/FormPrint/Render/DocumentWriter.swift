import Evaluation
import Foundation
import Layout
import Rendering

/// Pages → bytes: each laid-out document in every requested format, the
/// combined PDF assembled from the documents' own PDFs, one PostScript
/// print job. Makes no layout decision and reads no clock: the creation
/// date is the plan's. One per thread, with the layouter's typesetter
/// (what was measured is what is drawn).
package struct DocumentWriter {
    let typesetter: Typesetter

    /// One document in every format of `plan`, under `folder`; PNG pages
    /// at `resolution` pixels per inch.
    package func write(_ document: LaidOutDocument, plan: UnitPlan, folder: String, resolution: Double) throws -> RenderedDocument {
        let baseName = document.baseName
        let paged = PagedDocument(pages: document.pages, metadata: document.metadata)
        let date = plan.creationDate
        let path = folder + "/" + baseName
        var files: [OutputFile] = []
        for format in plan.formats {
            switch format {
            case .pdf:
                // Each document numbers its pages from 1, so viewers' default
                // labels already match the printed numbers. (cairo 1.16 turns
                // labels "1", "2", … into an empty /PageLabels tree.)
                let data = try pdfWriter(date).pdf(paged)
                files.append(OutputFile(relativePath: path + ".pdf", format: .pdf, data: data))
            case .ps:
                let data = try PostScriptWriter(typesetter: typesetter, creationDate: date).postScript(paged)
                files.append(OutputFile(relativePath: path + ".ps", format: .ps, data: data))
            case .png:
                let images = try PNGWriter(typesetter: typesetter, resolution: resolution).pngs(paged)
                files += Self.perPage(images, path: path, format: .png)
            case .svg:
                files += Self.perPage(try SVGWriter(typesetter: typesetter).svgs(paged), path: path, format: .svg)
            case .ofd:
                let data = try OFDWriter(typesetter: typesetter, creationDate: date, creator: "FormPrint", creatorVersion: UnitRenderer.version).ofd(paged)
                files.append(OutputFile(relativePath: path + ".ofd", format: .ofd, data: data))
            }
        }
        return RenderedDocument(kind: document.instance.kind, detail: document.detail, pageCount: document.pages.count,
                                layoutID: document.layoutID, files: files, warnings: document.warnings)
    }

    /// `…_p01.png`, `…_p02.png`: zero-padded so that names sort in page order.
    static func perPage(_ images: [Data], path: String, format: OutputFormat) -> [OutputFile] {
        let width = max(2, String(images.count).count)
        return images.enumerated().map { index, data in
            OutputFile(relativePath: "\(path)_p\(String(index + 1).leftPadded(to: width)).\(format.fileExtension)", format: format, data: data)
        }
    }

    func pdfWriter(_ date: Date) -> PDFWriter {
        PDFWriter(typesetter: typesetter, creationDate: date, creator: "FormPrint \(UnitRenderer.version)")
    }

    /// All documents in one PDF: a bookmark per document (the project
    /// forms grouped under one, with a bookmark per project) with each
    /// document's own outline below it, and page labels that repeat each
    /// page's printed number after a short document tag ("项目1-2",
    /// "部门表-1", "报告-3"), unique in the file. Assembled from the
    /// documents' PDFs (`pdfs`, in the same order), not drawn again.
    ///
    /// A unit with one document has that document's PDF as its combined
    /// PDF, byte for byte: it already holds every page with its outline,
    /// and opening qpdf to copy it was 14 % of such a unit's cost in a batch
    /// (docs/BENCHMARKS.md, issue 25).
    func combine(_ documents: [LaidOutDocument], pdfs: [Data], unit: UnitEvaluation, folder: String, creationDate: Date) throws -> OutputFile {
        let path = folder + "/" + UnitRenderer.combinedFileName(year: unit.year)
        if pdfs.count == 1 { return OutputFile(relativePath: path, format: .pdf, data: pdfs[0]) }
        let (composition, metadata) = Self.combinedComposition(documents, unit: unit)
        let parts = zip(documents, pdfs).map { (name: $0.baseName, pdf: $1) }
        let data = try PDFAssembler(creationDate: creationDate, creator: "FormPrint \(UnitRenderer.version)")
            .combine(parts, metadata: metadata, outline: composition.outline, pageLabels: composition.pageLabels)
        return OutputFile(relativePath: path, format: .pdf, data: data)
    }

    /// The same combined PDF drawn page by page into one surface, as it was
    /// made before it was assembled: kept for `formprint bench`, which
    /// measures both ways in one run.
    package func drawCombined(_ documents: [LaidOutDocument], unit: UnitEvaluation, creationDate: Date) throws -> Data {
        let (composition, metadata) = Self.combinedComposition(documents, unit: unit)
        return try pdfWriter(creationDate).pdf(
            PagedDocument(pages: documents.flatMap(\.pages), metadata: metadata, outline: composition.outline),
            pageLabels: composition.pageLabels)
    }

    static func combinedComposition(_ documents: [LaidOutDocument], unit: UnitEvaluation) -> (CombinedDocument, DocumentMetadata) {
        let composition = CombinedDocument(documents.map { ($0.instance, $0.detail, $0.pages.count, Outline.tree(of: $0.pages)) })
        let metadata = DocumentMetadata(
            title: "\(unit.name) \(unit.year)年度预算绩效自评", author: unit.name,
            subject: "\(unit.year)年度预算绩效自评 · " + Array(Set(documents.map(\.instance.kind))).sorted().map(\.chineseName).joined(separator: "、"),
            keywords: ["预算绩效自评", String(unit.year), unit.name].joined(separator: ", "))
        return (composition, metadata)
    }

    /// All of a unit's documents in one PostScript file, for one print job.
    func postScript(_ documents: [LaidOutDocument], unit: UnitEvaluation, creationDate: Date) throws -> Data {
        let metadata = DocumentMetadata(title: unit.name, author: unit.name, subject: "", keywords: "")
        return try PostScriptWriter(typesetter: typesetter, creationDate: creationDate)
            .postScript(PagedDocument(pages: documents.flatMap(\.pages), metadata: metadata))
    }
}
