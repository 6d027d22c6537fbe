import Batch
import Evaluation
import FormPrint
import Foundation
import GRDB

/// What the officer handed in: a pasted table, a workbook (.xlsx or the
/// old binary .xls), a Word document (.docx) or a unit file.
package enum InputKind: String, Sendable, Codable, CaseIterable {
    case pasted, workbook, legacyWorkbook, document, yaml, json

    /// The name messages use for the input (粘贴.txt:18 第6列, 自评表.xlsx
    /// 项目自评表!F16). The uploaded file's own name is kept in the database
    /// only; it never becomes a path nor decides how the bytes are read.
    package var fileName: String {
        switch self {
        case .pasted: "粘贴.txt"
        case .workbook: "自评表.xlsx"
        case .legacyWorkbook: "自评表.xls"
        case .document: "自评.docx"
        case .yaml: "自评.yaml"
        case .json: "自评.json"
        }
    }

    /// By the uploaded name's extension and the bytes (a ZIP is a workbook
    /// unless named .docx; an OLE container is an .xls, and the importer
    /// refuses it if its streams say it is a .doc).
    package static func of(uploadedName: String, data: Data) -> InputKind {
        let suffix = (uploadedName as NSString).pathExtension.lowercased()
        if data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04]) { return suffix == "docx" ? .document : .workbook }
        if data.prefix(4).elementsEqual([0xD0, 0xCF, 0x11, 0xE0]) { return .legacyWorkbook }
        switch suffix {
        case "xlsx", "xlsm": return .workbook
        case "xls": return .legacyWorkbook
        case "docx": return .document
        case "yaml", "yml": return .yaml
        case "json": return .json
        default: return .pasted
        }
    }
}

/// One finding as the desk keeps it: the batch's record plus what the desk
/// needs beyond it — the line and column (or row and column) of the place, to
/// mark it on the grid, and the field's words and the fix in English.
///
/// Stored as one flat JSON object (`findingsJSON`), the record's keys beside
/// the desk's, so findings stored before the record was shared still read.
@dynamicMemberLookup
package struct StoredFinding: Sendable, Codable, Equatable {
    package var record: FindingRecord
    package var line: Int
    package var column: Int
    /// The field in the officer's words in English; absent in findings
    /// stored before they were kept (the Chinese is the record's `subject`).
    package var subjectEnglish: String? = nil
    package var fixEnglish: String? = nil

    package init(record: FindingRecord, line: Int, column: Int, subjectEnglish: String? = nil, fixEnglish: String? = nil) {
        self.record = record
        self.line = line
        self.column = column
        self.subjectEnglish = subjectEnglish
        self.fixEnglish = fixEnglish
    }

    package subscript<Value>(dynamicMember field: KeyPath<FindingRecord, Value>) -> Value { record[keyPath: field] }

    private enum DeskKeys: String, CodingKey { case line, column, subjectEnglish, fixEnglish }

    package init(from decoder: any Decoder) throws {
        record = try FindingRecord(from: decoder)
        let desk = try decoder.container(keyedBy: DeskKeys.self)
        line = try desk.decode(Int.self, forKey: .line)
        column = try desk.decode(Int.self, forKey: .column)
        subjectEnglish = try desk.decodeIfPresent(String.self, forKey: .subjectEnglish)
        fixEnglish = try desk.decodeIfPresent(String.self, forKey: .fixEnglish)
    }

    package func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var desk = encoder.container(keyedBy: DeskKeys.self)
        try desk.encode(line, forKey: .line)
        try desk.encode(column, forKey: .column)
        try desk.encodeIfPresent(subjectEnglish, forKey: .subjectEnglish)
        try desk.encodeIfPresent(fixEnglish, forKey: .fixEnglish)
    }

    /// Where the finding is, as the officer reads it: the field in their
    /// words, then the file place.
    package func whereText(_ language: Language) -> String {
        let words = language == .chinese ? record.subject : subjectEnglish
        // A paste never was a file: "粘贴.txt 第18行第6列" is 粘贴的表格第18行第6列.
        let pasted = InputKind.pasted.fileName + " "
        let place = record.place
        let file = place.hasPrefix(pasted) ? (language == .chinese ? "粘贴的表格" : "the pasted table, ") + place.dropFirst(pasted.count) : place
        return [words, file.isEmpty ? nil : file].compactMap { $0 }.joined(separator: language == .chinese ? "，" : ", ")
    }

    package func fixText(_ language: Language) -> String? { language == .chinese ? record.fix : fixEnglish }
}

