import Evaluation
import Foundation
import InputReading

/// Errors of the facade: missing resources, layout selection, files that
/// cannot be read or written. Errors of input files and layout are their
/// own types (`InputFileError`, `LayoutError`, `LayoutFailure`). `message`
/// is the type's catalogue of sentences, in Chinese and English; a reason
/// from the system is FormPrint's own sentence (`SystemReason`).
public enum FormPrintError: Error, Sendable, HasMessage {
    case resourcesMissing(Resource)
    case unreadableLayouts(String, Message)
    /// `at` is where the unit file chose the layout; nil for a choice on
    /// the command line.
    case unknownLayout(String, kind: DocumentKind, available: [String], at: String? = nil)
    case layoutForWrongDocument(String, expected: DocumentKind, actual: DocumentKind, at: String? = nil)
    case layoutFailed(document: String, file: String, reason: Message)
    case writeFailed(String, Message)
    case inputMissing(String)
    case unreadableInput(String, Message)
    case unreadableList(String, Message)
    case badShard(String)
    case unreadableSummary(String, Message)
    /// A file that would be written outside the output folder (or through
    /// a symbolic link inside it): refused.
    case outsideOutputFolder(String, reason: Message)
    case unwritableReport(Message)
    case unreadableRoster(String, Message)
    /// `SOURCE_DATE_EPOCH` that is not whole seconds from 1970 to 9999.
    case badSourceDateEpoch(String)
    /// A batch whose arguments hold no unit file.
    case noUnitFiles([String])

    /// FormPrint's own data folders, found beside the program or through
    /// an environment variable.
    public enum Resource: Sendable, Equatable {
        case fonts, layouts, scoring
        /// The folder was found but could not be listed.
        case unlistable(folder: String, reason: Message)
        /// What the benchmark harness (FormPrint/Bench, scaffolding that is
        /// moving to its own target) could not find; said as it wrote it.
        case described(String)

        var message: Message {
            switch self {
            case .fonts: Message(chinese: "Fonts/（请把 FORMPRINT_FONTS 设为FormPrint的Fonts文件夹）", english: "Fonts/ (set FORMPRINT_FONTS to FormPrint's Fonts folder)")
            case .layouts: Message(chinese: "Layouts/（请把 FORMPRINT_LAYOUTS 设为FormPrint的Layouts文件夹）", english: "Layouts/ (set FORMPRINT_LAYOUTS to FormPrint's Layouts folder)")
            case .scoring: Message(chinese: "Scoring/（请把 FORMPRINT_SCORING 设为FormPrint的Scoring文件夹）", english: "Scoring/ (set FORMPRINT_SCORING to FormPrint's Scoring folder)")
            case .unlistable(let folder, let reason): Message(chinese: "\(folder)（\(reason.chinese)）", english: "\(folder) (\(reason.english))")
            case .described(let text): Message(chinese: text, english: text)
            }
        }
    }

