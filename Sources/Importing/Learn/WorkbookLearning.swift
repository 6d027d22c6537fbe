import Evaluation
import Foundation
import InputReading

extension LayoutLearner {
    /// Learns from one sheet of a workbook: the one named, else the first
    /// visible sheet that holds a table.
    package static func learn(workbook data: Data, file: String, sheet name: String?, id: String?,
                              registry: FieldRegistry? = nil) throws -> Result {
        let registry = try registry ?? FieldRegistryReader.standard()
        let sheets = try WorkbookImporter.learnableSheets(data, file: file)
        let origin = (file as NSString).lastPathComponent
        if let name {
            guard let sheet = sheets.first(where: { $0.name == name }) else {
                throw LearnError(problem: .noSheet(name, available: sheets.map(\.name)))
            }
            return try learn(sheet, id: id, origin: "\(origin)!\(sheet.name)", registry: registry)
        }
        var firstError: LearnError?
        for sheet in sheets {
            do { return try learn(sheet, id: id, origin: "\(origin)!\(sheet.name)", registry: registry) } catch {
                // An empty or note-only sheet before the form's is passed over.
                if case .noGrid = error.problem { firstError = firstError ?? error; continue }
                throw error
            }
        }
        throw firstError ?? LearnError(problem: .noGrid(sheet: origin))
    }
}
