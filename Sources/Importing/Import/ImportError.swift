import Evaluation

/// Why an input could not be imported, written for the person who has to
/// fix the file: what is wrong, where, and what to do.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case unreadable(String)
        /// Neither UTF-8, UTF-16 with a byte-order mark, nor GB18030.
        case unknownTextEncoding
        case binaryNotText
        /// Not a ZIP container, or a damaged one.
        case corruptWorkbook(String)
        /// An encrypted OLE container: a workbook saved with a password.
        case passwordProtectedWorkbook
        /// An OLE container without encryption: the old binary .xls format.
        case legacyExcelFormat
        case workbookTooLarge(String)
        /// A table's header lacks columns the form needs.
        case missingColumns(table: String, missing: [String], found: [String])
        /// Nothing in the file looks like one of the forms.
        case noRecognisableForm(details: [String])
        /// A second copy of a document that a unit has only once.
        case duplicateDocument(DocumentKind, first: ImportPlace)
        case unknownYear
        case unknownUnitName
        /// `--strict`: cells that fit nowhere.
        case unplacedCells([ImportNote])
        case unsupportedInput(String)
    }

    public var problem: Problem
    public var place: ImportPlace

    public init(_ problem: Problem, at place: ImportPlace) {
        self.problem = problem
        self.place = place
    }

    public var description: String {
        let at = "\(place): error: "
        switch problem {
        case .unreadable(let reason):
            return at + "cannot read the file: \(reason)."
        case .unknownTextEncoding:
            return at + "the text is neither UTF-8, UTF-16 (with a byte-order mark) nor GB18030; save it as UTF-8 text."
        case .binaryNotText:
            return at + "this is not a text file or workbook FormPrint can import (it holds binary data); import .txt/.tsv text or .xlsx workbooks."
        case .corruptWorkbook(let reason):
            return at + "the workbook is damaged or not an .xlsx file (\(reason)); open it in Excel or WPS and save it again as .xlsx."
        case .passwordProtectedWorkbook:
            return at + "the workbook is password-protected (encrypted); open it in Excel or WPS, remove the password (文件 → 信息 → 保护工作簿 → 用密码进行加密) and save it as .xlsx."
        case .legacyExcelFormat:
            return at + "this is an old binary Excel workbook (.xls); open it in Excel or WPS and save it as .xlsx (Excel 工作簿)."
        case .workbookTooLarge(let reason):
            return at + "the workbook is too large to be a self-evaluation form (\(reason))."
        case .missingColumns(let table, let missing, let found):
            let foundText = found.isEmpty ? "no column labels" : "only " + found.joined(separator: ", ")
            return at + "the \(table) header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (found \(foundText)); add the missing column\(missing.count == 1 ? "" : "s") with \(missing.count == 1 ? "its" : "their") label as in the official form."
        case .noRecognisableForm(let details):
            let detail = details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")"
            return at + "no recognisable form: expected a title such as 项目支出绩效自评表, 部门整体支出绩效自评表 or 部门整体支出绩效自评报告, or a first row labelled 项目名称 or 部门名称\(detail)."
        case .duplicateDocument(let kind, let first):
            return at + "a second \(kind.chineseName) (the first is at \(first.shortDescription)); a unit file holds one per unit — split the input into one file per unit."
        case .unknownYear:
            return at + "cannot tell the evaluated year: no title line like （2024年度） and no year such as 2024年 in a project or task name; pass --year YEAR."
        case .unknownUnitName:
            return at + "cannot tell the unit's name: no 部门名称 or 实施单位 was found; pass --unit NAME."
        case .unplacedCells(let notes):
            let list = notes.prefix(20).map { "\n  \($0)" }.joined()
            let more = notes.count > 20 ? "\n  … and \(notes.count - 20) more" : ""
            return at + "\(notes.count) cell\(notes.count == 1 ? "" : "s") fit no field of the recognised forms (--strict):\(list)\(more)\nMove them into the form's columns or delete them, or import without --strict to review them."
        case .unsupportedInput(let reason):
            return at + reason
        }
    }
}
