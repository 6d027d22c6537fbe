import Evaluation
import Foundation
import Importing
import InputReading
import Layout

extension UnitFiles {
    /// Reads the unit file at `path` with positions reported under the path
    /// as the user wrote it (`Examples/liuhe-2024.yaml:64:38`, not an
    /// absolute path), so that findings read like a compiler's.
    /// Reads `path` with the fields and layouts of `catalog`: a unit file as
    /// such, an officer's workbook or pasted table imported in memory.
    public static func read(path: String, catalog: LayoutCatalog, lenient: Bool = false) throws -> UnitDocument {
        // Only an imported file needs every layout loaded (to recognise its forms).
        try read(path: path, fields: try catalog.fields, layouts: isUnitFile(path) ? [] : try catalog.all(), lenient: lenient)
    }

    /// An officer's workbook or pasted table is imported in memory (see
    /// `read(_:file:fields:layouts:lenient:)`).
    package static func read(path: String, fields: FieldRegistry? = nil, layouts: [LayoutSpec] = [], lenient: Bool = false) throws -> UnitDocument {
        guard isUnitFile(path) else {
            let data: Data
            do {
                // A FIFO or a device is refused as such, never read forever.
                data = try RegularFile.read(URL(fileURLWithPath: path), limit: YAMLDocument.maximumFileSize)
            } catch {
                throw ImportError(.unreadable(error.message), at: .file(path))
            }
            return try read(data, file: path, fields: fields, layouts: layouts, lenient: lenient)
        }
        let text = try YAMLDocument.text(contentsOf: URL(fileURLWithPath: path))
        return try UnitFileReader.read(text: text, file: path, fields: fields)
    }

    /// Renders every document of an already read unit into `folder`, each
    /// written atomically; returns the files written.
    package static func render(_ document: UnitDocument, with renderer: UnitRenderer, layouts: [DocumentKind: String] = [:],
                              scoringProfile: String? = nil, into folder: URL) throws -> [URL] {
        try renderer.render(document, layouts: layouts, scoringProfile: scoringProfile).map { document in
            // Never outside `folder`, whatever the unit and project names.
            try AtomicFile.write(document.pdf, to: document.relativePath, inside: folder)
        }
    }
}
