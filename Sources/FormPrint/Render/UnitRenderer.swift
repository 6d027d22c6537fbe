import Evaluation
import Foundation
import Layout
import Rendering
import Review

/// Which fonts may set characters the bundled fonts lack (`--font-fallback`).
public typealias FontFallback = Rendering.FontFallback

/// Renders every document of a unit: bind → measure → paginate → compose →
/// draw. One renderer per thread: it owns a Pango font map.
public final class UnitRenderer {
    public let catalog: LayoutCatalog
    /// Profiles that fill the 分值/得分 cells and 总分 the unit left empty;
    /// nil prints the unit's own values only.
    public let scoring: ScoringCatalog?
    let typesetter: Typesetter
    public static let version = "0.1.0"

    public init(catalog: LayoutCatalog, fonts: FontLibrary, scoring: ScoringCatalog? = nil) throws {
        self.catalog = catalog
        self.scoring = scoring
        self.typesetter = try Typesetter(fonts: fonts)
    }

    /// Uses the built-in layouts, fonts and scoring profiles of this
    /// installation; with `fontFallback: .system`, the machine's fonts may
    /// set the characters the bundled fonts lack.
    public convenience init(extraLayoutFolders: [URL] = [], fontFallback: FontFallback = .none) throws {
        try self.init(catalog: try LayoutCatalog.standard(adding: extraLayoutFolders), fonts: try Self.standardFonts(fallback: fontFallback),
                      scoring: try ScoringCatalog.standard())
    }

    /// The bundled fonts of this installation (or `FORMPRINT_FONTS`).
    public static func standardFonts(fallback: FontFallback = .none) throws -> FontLibrary {
        guard let fonts = ResourceLocator.locate("Fonts", containing: "FormPrintSong-Regular.ttf", environment: "FORMPRINT_FONTS") else {
            throw FormPrintError.resourcesMissing(.fonts)
        }
        return try FontLibrary(directory: fonts, fallback: fallback)
    }

    /// The creation date written into every file: `SOURCE_DATE_EPOCH` when
    /// set, else 1 January of the year after the evaluated year — fixed per
    /// input, so identical input gives identical bytes.
    public static func creationDate(for unit: UnitEvaluation) -> Date {
        // The commands refuse a value that is not plausible before rendering.
        if let epoch = try? SourceDateEpoch.fromEnvironment() { return epoch }
        return PDFDate.startOfYear(unit.year + 1)
    }

    /// The documents a unit has data for, in filing order.
    public static func documents(of unit: UnitEvaluation) -> [DocumentInstance] {
        var documents = unit.projects.indices.map { DocumentInstance.project(index: $0) }
        if unit.department != nil { documents.append(.department) }
        if unit.report != nil { documents.append(.report) }
        return documents
    }

    /// The layout each of the unit's documents uses: `requested` (the
    /// command line), else the unit file's choice, else the default.
    public func layouts(for unit: UnitEvaluation, requested: [DocumentKind: String] = [:]) throws -> [LayoutSpec] {
        try Self.documents(of: unit).map { try catalog.layout(for: $0.kind, requested: requested[$0.kind] ?? unit.layouts[$0.kind]) }
    }

    /// Every document of the unit as PDF.
    public func render(_ document: UnitDocument, layouts requested: [DocumentKind: String] = [:],
                       scoringProfile: String? = nil) throws -> [RenderedDocument] {
        try render(document, options: RenderOptions(layouts: requested, scoringProfile: scoringProfile)).documents
    }

    /// One document as PDF.
    public func render(_ document: UnitDocument, _ instance: DocumentInstance, layouts requested: [DocumentKind: String] = [:],
                       scoringProfile: String? = nil) throws -> RenderedDocument {
        let unit = document.unit
        let computed = try scores(unit, layouts: requested, profile: scoringProfile)
        let laidOut = try layOut(document, computed, instance, layouts: requested)
        return try write(laidOut, unit: unit, folder: FileNaming.safeComponent(unit.name),
                         baseName: laidOut.baseName, options: RenderOptions(layouts: requested))
    }

