import Evaluation
import Foundation

/// One printed document of a unit, ready to write.
public struct RenderedDocument: Sendable {
    public var kind: DocumentKind
    /// For project forms, the project's name.
    public var detail: String?
    /// Path relative to the output folder: `<unit>/<year>_<document>[_<project>].pdf`.
    public var relativePath: String
    public var pdf: Data
    public var pageCount: Int
    public var layoutID: String
}
