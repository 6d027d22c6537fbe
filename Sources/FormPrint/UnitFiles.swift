import Evaluation
import Foundation
import Importing

/// Reading unit files and writing their documents: the steps the command
/// line runs for each input.
public enum UnitFiles {
    public static func read(_ url: URL) throws -> UnitDocument {
        try UnitFileReader.read(contentsOf: url)
    }

    /// Renders every document of the unit file at `url` into `folder`,
    /// each written atomically; returns the files written.
    public static func render(_ url: URL, with renderer: UnitRenderer, layouts: [DocumentKind: String] = [:],
                              into folder: URL) throws -> [URL] {
        let document = try read(url)
        let rendered = try renderer.render(document, layouts: layouts)
        return try rendered.map { document in
            // Never outside `folder`, whatever the unit and project names.
            try AtomicFile.write(document.pdf, to: document.relativePath, inside: folder)
        }
    }
}