    /// The scores the unit left empty, computed by the profile for its
    /// project layout: a scorecard bound beside the unit's data, never
    /// written into it.
    func scores(_ unit: UnitEvaluation, layouts requested: [DocumentKind: String], profile choice: String?) throws -> ComputedValues {
        guard let scoring else { return .none }
        var computed: [FieldPath: String] = [:]
        let layout = requested[.project] ?? unit.layouts[.project] ?? LayoutCatalog.defaults[.project]!
        // A form without 分值/得分 columns prints no score: no need to compute one.
        if !unit.projects.isEmpty, try catalog.layout(for: .project, requested: layout).printsScores {
            computed = Scoring.scored(unit, profile: try scoring.profile(choice, projectLayout: layout)).computed
        }
        if unit.department != nil {
            let department = try catalog.layout(for: .department, requested: requested[.department] ?? unit.layouts[.department])
            if department.printsScores, let profile = try scoring.profile(listing: department.id) {
                computed.merge(Scoring.scoredDepartment(unit, profile: profile).computed) { entered, _ in entered }
            }
        }
        return ComputedValues(computed)
    }

    /// Every document of the unit in every requested format, plus the
    /// combined PDF. All documents are laid out before anything is drawn:
    /// a unit renders completely or fails with the first error.
    ///
    /// `errors` is the number of error findings the unit still has: unless
    /// `options.final`, every page is then marked 「草稿」 (a draft).
    public func render(_ document: UnitDocument, options: RenderOptions, errors: Int = 0) throws -> RenderedUnit {
        let unit = document.unit
        let computed = try scores(unit, layouts: options.layouts, profile: options.scoringProfile)
        var laidOut = try Self.documents(of: unit).map { try layOut(document, computed, $0, layouts: options.layouts, lines: options.lines) }
        if errors > 0 && !options.final {
            for index in laidOut.indices { laidOut[index].pages = try DraftMark.marked(laidOut[index].pages, measurer: typesetter) }
        }
        let folder = FileNaming.safeComponent(options.unitFolder ?? unit.name)
        let (baseNames, warnings) = Self.distinctBaseNames(laidOut)
        var documents: [RenderedDocument] = []
        for (index, document) in laidOut.enumerated() {
            var rendered = try write(document, unit: unit, folder: folder, baseName: baseNames[index], options: options)
            rendered.warnings = warnings[index]
            documents.append(rendered)
        }
        var combined: OutputFile?
        if options.combined && options.formats.contains(.pdf) && !laidOut.isEmpty {
            combined = try combine(laidOut, pdfs: documents.map(\.pdf), unit: unit, folder: folder)
        }
        return RenderedUnit(unitName: unit.name, year: unit.year, folder: folder, documents: documents, combined: combined,
                            unit: unit, computed: computed)
    }

    // MARK: - Laying out

    /// One document's pages and metadata, before drawing.
    struct LaidOutDocument {
        var instance: DocumentInstance
        var detail: String?
        var layoutID: String
        var pages: [Page]
        var metadata: DocumentMetadata
        var baseName: String
    }

    /// `computed` holds the scores the unit left empty.
    func layOut(_ document: UnitDocument, _ computed: ComputedValues, _ instance: DocumentInstance,
                layouts requested: [DocumentKind: String], lines: Set<String> = []) throws -> LaidOutDocument {
        let unit = document.unit
        let layout = try catalog.layout(for: instance.kind, requested: requested[instance.kind] ?? unit.layouts[instance.kind])
        let detail: String? = if case .project(let index) = instance { unit.projects[index].name } else { nil }
        var pages: [Page]
        do {
            pages = try paginate(unit, computed, instance, layout, layouts: requested, lines: lines)
        } catch let failure as LayoutFailure {
            throw located(failure, document, kind: instance.kind, detail: detail)
        }
        let metadata = DocumentMetadata(
            title: [instance.kind.chineseName, detail ?? unit.name].joined(separator: " — "), author: unit.name,
            subject: "\(unit.year)年度预算绩效自评 · \(instance.kind.chineseName)",
            keywords: ["预算绩效自评", String(unit.year), unit.name, instance.kind.chineseName].joined(separator: ", "))
        // A form's outline entry names the form as its file's title does
        // (the printed title alone would not say which project).
        if case .table = layout.body, let first = pages.first?.bookmarks.firstIndex(where: { $0.level == 1 }) {
            pages[0].bookmarks[first].title = metadata.title
        }
        return LaidOutDocument(instance: instance, detail: detail, layoutID: layout.id, pages: pages, metadata: metadata,
                               baseName: FileNaming.documentBaseName(year: unit.year, document: instance.kind.chineseName, detail: detail))
    }

