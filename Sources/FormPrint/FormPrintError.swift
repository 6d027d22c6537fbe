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
    /// A file that would be written outside the output folder (or through
    /// a symbolic link inside it): refused.
    case outsideOutputFolder(String, reason: String)

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
        case .outsideOutputFolder(let path, let reason):
            "error: refusing to write \(path): \(reason); nothing is written outside the output folder"
        }
    }
}
