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
    package let catalog: LayoutCatalog
    /// Profiles that fill the 分值/得分 cells and 总分 the unit left empty;
    /// nil prints the unit's own values only.
    package let scoring: ScoringCatalog?
    package let typesetter: Typesetter
    package let layouter: DocumentLayouter
    package let writer: DocumentWriter
    public static let version = "0.1.0"

    package init(catalog: LayoutCatalog, fonts: FontLibrary, scoring: ScoringCatalog? = nil) throws {
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
    package static func standardFonts(fallback: FontFallback = .none) throws -> FontLibrary {
        guard let fonts = ResourceLocator.locate("Fonts", containing: "FormPrintSong-Regular.ttf", environment: "FORMPRINT_FONTS") else {
            throw FormPrintError.resourcesMissing(.fonts)
        }
        return try FontLibrary(directory: fonts, fallback: fallback)
    }

    /// The documents a unit has data for, in filing order.
    package static func documents(of unit: UnitEvaluation) -> [DocumentInstance] {
        var documents = unit.projects.indices.map { DocumentInstance.project(index: $0) }
        if unit.department != nil { documents.append(.department) }
        if unit.report != nil { documents.append(.report) }
        return documents
    }

    /// Every document of a checked unit, in every requested format, plus
    /// the combined PDF: the layouts and scores come from the check (planned
    /// and computed once), and unless `options.final` every page of a unit
    /// with error findings is marked 「草稿」 (a draft).
    public func render(_ check: CheckedUnit, options: RenderOptions) throws -> RenderedUnit {
        let plan = try check.plan.writing(with: options, unitLines: check.document.unit.lines)
            ?? catalog.plan(for: check.document, options: options)
        return try render(check.document, plan: plan, computed: scoring == nil ? .none : check.scores.computed, options: options,
                          draft: check.count(.error) > 0 && !options.final)
    }

    /// Every document of the unit in every requested format, plus the
    /// combined PDF, scored here. `errors` is the number of error findings
    /// the unit still has: unless `options.final`, every page is then
    /// marked 「草稿」.
    package func render(_ document: UnitDocument, options: RenderOptions, errors: Int = 0) throws -> RenderedUnit {
        let plan = try catalog.plan(for: document, options: options)
        return try render(document, plan: plan, computed: try scores(document.unit, plan: plan), options: options,
                          draft: errors > 0 && !options.final)
    }

    /// One document as PDF.
    package func render(_ document: UnitDocument, _ instance: DocumentInstance, layouts requested: [DocumentKind: String] = [:],
                       scoringProfile: String? = nil) throws -> RenderedDocument {
        let options = RenderOptions(layouts: requested, scoringProfile: scoringProfile)
        let plan = try catalog.plan(for: document, options: options)
        guard let planned = plan.documents.first(where: { $0.instance == instance }) else {
            preconditionFailure("the unit has no \(instance.kind.chineseName) \(instance)")
        }
        let laidOut = try layouter.layOut(document, try scores(document.unit, plan: plan), planned, plan: plan)
        return try writer.write(laidOut, plan: plan, folder: FileNaming.safeComponent(document.unit.name), resolution: options.resolution)
    }

    /// All the unit's documents in one PostScript file, for one print job.
    package func combinedPostScript(_ document: UnitDocument, layouts requested: [DocumentKind: String] = [:],
                                   scoringProfile: String? = nil, lines: Set<String> = []) throws -> Data {
        var options = RenderOptions(layouts: requested, scoringProfile: scoringProfile)
        options.lines = lines
        // The unit's own lines too, as `render` prints them (`print` used to leave them out).
        let plan = try catalog.plan(for: document, options: options)
        let computed = try scores(document.unit, plan: plan)
        return try writer.postScript(try layouter.layOut(document, computed, plan: plan, draft: false), unit: document.unit,
                                     creationDate: plan.creationDate)
    }

    /// `2024_全部自评文档.pdf`
    package static func combinedFileName(year: Int) -> String { "\(year)_全部自评文档.pdf" }

    /// The scores the unit left empty, as the forms print them: a
    /// scorecard bound beside the unit's data, never written into it.
    package func scores(_ unit: UnitEvaluation, plan: UnitPlan) throws -> ComputedValues {
        guard let scoring else { return .none }
        return try UnitScores(unit, plan: plan, profiles: scoring).computed
    }

    /// Lays out every document before anything is drawn — a unit renders
    /// completely or fails with the first error — then writes them all.
    func render(_ document: UnitDocument, plan: UnitPlan, computed: ComputedValues, options: RenderOptions, draft: Bool) throws -> RenderedUnit {
        let unit = document.unit
        let laidOut = try layouter.layOut(document, computed, plan: plan, draft: draft)
        let folder = FileNaming.safeComponent(options.unitFolder ?? unit.name)
        let documents = try laidOut.map { try writer.write($0, plan: plan, folder: folder, resolution: options.resolution) }
        var combined: OutputFile?
        if options.combined && plan.formats.contains(.pdf) && !laidOut.isEmpty {
            combined = try writer.combine(laidOut, pdfs: documents.map(\.pdf), unit: unit, folder: folder, creationDate: plan.creationDate)
        }
        return RenderedUnit(unitName: unit.name, year: unit.year, folder: folder, documents: documents, combined: combined,
                            unit: unit, computed: computed)
    }
}
