import Evaluation
import Foundation
import Importing
import InputReading
import Layout

/// Reading unit files and writing their documents: the steps the command
/// line runs for each input.
public enum UnitFiles {
    /// `fields` are the declared fields the file may carry (default: the
    /// built-in registry; `LayoutCatalog.fields` adds those of `--layouts`).
    package static func read(_ url: URL, fields: FieldRegistry? = nil) throws -> UnitDocument {
        try UnitFileReader.read(contentsOf: url, fields: fields)
    }

    /// Whether `file` is a unit file (YAML or JSON) rather than an officer's
    /// own workbook or pasted table, which is imported in memory.
    package static func isUnitFile(_ file: String) -> Bool {
        ["yaml", "yml", "json"].contains((file as NSString).pathExtension.lowercased())
    }

    /// Reads an input from bytes already in memory (the batch hashes the
    /// same bytes it reads); `file` is the path messages name. A unit file is
    /// read as such; a workbook (.xlsx, .xls), Word document (.docx) or pasted table (.txt, .tsv, …) is
    /// imported in memory, its forms recognised by `layouts`, and every
    /// finding then names the cell (自评表.xlsx 项目自评表!B4) or line
    /// (粘贴.txt 第12行第3列) it is about. A cell holding data that fits no field
    /// is an error unless `lenient`.
    package static func read(_ data: Data, file: String, fields: FieldRegistry? = nil, layouts: [LayoutSpec] = [],
                            lenient: Bool = false) throws -> UnitDocument {
        guard isUnitFile(file) else {
            let imported = try UnitImporter.importData(data, file: file, options: ImportOptions(layouts: layouts))
            if !lenient && !imported.unplaced.isEmpty { throw ImportError(.unplacedCells(imported.unplaced), at: .file(file)) }
            return imported.document(file: file)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputFileError(.notUTF8Text,
                                 at: SourceLocation(file: file, line: 0, column: 0), path: FieldPath())
        }
        return try UnitFileReader.read(text: text, file: file, fields: fields)
    }

    /// Renders every document of the unit file at `url` into `folder`,
    /// each written atomically; returns the files written.
    package static func render(_ url: URL, with renderer: UnitRenderer, layouts: [DocumentKind: String] = [:],
                              into folder: URL) throws -> [URL] {
        try render(url, with: renderer, options: RenderOptions(layouts: layouts), into: folder)
    }

    package static func render(_ url: URL, with renderer: UnitRenderer, options: RenderOptions, into folder: URL) throws -> [URL] {
        let rendered = try renderer.render(try read(url, fields: try renderer.catalog.fields), options: options)
        return try write(rendered, into: folder)
    }

    /// Writes every file of a rendered unit atomically, in order.
    public static func write(_ unit: RenderedUnit, into folder: URL) throws -> [URL] {
        // Never outside `folder`, whatever the unit and project names.
        try AtomicFile.write(unit.files.map { (data: $0.data, relativePath: $0.relativePath) }, inside: folder)
    }
}