    public var message: Message {
        switch self {
        case .resourcesMissing(let what):
            .error(at: nil, chinese: "找不到FormPrint的数据文件夹\(what.message.chinese)", english: "FormPrint's data folder \(what.message.english) was not found")
        case .unreadableLayouts(let path, let reason):
            .error(at: nil, chinese: "无法读取表样文件夹\(path)：\(reason.chinese)", english: "cannot read the layouts folder \(path): \(reason.english)")
        case .unknownLayout(let id, let kind, let available, let place):
            .error(at: place, chinese: "\(kind.chineseName)没有表样“\(id)”；可用的有：\(available.joined(separator: "、"))（见 `formprint layouts list`）",
                   english: "no layout '\(id)' for the \(kind.chineseName); available: \(available.joined(separator: ", ")) (see `formprint layouts list`)")
        case .layoutForWrongDocument(let id, let expected, let actual, let place):
            .error(at: place, chinese: "表样“\(id)”用于\(actual.chineseName)，不是\(expected.chineseName)",
                   english: "layout '\(id)' is for the \(actual.chineseName), not the \(expected.chineseName)")
        case .layoutFailed(let document, let file, let reason):
            .error(at: file, chinese: "\(document)：\(reason.chinese)", english: "\(document): \(reason.english)")
        case .writeFailed(let path, let reason):
            .error(at: nil, chinese: "无法写入\(path)：\(reason.chinese)", english: "cannot write \(path): \(reason.english)")
        case .unreadableInput(let path, let reason):
            .error(at: path, chinese: "无法读取单位文件：\(reason.chinese)", english: "cannot read the unit file: \(reason.english)")
        case .inputMissing(let path):
            .error(at: path, chinese: SystemReason.message(errno: ENOENT).chinese, english: SystemReason.message(errno: ENOENT).english)
        case .unreadableList(let path, let reason):
            .error(at: path, chinese: "无法读取列表文件：\(reason.chinese)", english: "cannot read the list file: \(reason.english)")
        case .unreadableSummary(let path, let reason):
            .error(at: path, chinese: "无法读取汇总：\(reason.chinese)", english: "cannot read the summary: \(reason.english)")
        case .badShard(let text):
            .error(at: nil, chinese: "--shard 的格式是 K/N，且 1 ≤ K ≤ N（例如 2/8）；收到的是“\(text)”",
                   english: "--shard takes K/N with 1 ≤ K ≤ N (e.g. 2/8); got '\(text)'")
        case .outsideOutputFolder(let path, let reason):
            .error(at: nil, chinese: "拒绝写入\(path)：\(reason.chinese)；输出文件夹之外什么都不写",
                   english: "refusing to write \(path): \(reason.english); nothing is written outside the output folder")
        case .unwritableReport(let reason):
            .error(at: nil, chinese: "无法写出问题清单：\(reason.chinese)", english: "cannot write the findings report: \(reason.english)")
        case .unreadableRoster(let path, let reason):
            .error(at: path,
                   chinese: "无法读取应报单位名单：\(reason.chinese)；请每行写一个单位名称（.txt），或写在.xlsx/.xls工作表的第一列",
                   english: "cannot read the roster of expected units: \(reason.english); give one unit name per line (.txt) or in the first column of an .xlsx/.xls sheet")
        case .noUnitFiles(let arguments):
            .error(at: nil,
                   chinese: "在\(arguments.joined(separator: "、"))中没有找到单位文件（.yaml、.yml、.json）、工作簿（.xlsx、.xls）、Word文档（.docx）或粘贴的表格（.txt、.tsv）：请给出各单位的文件夹或文件",
                   english: "no unit files (.yaml, .yml, .json), workbooks (.xlsx, .xls), Word documents (.docx) or pasted tables (.txt, .tsv) in \(arguments.joined(separator: ", ")): give the folders or files of the units")
        case .badSourceDateEpoch(let text):
            .error(at: nil,
                   chinese: "SOURCE_DATE_EPOCH='\(text)' 不是以秒计的时间戳：请写0到\(SourceDateEpoch.latest)之间的整秒数（例如 `date +%s` 或 `git log -1 --format=%ct`；以毫秒计的值多了三位数字），或取消设置",
                   english: "SOURCE_DATE_EPOCH='\(text)' is not a time in seconds since 1970-01-01 UTC: write whole seconds from 0 to \(SourceDateEpoch.latest) "
                       + "(e.g. `date +%s`, or `git log -1 --format=%ct`; a value in milliseconds has three digits too many), or unset it")
        }
    }
}

extension FormPrintError.Resource: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .described(value) }
}

extension FormPrintError {
    /// A layout choice's error at the place the unit file made the choice.
    func located(at place: String) -> FormPrintError {
        switch self {
        case .unknownLayout(let id, let kind, let available, _): .unknownLayout(id, kind: kind, available: available, at: place)
        case .layoutForWrongDocument(let id, let expected, let actual, _): .layoutForWrongDocument(id, expected: expected, actual: actual, at: place)
        default: self
        }
    }
}
