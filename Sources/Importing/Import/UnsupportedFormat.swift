import Evaluation

/// Office files FormPrint does not read, told apart before any parsing so
/// the person hears what the file is and how to save it in a format it reads.
package enum UnsupportedFormat: Sendable, Equatable {
    /// WPS 表格's own format (.et, .ett).
    case wpsSpreadsheet
    /// WPS 文字's own format (.wps, .wpt).
    case wpsDocument
    /// Word 97–2003 (.doc, .dot).
    case wordBinary
    /// Excel's binary workbook (.xlsb).
    case excelBinary
    /// OpenDocument spreadsheet (.ods) or text (.odt).
    case openDocumentSpreadsheet
    case openDocumentText
    case pdf

    /// By the file's suffix (lower case, no dot); nil for the formats read.
    static func bySuffix(_ suffix: String) -> UnsupportedFormat? {
        switch suffix {
        case "et", "ett": .wpsSpreadsheet
        case "wps", "wpt": .wpsDocument
        case "doc", "dot": .wordBinary
        case "xlsb": .excelBinary
        case "ods", "ots": .openDocumentSpreadsheet
        case "odt", "ott": .openDocumentText
        case "pdf": .pdf
        default: nil
        }
    }

    var message: Message {
        let spreadsheet = Message(chinese: "请在WPS表格或Excel中打开，另存为.xlsx（Excel 工作簿）后再导入",
                                  english: "open it in WPS 表格 or Excel and save it as .xlsx (Excel 工作簿), then import that")
        let document = Message(chinese: "请在WPS文字或Word中打开，另存为.docx（Word 文档）后再导入",
                               english: "open it in WPS 文字 or Word and save it as .docx (Word 文档), then import that")
        let (chinese, english, fix): (String, String, Message) = switch self {
        case .wpsSpreadsheet: ("WPS表格文件（.et）", "a WPS 表格 file (.et)", spreadsheet)
        case .wpsDocument: ("WPS文字文件（.wps）", "a WPS 文字 file (.wps)", document)
        case .wordBinary: ("旧版Word文档（.doc）", "an old Word document (.doc)", document)
        case .excelBinary: ("Excel二进制工作簿（.xlsb）", "an Excel binary workbook (.xlsb)", spreadsheet)
        case .openDocumentSpreadsheet: ("OpenDocument电子表格（.ods）", "an OpenDocument spreadsheet (.ods)", spreadsheet)
        case .openDocumentText: ("OpenDocument文本（.odt）", "an OpenDocument text (.odt)", document)
        case .pdf: ("PDF文件", "a PDF file",
                    Message(chinese: "PDF中的表格无法可靠读取：请使用原始工作簿（.xlsx/.xls）或Word文档（.docx），或把表格复制粘贴为文本后再导入",
                            english: "the tables in a PDF cannot be read reliably: import the original workbook (.xlsx/.xls) or Word document (.docx), or copy the table out and paste it as text"))
        }
        return Message(chinese: "这是\(chinese)，FormPrint不读取这种格式；\(fix.chinese)。",
                       english: "this is \(english), a format FormPrint does not read; \(fix.english).")
    }
}
