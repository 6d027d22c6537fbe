import Evaluation
import Foundation
import Layout

/// One file to write, relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    /// `<unit>/<year>_<document>[_<project>][_p01].<ext>`
    public var relativePath: String
    public var format: OutputFormat
    public var data: Data
}

/// One printed document of a unit, in every requested format, ready to write.
public struct RenderedDocument: Sendable {
    public var kind: DocumentKind
    /// For project forms, the project's name.
    public var detail: String?
    public var pageCount: Int
    public var layoutID: String
    /// In the order of `RenderOptions.formats`; PNG and SVG give one file per page.
    public var files: [OutputFile]
    /// Things the reader should know that did not stop the document (e.g.
    /// a second project with the same name, written with a suffix).
    public var warnings: [String] = []

    /// The path of the document's first file (its PDF when PDF was asked for).
    public var relativePath: String { files.first?.relativePath ?? "" }

    /// The PDF bytes, empty when PDF was not asked for.
    public var pdf: Data { files.first { $0.format == .pdf }?.data ?? Data() }
}

/// Every document of one unit, plus the combined PDF when asked for.
public struct RenderedUnit: Sendable {
    public var unitName: String
    public var year: Int
    /// The unit's output folder, relative to the output root.
    public var folder: String
    public var documents: [RenderedDocument]
    /// All documents in one PDF with bookmarks, when `RenderOptions.combined`.
    public var combined: OutputFile?
    /// The unit as written.
    public var unit: UnitEvaluation
    /// The scores it left empty, as the forms print them (the scorecard).
    package var computed: ComputedValues = .none
    /// Every file to write, in order.
    public var files: [OutputFile] { documents.flatMap(\.files) + (combined.map { [$0] } ?? []) }
}
