import Foundation

/// The ZIP-based office files that are not .xlsx workbooks, told apart by
/// their parts when their name does not say (an .xlsb or .ods renamed .xlsx).
enum OfficeZIPKind {
    static func unsupported(_ package: WorkbookPackage) throws -> UnsupportedFormat? {
        if package.contains("xl/workbook.bin") { return .excelBinary }
        // OpenDocument names its kind in a first, uncompressed part "mimetype".
        guard package.contains("mimetype"), let mimetype = try package.part("mimetype") else { return nil }
        let kind = String(decoding: mimetype.prefix(200), as: UTF8.self)
        if kind.contains("opendocument.spreadsheet") { return .openDocumentSpreadsheet }
        if kind.contains("opendocument.text") { return .openDocumentText }
        return nil
    }
}
