import Batch
import Evaluation
import FormPrint
import Foundation

/// What checking and rendering one input gave: the facade's own values,
/// made on a render worker and handed back to the request.
package struct Processed: Sendable {
    package var unitName: String?
    package var supervisor: String?
    package var year: Int?
    package var findings: [StoredFinding] = []
    package var errors = 0, warnings = 0, notes = 0
    package var readError: String?
    package var summary: UnitSummary?
    /// In download order: each document's PDF and PostScript, then the
    /// combined PDF, then the page previews.
    package var files: [(role: String, name: String, data: Data, fileExtension: String, pages: Int)] = []
    /// A workbook's sheets as its page draws them.
    package var sheets: [StoredSheet]?
    /// The forms as their layouts draw them, for the correction page.
    package var shapes: [FormShape] = []
}

/// The one path from an input's bytes to its findings and files, the same
/// steps `formprint render --combined --format pdf --format ps` takes:
/// read (importing a workbook or paste by the layouts), check, render with
/// the 草稿 mark when errors remain.
package enum Submitting {
    /// The resolution of the page previews (the downloads are vector):
    /// enough to read a page at full size; the page shows them smaller.
    package static let previewResolution: Double = 150

    /// The options `render` is given for the downloads.
    package static var downloadOptions: RenderOptions {
        // PNG's resolution changes nothing in the PDF or PostScript bytes.
        RenderOptions(formats: [.pdf, .ps, .png], resolution: previewResolution, combined: true, layouts: [:], scoringProfile: nil)
    }

    package static func process(_ data: Data, kind: InputKind, lenient: Bool, with worker: RenderWorkers.Worker) -> Processed {
        var result = Processed()
        let document: UnitDocument
        do {
            let catalog = worker.renderer.catalog
            document = try UnitFiles.read(data, file: kind.fileName, fields: try catalog.fields,
                                          layouts: kind == .yaml || kind == .json ? [] : try catalog.all(), lenient: lenient)
        } catch {
            result.readError = DeskText.describe(error)
            return result
        }
        let unit = document.unit
        result.unitName = unit.name
        result.year = unit.year
        // 主管部门: a project form's cell, or a department form's own field (重庆).
        result.supervisor = (unit.projects.map(\.competentDepartment) + [unit.department?.extra["competentDepartment"] ?? ""])
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        do {
            let check = try worker.checker.check(document)
            result.findings = check.findings.map(StoredFinding.init)
            result.errors = check.count(.error)
            result.warnings = check.count(.warning)
            result.notes = check.count(.note)
            result.shapes = (try? FormShapes.of(unit, computed: check.scores.computed, catalog: worker.renderer.catalog)) ?? []
            let rendered = try worker.renderer.render(check, options: downloadOptions)
            result.summary = UnitSummary.of(check, rendered: rendered, input: kind.fileName)
            for document in rendered.documents {
                for file in document.files where file.format != .png {
                    result.files.append((file.format.rawValue, Self.name(file.relativePath), file.data, file.format.fileExtension, document.pageCount))
                }
            }
            if let combined = rendered.combined {
                let pages = rendered.documents.reduce(0) { $0 + $1.pageCount }
                result.files.append(("combined", Self.name(combined.relativePath), combined.data, "pdf", pages))
            }
            for file in rendered.documents.flatMap(\.files) where file.format == .png {
                result.files.append(("png", Self.name(file.relativePath), file.data, "png", 1))
            }
        } catch {
            result.readError = DeskText.describe(error)
            result.files = []
        }
        return result
    }

    /// The file's own name, without the unit folder FormPrint puts it in.
    static func name(_ relativePath: String) -> String {
        String(relativePath.split(separator: "/").last ?? Substring(relativePath))
    }
}

extension StoredSheet {
    /// The sheets of a workbook as the importer reads them, cut to what
    /// the page draws (`WorkbookGrid`'s rows and columns, and the limit of
    /// cells in all); none when it cannot be read (the findings say why).
    static func sheets(of data: Data, limits: InputLimits) -> [StoredSheet] {
        guard let sheets = try? WorkbookImporter.sheets(data, file: InputKind.workbook.fileName) else { return [] }
        var budget = limits.cells
        return sheets.map { sheet in
            let drawn = sheet.cells.filter { $0.row <= WorkbookGrid.maximumRows && $0.column <= WorkbookGrid.maximumColumns }.prefix(max(0, budget))
            budget -= drawn.count
            return StoredSheet(name: sheet.name, cells: drawn.map { Cell(row: $0.row, column: $0.column, text: $0.text) })
        }
    }
}

extension StoredFinding {
    init(_ finding: Finding) {
        self.init(record: FindingRecord(finding), line: finding.location?.line ?? 0, column: finding.location?.column ?? 0,
                  subjectEnglish: finding.subject?.english, fixEnglish: finding.rule.fix.english)
    }
}
