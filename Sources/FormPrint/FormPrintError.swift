import Evaluation

/// Errors of the facade: missing resources, layout selection. Errors of
/// input files and layout are their own types (`InputFileError`,
/// `LayoutError`, `LayoutFailure`).
public enum FormPrintError: Error, Sendable, CustomStringConvertible {
    case resourcesMissing(String)
    case unreadableLayouts(String, String)
    case unknownLayout(String, kind: DocumentKind, available: [String])
    case layoutForWrongDocument(String, expected: DocumentKind, actual: DocumentKind)
    case layoutFailed(document: String, file: String, reason: String)
    case writeFailed(String, String)
    case inputMissing(String)
    case unreadableInput(String, String)
    case unreadableList(String, String)
    case badShard(String)
    case unreadableSummary(String, String)
    /// A file that would be written outside the output folder (or through
    /// a symbolic link inside it): refused.
    case outsideOutputFolder(String, reason: String)
    case unwritableReport(String)
    case unreadableRoster(String, String)
    /// `SOURCE_DATE_EPOCH` that is not whole seconds from 1970 to 9999.
    case badSourceDateEpoch(String)
    /// A batch whose arguments hold no unit file.
    case noUnitFiles([String])

    public var description: String {
        switch self {
        case .resourcesMissing(let what):
            "error: FormPrint's data folder \(what) was not found"
        case .unreadableLayouts(let path, let reason):
            "error: cannot read the layouts folder \(path): \(reason)"
        case .unknownLayout(let id, let kind, let available):
            "error: no layout '\(id)' for the \(kind.chineseName); available: \(available.joined(separator: ", ")) (see `formprint layouts list`)"
        case .layoutForWrongDocument(let id, let expected, let actual):
            "error: layout '\(id)' is for the \(actual.chineseName), not the \(expected.chineseName)"
        case .layoutFailed(let document, let file, let reason):
            "\(file): error: \(document): \(reason)"
        case .writeFailed(let path, let reason):
            "error: cannot write \(path): \(reason)"
        case .unreadableInput(let path, let reason):
            "\(path): error: cannot read the unit file: \(reason)"
        case .inputMissing(let path):
            "error: no such file or folder: \(path)"
        case .unreadableList(let path, let reason):
            "error: cannot read the list file \(path): \(reason)"
        case .unreadableSummary(let path, let reason):
            "error: cannot read the summary \(path): \(reason)"
        case .badShard(let text):
            "error: --shard takes K/N with 1 ≤ K ≤ N (e.g. 2/8); got '\(text)'"
        case .outsideOutputFolder(let path, let reason):
            "error: refusing to write \(path): \(reason); nothing is written outside the output folder"
        case .unwritableReport(let reason):
            "error: cannot write the findings report: \(reason) 无法写出问题清单"
        case .unreadableRoster(let path, let reason):
            "\(path): error: cannot read the roster of expected units: \(reason); give one unit name per line (.txt) or in the first column of an .xlsx sheet 无法读取单位名单"
        case .noUnitFiles(let arguments):
            "error: no unit files (.yaml, .yml, .json), workbooks (.xlsx) or pasted tables (.txt, .tsv) in \(arguments.joined(separator: ", ")) / 没有找到单位文件: "
                + "give the folders or files of the units"
        case .badSourceDateEpoch(let text):
            "error: SOURCE_DATE_EPOCH='\(text)' 不是以秒计的时间戳 / is not a time in seconds since 1970-01-01 UTC: "
                + "write whole seconds from 0 to \(SourceDateEpoch.latest) (e.g. `date +%s`, or `git log -1 --format=%ct`; "
                + "a value in milliseconds has three digits too many), or unset it"
        }
    }
}