    /// The layout phases, from model to positioned pages.
    func paginate(_ unit: UnitEvaluation, _ computed: ComputedValues, _ instance: DocumentInstance, _ layout: LayoutSpec,
                  layouts requested: [DocumentKind: String], lines: Set<String> = []) throws -> [Page] {
        switch layout.body {
        case .table(let table):
            return try formPages(unit, computed, instance, layout, table, lines: lines)
        case .flow(let flow):
            // The loader only accepts flow layouts for reports, and reports are
            // rendered only when the unit has one.
            guard let report = unit.report else { preconditionFailure("flow layout \(layout.id) for a unit without a report") }
            return try reportPages(unit, computed, report, layout, flow, layouts: requested)
        }
    }

    func formPages(_ unit: UnitEvaluation, _ computed: ComputedValues, _ instance: DocumentInstance, _ layout: LayoutSpec,
                   _ table: TableSpec, lines: Set<String> = []) throws -> [Page] {
        let resolved = TableBinder.bind(unit, instance, onto: layout, table: table, computed: computed, lines: lines)
        let measured = try TableMeasurer.measure(resolved, with: typesetter)
        let pages = try TablePaginator.paginate(measured, regions: TableRegions(for: measured, page: layout.page))
        return try TableComposer.compose(measured, pages: pages, page: layout.page, measurer: typesetter)
    }

    /// Two projects with the same name would write the same file: the
    /// second gets `_2`, the third `_3`, in the order of the unit file.
    static func distinctBaseNames(_ documents: [LaidOutDocument]) -> (names: [String], warnings: [[String]]) {
        var taken = Set(documents.map { FileNaming.collisionKey($0.baseName) })
        var seen: Set<String> = []
        var names: [String] = []
        var warnings: [[String]] = Array(repeating: [], count: documents.count)
        for (index, document) in documents.enumerated() {
            var name = document.baseName
            if !seen.insert(FileNaming.collisionKey(name)).inserted {
                var number = 2
                while taken.contains(FileNaming.collisionKey("\(document.baseName)_\(number)")) { number += 1 }
                name = "\(document.baseName)_\(number)"
                warnings[index].append(Message(chinese: "两份文档都会命名为“\(document.baseName)”；这一份写为“\(name)”",
                                               english: "two documents would be named '\(document.baseName)'; this one is written as '\(name)'").text)
            }
            taken.insert(FileNaming.collisionKey(name))
            names.append(name)
        }
        return (names, warnings)
    }

    /// A layout failure with the unit file's line and column of the text.
    func located(_ failure: LayoutFailure, _ document: UnitDocument, kind: DocumentKind, detail: String?) -> FormPrintError {
        var place = document.source.file
        if case .missingGlyphs(_, let origin, _) = failure, let path = origin.fieldPath,
           let location = document.source.location(of: path) {
            place = location.description
        }
        let name = kind.chineseName + (detail.map { "（\($0)）" } ?? "")
        return .layoutFailed(document: name, file: place, reason: failure.message)
    }

    // MARK: - Drawing

