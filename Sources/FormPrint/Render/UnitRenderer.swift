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

    /// Uses the built-in layouts and fonts of this installation; with
    /// `fontFallback: .system`, the machine's fonts may set the characters
    /// the bundled fonts lack.
    public convenience init(extraLayoutFolders: [URL] = [], fontFallback: FontFallback = .none) throws {
        guard let fonts = ResourceLocator.locate("Fonts", containing: "FormPrintSong-Regular.ttf", environment: "FORMPRINT_FONTS") else {
            throw FormPrintError.resourcesMissing("Fonts/ (set FORMPRINT_FONTS to FormPrint's Fonts folder)")
        }
        try self.init(catalog: try LayoutCatalog.standard(adding: extraLayoutFolders),
                      fonts: try FontLibrary(directory: fonts, fallback: fontFallback), scoring: try ScoringCatalog.standard())
    }

    /// The creation date written into every PDF: `SOURCE_DATE_EPOCH` when
    /// set, else 1 January of the year after the evaluated year — fixed per
    /// input, so identical input gives identical bytes.
    public static func creationDate(for unit: UnitEvaluation) -> Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return Date(timeIntervalSince1970: epoch)
        }
        var components = DateComponents()
        components.year = unit.year + 1
        components.month = 1
        components.day = 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    /// The documents a unit has data for, in filing order.
    public static func documents(of unit: UnitEvaluation) -> [DocumentInstance] {
        var documents = unit.projects.indices.map { DocumentInstance.project(index: $0) }
        if unit.department != nil { documents.append(.department) }
        if unit.report != nil { documents.append(.report) }
        return documents
    }

    public func render(_ document: UnitDocument, layouts requested: [DocumentKind: String] = [:],
                       scoringProfile: String? = nil) throws -> [RenderedDocument] {
        let unit = try scored(document.unit, layouts: requested, profile: scoringProfile)
        return try Self.documents(of: unit).map { try render(document, unit, $0, layouts: requested) }
    }

    public func render(_ document: UnitDocument, _ instance: DocumentInstance, layouts requested: [DocumentKind: String] = [:],
                       scoringProfile: String? = nil) throws -> RenderedDocument {
        try render(document, try scored(document.unit, layouts: requested, profile: scoringProfile), instance, layouts: requested)
    }

    /// The unit with the scores it left empty computed by the profile for
    /// its project layout (never replacing a value it entered).
    func scored(_ unit: UnitEvaluation, layouts requested: [DocumentKind: String], profile choice: String?) throws -> UnitEvaluation {
        guard let scoring else { return unit }
        let layout = requested[.project] ?? unit.layouts[.project] ?? LayoutCatalog.defaults[.project]!
        return Scoring.scored(unit, profile: try scoring.profile(choice, projectLayout: layout)).unit
    }

    func render(_ document: UnitDocument, _ unit: UnitEvaluation, _ instance: DocumentInstance,
                layouts requested: [DocumentKind: String]) throws -> RenderedDocument {
        let layout = try catalog.layout(for: instance.kind, requested: requested[instance.kind] ?? unit.layouts[instance.kind])
        let detail: String? = if case .project(let index) = instance { unit.projects[index].name } else { nil }
        let pages: [Page]
        do {
            pages = try paginate(unit, instance, layout, layouts: requested)
        } catch let failure as LayoutFailure {
            throw located(failure, document, kind: instance.kind, detail: detail)
        }
        let metadata = DocumentMetadata(
            title: [instance.kind.chineseName, detail ?? unit.name].joined(separator: " — "), author: unit.name,
            subject: "\(unit.year)年度预算绩效自评 · \(instance.kind.chineseName)",
            keywords: ["预算绩效自评", String(unit.year), unit.name, instance.kind.chineseName].joined(separator: ", "))
        let writer = PDFWriter(typesetter: typesetter, creationDate: Self.creationDate(for: unit), creator: "FormPrint \(Self.version)")
        let pdf = try writer.pdf(PagedDocument(pages: pages, metadata: metadata))
        let name = FileNaming.documentFileName(year: unit.year, document: instance.kind.chineseName, detail: detail, extension: "pdf")
        return RenderedDocument(kind: instance.kind, detail: detail, relativePath: FileNaming.safeComponent(unit.name) + "/" + name,
                                pdf: pdf, pageCount: pages.count, layoutID: layout.id)
    }

    /// The layout phases, from model to positioned pages.
    func paginate(_ unit: UnitEvaluation, _ instance: DocumentInstance, _ layout: LayoutSpec,
                  layouts requested: [DocumentKind: String]) throws -> [Page] {
        switch layout.body {
        case .table(let table):
            return try formPages(unit, instance, layout, table)
        case .flow(let flow):
            // The loader only accepts flow layouts for reports, and reports are
            // rendered only when the unit has one.
            guard let report = unit.report else { preconditionFailure("flow layout \(layout.id) for a unit without a report") }
            return try reportPages(unit, report, layout, flow, layouts: requested)
        }
    }

    func formPages(_ unit: UnitEvaluation, _ instance: DocumentInstance, _ layout: LayoutSpec, _ table: TableSpec) throws -> [Page] {
        let resolved = TableBinder.bind(unit, instance, onto: layout, table: table)
        let measured = try TableMeasurer.measure(resolved, with: typesetter)
        let pages = try TablePaginator.paginate(measured, regions: TableRegions(for: measured, page: layout.page))
        return try TableComposer.compose(measured, pages: pages, page: layout.page, measurer: typesetter)
    }

    /// A layout failure with the unit file's line and column of the text.
    func located(_ failure: LayoutFailure, _ document: UnitDocument, kind: DocumentKind, detail: String?) -> FormPrintError {
        var place = document.source.file
        if case .missingGlyphs(_, let origin, _) = failure, case .unit(let path) = origin,
           let location = document.source.location(of: path) {
            place = location.description
        }
        let name = kind.chineseName + (detail.map { "（\($0)）" } ?? "")
        return .layoutFailed(document: name, file: place, reason: failure.description)
    }
}
