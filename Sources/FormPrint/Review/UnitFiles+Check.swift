import Evaluation
import Foundation
import Importing
import InputReading

extension UnitFiles {
    /// Reads the unit file at `path` with positions reported under the path
    /// as the user wrote it (`Examples/liuhe-2024.yaml:64:38`, not an
    /// absolute path), so that findings read like a compiler's.
    public static func read(path: String, fields: FieldRegistry? = nil) throws -> UnitDocument {
        let text = try YAMLDocument.text(contentsOf: URL(fileURLWithPath: path))
        return try UnitFileReader.read(text: text, file: path, fields: fields)
    }

    /// Renders every document of an already read unit into `folder`, each
    /// written atomically; returns the files written.
    public static func render(_ document: UnitDocument, with renderer: UnitRenderer, layouts: [DocumentKind: String] = [:],
                              scoringProfile: String? = nil, into folder: URL) throws -> [URL] {
        try renderer.render(document, layouts: layouts, scoringProfile: scoringProfile).map { document in
            // Never outside `folder`, whatever the unit and project names.
            try AtomicFile.write(document.pdf, to: document.relativePath, inside: folder)
        }
    }
}