    func write(_ document: LaidOutDocument, unit: UnitEvaluation, folder: String, baseName: String,
               options: RenderOptions) throws -> RenderedDocument {
        let paged = PagedDocument(pages: document.pages, metadata: document.metadata)
        let date = Self.creationDate(for: unit)
        let path = folder + "/" + baseName
        var files: [OutputFile] = []
        for format in options.formats {
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
                let images = try PNGWriter(typesetter: typesetter, resolution: options.resolution).pngs(paged)
                files += Self.perPage(images, path: path, format: .png)
            case .svg:
                files += Self.perPage(try SVGWriter(typesetter: typesetter).svgs(paged), path: path, format: .svg)
            case .ofd:
                let data = try OFDWriter(typesetter: typesetter, creationDate: date, creator: "FormPrint", creatorVersion: Self.version).ofd(paged)
                files.append(OutputFile(relativePath: path + ".ofd", format: .ofd, data: data))
            }
        }
        return RenderedDocument(kind: document.instance.kind, detail: document.detail, pageCount: document.pages.count,
                                layoutID: document.layoutID, files: files)
    }

    /// `…_p01.png`, `…_p02.png`: zero-padded so that names sort in page order.
    static func perPage(_ images: [Data], path: String, format: OutputFormat) -> [OutputFile] {
        let width = max(2, String(images.count).count)
        return images.enumerated().map { index, data in
            OutputFile(relativePath: "\(path)_p\(String(index + 1).leftPadded(to: width)).\(format.fileExtension)", format: format, data: data)
        }
    }

    func pdfWriter(_ date: Date) -> PDFWriter {
        PDFWriter(typesetter: typesetter, creationDate: date, creator: "FormPrint \(Self.version)")
    }

    /// All documents in one PDF: a bookmark per document (the project
    /// forms grouped under one, with a bookmark per project) with each
    /// document's own outline below it, and page labels that repeat each
    /// page's printed number after a short document tag ("项目1-2",
    /// "部门表-1", "报告-3"), unique in the file. Assembled from the
    /// documents' PDFs (`pdfs`, in the same order), not drawn again.
    func combine(_ documents: [LaidOutDocument], pdfs: [Data], unit: UnitEvaluation, folder: String) throws -> OutputFile {
        let (composition, metadata) = Self.combinedComposition(documents, unit: unit)
        let parts = zip(documents, pdfs).map { (name: $0.baseName, pdf: $1) }
        let data = try PDFAssembler(creationDate: Self.creationDate(for: unit), creator: "FormPrint \(Self.version)")
            .combine(parts, metadata: metadata, outline: composition.outline, pageLabels: composition.pageLabels)
        return OutputFile(relativePath: folder + "/" + Self.combinedFileName(year: unit.year), format: .pdf, data: data)
    }

    /// The same combined PDF drawn page by page into one surface, as it was
    /// made before it was assembled: kept for `formprint bench`, which
    /// measures both ways in one run.
    func drawCombined(_ documents: [LaidOutDocument], unit: UnitEvaluation) throws -> Data {
        let (composition, metadata) = Self.combinedComposition(documents, unit: unit)
        return try pdfWriter(Self.creationDate(for: unit)).pdf(
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

    /// All the unit's documents in one PostScript file, for one print job.
    public func combinedPostScript(_ document: UnitDocument, layouts requested: [DocumentKind: String] = [:],
                                   scoringProfile: String? = nil, lines: Set<String> = []) throws -> Data {
        let unit = document.unit
        let computed = try scores(unit, layouts: requested, profile: scoringProfile)
        let laidOut = try Self.documents(of: unit).map { try layOut(document, computed, $0, layouts: requested, lines: lines) }
        let metadata = DocumentMetadata(title: document.unit.name, author: document.unit.name, subject: "", keywords: "")
        return try PostScriptWriter(typesetter: typesetter, creationDate: Self.creationDate(for: document.unit))
            .postScript(PagedDocument(pages: laidOut.flatMap(\.pages), metadata: metadata))
    }

    /// `2024_全部自评文档.pdf`
    public static func combinedFileName(year: Int) -> String { "\(year)_全部自评文档.pdf" }
}