/// A row of `submission`.
package struct SubmissionRecord: Sendable, Codable, FetchableRecord, PersistableRecord, Equatable {
    package static let databaseTableName = "submission"
    package var id: Int64?
    package var parent: Int64?
    /// The unit account that submitted it (nil on loopback, where nobody logs in).
    package var owner: String?
    /// The unit's name as its forms give it (nil when the input could not be read).
    package var unitName: String?
    package var supervisor: String?
    package var year: Int?
    package var kind: String
    package var inputName: String
    package var inputHash: String
    package var submittedAt: Double
    package var errors: Int
    package var warnings: Int
    package var notes: Int
    /// Why the input could not be read or rendered, in Chinese and English.
    package var readError: String?
    package var findingsJSON: String
    package var summaryJSON: String?
    package var generation: Int
    package var lenient: Bool = false
    /// A workbook's sheets as its page draws them (`[StoredSheet]` as JSON),
    /// read once on a render worker when it was submitted.
    package var gridJSON: String? = nil
    /// Who handed it in, as the audit log names them (`unit:…`, `admin:…`,
    /// 本机); nil for a row an older desk stored.
    package var submittedBy: String? = nil
    /// Whether it stands as the unit's submission on the bureau's table,
    /// findings.xlsx and the ZIP. A unit's own always does; the bureau's
    /// upload for a unit only when the administrator chose so.
    package var official: Bool = true
    /// When the bureau returned it for revision (nil: not returned), with
    /// the bureau's comment and who returned it. The unit's next
    /// submission is a new row, so the unit stands 已退回 until then.
    package var returnedAt: Double? = nil
    package var returnComment: String? = nil
    package var returnedBy: String? = nil
    /// The forms as their layouts draw them (`[FormShape]` as JSON), made
    /// on a render worker when it was submitted; nil for an older row.
    package var shapeJSON: String? = nil

    /// Whether the bureau (an administrator) handed it in.
    package var byBureau: Bool { submittedBy?.hasPrefix("admin:") == true }

    package var sheets: [StoredSheet]? {
        gridJSON.flatMap { try? JSONDecoder().decode([StoredSheet].self, from: Data($0.utf8)) }
    }

    package var shapes: [FormShape] {
        shapeJSON.flatMap { try? JSONDecoder().decode([FormShape].self, from: Data($0.utf8)) } ?? []
    }

    package var findings: [StoredFinding] {
        (try? JSONDecoder().decode([StoredFinding].self, from: Data(findingsJSON.utf8))) ?? []
    }

    package var inputKind: InputKind { InputKind(rawValue: kind) ?? .pasted }

    /// The unit the bureau files it under: the account, else the forms' name.
    package var filedUnder: String { owner ?? unitName ?? "（未识别的单位）" }

    package var status: UnitStatus {
        if returnedAt != nil { return .returned }
        if readError != nil || errors > 0 { return .errors }
        return warnings > 0 ? .warnings : .clean
    }
}

/// A workbook's sheet as its page draws it, kept with the submission so
/// that a view never imports the workbook again.
package struct StoredSheet: Sendable, Codable, Equatable {
    package struct Cell: Sendable, Codable, Equatable {
        package var row: Int
        package var column: Int
        package var text: String
    }

    package var name: String
    package var cells: [Cell]
}

/// A row of `renderedFile`.
package struct RenderedFileRecord: Sendable, Codable, FetchableRecord, PersistableRecord, Equatable {
    package static let databaseTableName = "renderedFile"
    package var submission: Int64
    package var generation: Int
    package var position: Int
    /// pdf, ps, png (a page preview) or combined.
    package var role: String
    package var downloadName: String
    package var storedPath: String
    package var sha256: String
    package var bytes: Int
    package var pages: Int
}

/// A unit's standing on the bureau's table.
package enum UnitStatus: Int, Sendable, Comparable, CaseIterable {
    case errors, notSubmitted, returned, warnings, clean

    package static func < (a: UnitStatus, b: UnitStatus) -> Bool { a.rawValue < b.rawValue }

    package func name(_ language: Language) -> String {
        switch (self, language) {
        case (.notSubmitted, .chinese): "未提交"
        case (.returned, .chinese): "已退回"
        case (.errors, .chinese): "有错误"
        case (.warnings, .chinese): "有警告"
        case (.clean, .chinese): "通过"
        case (.notSubmitted, .english): "not submitted"
        case (.returned, .english): "returned"
        case (.errors, .english): "errors"
        case (.warnings, .english): "warnings"
        case (.clean, .english): "clean"
        }
    }

    package var cssClass: String {
        switch self {
        case .notSubmitted: "missing"
        case .returned: "returned"
        case .errors: "error"
        case .warnings: "warning"
        case .clean: "clean"
        }
    }
}

/// A row of `unit`: a unit the bureau expects.
package struct RosterUnit: Sendable, Codable, FetchableRecord, PersistableRecord, Equatable {
    package static let databaseTableName = "unit"
    package var name: String
    package var supervisor: String?
    package var codeHash: String?
    package var onRoster: Bool
}
