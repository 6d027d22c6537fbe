import Evaluation
import Foundation
import InputReading

/// The front door of importing: looks at a file and hands it to the
/// importer for what it is — a workbook (.xlsx, or an old binary .xls), a
/// Word document (.docx) — by its bytes, whatever its name — a unit file (.yaml/.yml/.json, read and passed through so that it can be
/// rewritten in the standard layout), or pasted text in any of the
/// encodings Chinese offices use.
package enum UnitImporter {
    /// The largest file imported: a workbook's parts may each be 64 MB
    /// unpacked, and its ZIP is smaller than what it holds.
    package static let maximumInputSize = 64 << 20

    package static func importFile(at url: URL, options: ImportOptions = ImportOptions()) throws -> ImportedUnit {
        let data: Data
        do {
            data = try RegularFile.read(url, limit: maximumInputSize)
        } catch {
            throw ImportError(.unreadable(error.message), at: .file(url.path))
        }
        return try importData(data, file: url.path, options: options)
    }

    package static func importData(_ data: Data, file: String, options: ImportOptions = ImportOptions()) throws -> ImportedUnit {
        let suffix = (file as NSString).pathExtension.lowercased()
        let head = [UInt8](data.prefix(4))
        // Formats FormPrint does not read are refused before any parsing:
        // by their suffix, and a PDF by its bytes whatever its name.
        if let refused = UnsupportedFormat.bySuffix(suffix) { throw ImportError(.unsupportedFormat(refused), at: .file(file)) }
        if data.starts(with: Data("%PDF-".utf8)) { throw ImportError(.unsupportedFormat(.pdf), at: .file(file)) }
        // An OLE container (.xls, or a .doc under another name, which the
        // reader tells by its streams) or a ZIP container (.xlsx, .docx, …:
        // `WorkbookImporter` tells them by their parts).
        if head == [0xD0, 0xCF, 0x11, 0xE0] || suffix == "xls" {
            return try WorkbookImporter.importLegacyWorkbook(data, file: file, options: options)
        }
        if suffix == "docx" || suffix == "docm" {
            return try DocumentImporter.importDocument(data, file: file, options: options)
        }
        if head == [0x50, 0x4B, 0x03, 0x04] || ["xlsx", "xlsm"].contains(suffix) {
            return try WorkbookImporter.importWorkbook(data, file: file, options: options)
        }
        if ["yaml", "yml", "json"].contains(suffix) {
            let (text, _) = try TextDecoder.decode(data, file: file)
            var unit = try UnitFileReader.read(text: text, file: file).unit
            if let year = options.year { unit.year = year }
            if let name = options.unitName { unit.name = name }
            return ImportedUnit(unit: unit, documents: documents(of: unit, file: file), notes: [])
        }
        let (text, encoding) = try TextDecoder.decode(data, file: file)
        var imported = try PastedTextImporter.importText(text, file: file, options: options)
        if encoding != .utf8 {
            imported.notes.insert(ImportNote(.inferred, at: .file(file), Message(chinese: "文本按\(encoding.rawValue)解码",
                                                                                english: "the text was decoded as \(encoding.rawValue)")), at: 0)
        }
        return imported
    }

    private static func documents(of unit: UnitEvaluation, file: String) -> [RecognisedDocument] {
        var documents = unit.projects.map { project in
            RecognisedDocument(kind: .project, place: .file(file), summary: .label(project.name))
        }
        if let department = unit.department {
            documents.append(RecognisedDocument(kind: .department, place: .file(file), summary: .label(department.name)))
        }
        if let report = unit.report {
            documents.append(RecognisedDocument(kind: .report, place: .file(file), summary: Message(chinese: "一级标题\(report.sections.count)个",
                                                                                                   english: "\(report.sections.count) top-level sections")))
        }
        return documents
    }
}
