import Evaluation
@testable import FormPrint
import Foundation

// Shortcuts the tests use to render a unit file or a read unit in one call.
// They live here, not in the library, so that the library has one way to
// render a unit (`UnitRenderer.render(_:options:)` over a check) and one to
// write it (`UnitFiles.write`), and these stay what they are: shortcuts.

extension UnitFiles {
    /// Renders every document of the unit file at `url` into `folder`,
    /// each written atomically; returns the files written.
    static func render(_ url: URL, with renderer: UnitRenderer, layouts: [DocumentKind: String] = [:],
                       into folder: URL) throws -> [URL] {
        try render(url, with: renderer, options: RenderOptions(layouts: layouts), into: folder)
    }

    static func render(_ url: URL, with renderer: UnitRenderer, options: RenderOptions, into folder: URL) throws -> [URL] {
        let rendered = try renderer.render(try read(url, fields: try renderer.catalog.fields), options: options)
        return try write(rendered, into: folder)
    }

    /// Renders every document of an already read unit into `folder`, each
    /// written atomically; returns the files written.
    static func render(_ document: UnitDocument, with renderer: UnitRenderer, layouts: [DocumentKind: String] = [:],
                       scoringProfile: String? = nil, into folder: URL) throws -> [URL] {
        try renderer.render(document, layouts: layouts, scoringProfile: scoringProfile).map { document in
            // Never outside `folder`, whatever the unit and project names.
            try AtomicFile.write(document.pdf, to: document.relativePath, inside: folder)
        }
    }
}

extension UnitRenderer {
    /// Every document of the unit as PDF.
    func render(_ document: UnitDocument, layouts requested: [DocumentKind: String] = [:],
                scoringProfile: String? = nil) throws -> [RenderedDocument] {
        try render(document, options: RenderOptions(layouts: requested, scoringProfile: scoringProfile)).documents
    }
}
