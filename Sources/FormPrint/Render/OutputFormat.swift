import Evaluation

/// The file formats a document can be written in.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable, Codable {
    /// Submission-ready PDF: fonts embedded as subsets, metadata, page labels.
    case pdf
    /// PostScript level 3 for sending straight to a printer (`lp`).
    case ps
    /// One PNG per page at `RenderOptions.resolution`, for previews.
    case png
    /// One SVG per page, for web pages.
    case svg
    /// OFD (GB/T 33190-2016), the national format for electronic documents
    /// that archives and submission systems ask for: one file per document,
    /// fonts embedded as subsets, text searchable.
    case ofd

    public var fileExtension: String { rawValue }

    /// Whether the format writes one file per page (PNG, SVG) rather than
    /// one per document.
    package var isPerPage: Bool { self == .png || self == .svg }
}

/// What to render and how.
public struct RenderOptions: Sendable, Hashable {
    /// The formats to write, in this order; duplicates are ignored.
    public var formats: [OutputFormat]
    /// Pixels per inch of PNG pages.
    public var resolution: Double
    /// Also write one PDF of all the unit's documents, with a bookmark per
    /// document and per project (when PDF is among the formats).
    public var combined: Bool
    /// Layout per document kind, overriding the unit file's choice.
    public var layouts: [DocumentKind: String]
    /// The scoring profile (an id or a file) that fills the scores the unit
    /// left empty; nil for the one its project layout calls for.
    public var scoringProfile: String?
    /// The unit's output folder; nil for its name made safe. The batch sets
    /// it to tell apart two units with the same name.
    package var unitFolder: String?
    /// Print a unit that still has error findings without the 「草稿」 mark
    /// (`--final`): real forms are sometimes filed with an anomaly the unit
    /// cannot change. Without it such a unit's pages are marked as a draft.
    public var final: Bool = false
    /// An imported workbook or paste may have cells that fit no field (they
    /// are then notes, not an error).
    public var lenient: Bool = false
    /// The layouts' optional lines to print (`--line year`: the （2024年度）
    /// line of a layout whose template has none by default).
    public var lines: Set<String> = []

    public init(formats: [OutputFormat] = [.pdf], resolution: Double = 150, combined: Bool = false,
                layouts: [DocumentKind: String] = [:], scoringProfile: String? = nil, unitFolder: String? = nil) {
        var unique: [OutputFormat] = []
        for format in formats where !unique.contains(format) { unique.append(format) }
        self.formats = unique
        self.resolution = resolution
        self.combined = combined
        self.layouts = layouts
        self.scoringProfile = scoringProfile
        self.unitFolder = unitFolder
    }
}
