import Evaluation
import Foundation
import Importing
import InputReading
import Layout

/// Reading an input — a unit file, or an officer's workbook, Word document
/// or pasted table imported in memory — into a `UnitDocument`: the one place
/// every command, the batch and the desk read through.
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
}
