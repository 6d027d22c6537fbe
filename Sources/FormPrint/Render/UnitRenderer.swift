import Evaluation
import Foundation
import Layout
import Rendering
import Review

/// Which fonts may set characters the bundled fonts lack (`--font-fallback`).
public typealias FontFallback = Rendering.FontFallback

/// Renders every document of a unit — the one entry point of the command
/// line, the batch and the server: scores (once, `UnitScores`), then the
/// `DocumentLayouter` (unit → pages), then the `DocumentWriter` (pages →
/// bytes). One renderer per thread: it owns a Pango font map.
public final class UnitRenderer {
    public let catalog: LayoutCatalog
    /// Profiles that fill the 分值/得分 cells and 总分 the unit left empty;
    /// nil prints the unit's own values only.
    public let scoring: ScoringCatalog?
    package let typesetter: Typesetter
    package let layouter: DocumentLayouter
    package let writer: DocumentWriter
    public static let version = "0.1.0"

    public init(catalog: LayoutCatalog, fonts: FontLibrary, scoring: ScoringCatalog? = nil) throws {
        self.catalog = catalog
        self.scoring = scoring
        let typesetter = try Typesetter(fonts: fonts)
        self.typesetter = typesetter
        self.layouter = DocumentLayouter(catalog: catalog, typesetter: typesetter)
        self.writer = DocumentWriter(typesetter: typesetter)
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

    /// Every document of a checked unit, in every requested format, plus
    /// the combined PDF: the scores come from the check (computed once), and
    /// unless `options.final` every page of a unit with error findings is
    /// marked 「草稿」 (a draft).
    public func render(_ check: UnitCheck, options: RenderOptions) throws -> RenderedUnit {
        try render(check.document, computed: scoring == nil ? .none : check.scores.computed, options: options,
                   draft: check.count(.error) > 0 && !options.final)
    }

    /// Every document of the unit in every requested format, plus the
    /// combined PDF, scored here. `errors` is the number of error findings
    /// the unit still has: unless `options.final`, every page is then
    /// marked 「草稿」.
    public func render(_ document: UnitDocument, options: RenderOptions, errors: Int = 0) throws -> RenderedUnit {
        try render(document, computed: try scores(document.unit, layouts: options.layouts, profile: options.scoringProfile),
                   options: options, draft: errors > 0 && !options.final)
    }

    /// Every document of the unit as PDF.
    public func render(_ document: UnitDocument, layouts requested: [DocumentKind: String] = [:],
                       scoringProfile: String? = nil) throws -> [RenderedDocument] {
        try render(document, options: RenderOptions(layouts: requested, scoringProfile: scoringProfile)).documents
    }

    /// One document as PDF.
    public func render(_ document: UnitDocument, _ instance: DocumentInstance, layouts requested: [DocumentKind: String] = [:],
                       scoringProfile: String? = nil) throws -> RenderedDocument {
        let computed = try scores(document.unit, layouts: requested, profile: scoringProfile)
        let laidOut = try layouter.layOut(document, computed, instance, layouts: requested)
        return try writer.write(laidOut, unit: document.unit, folder: FileNaming.safeComponent(document.unit.name),
                                options: RenderOptions(layouts: requested))
    }

    /// All the unit's documents in one PostScript file, for one print job.
    public func combinedPostScript(_ document: UnitDocument, layouts requested: [DocumentKind: String] = [:],
                                   scoringProfile: String? = nil, lines: Set<String> = []) throws -> Data {
        let computed = try scores(document.unit, layouts: requested, profile: scoringProfile)
        return try writer.postScript(try layouter.layOut(document, computed, layouts: requested, draft: false, lines: lines),
                                     unit: document.unit)
    }

    /// `2024_全部自评文档.pdf`
    public static func combinedFileName(year: Int) -> String { "\(year)_全部自评文档.pdf" }

    /// The scores the unit left empty, as the forms print them: a
    /// scorecard bound beside the unit's data, never written into it.
    package func scores(_ unit: UnitEvaluation, layouts requested: [DocumentKind: String], profile choice: String?) throws -> ComputedValues {
        guard let scoring else { return .none }
        return try UnitScoring(catalog: catalog, profiles: scoring).scores(unit, layouts: requested, profile: choice).computed
    }

    /// Lays out every document before anything is drawn — a unit renders
    /// completely or fails with the first error — then writes them all.
    func render(_ document: UnitDocument, computed: ComputedValues, options: RenderOptions, draft: Bool) throws -> RenderedUnit {
        let unit = document.unit
        // The lines the unit's own form has (recorded on import) and those asked for in this run.
        let laidOut = try layouter.layOut(document, computed, layouts: options.layouts, draft: draft, lines: options.lines.union(unit.lines))
        let folder = FileNaming.safeComponent(options.unitFolder ?? unit.name)
        let documents = try laidOut.map { try writer.write($0, unit: unit, folder: folder, options: options) }
        var combined: OutputFile?
        if options.combined && options.formats.contains(.pdf) && !laidOut.isEmpty {
            combined = try writer.combine(laidOut, pdfs: documents.map(\.pdf), unit: unit, folder: folder)
        }
        return RenderedUnit(unitName: unit.name, year: unit.year, folder: folder, documents: documents, combined: combined,
                            unit: unit, computed: computed)
    }
}
