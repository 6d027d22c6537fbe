/// Failures of the rendering back end: missing fonts, a cairo, qpdf or OFD error.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    case fontsMissing(String)
    case cairo(String)
    /// qpdf could not read a document's PDF or write the combined one.
    case assembly(String)
    /// hb-subset or the ZIP writer failed on an OFD file.
    case ofd(String)

    public var description: String {
        switch self {
        case .fontsMissing(let places):
            "error: the bundled fonts were not found (looked in: \(places)); set FORMPRINT_FONTS to the Fonts/ folder of FormPrint"
        case .cairo(let message):
            "error: the PDF could not be written: \(message)"
        case .ofd(let message):
            "error: the OFD file could not be written (OFD 文件写入失败): \(message); the PDF is unaffected, leave out --format ofd to skip it"
        case .assembly(let message):
            "error: the combined PDF could not be assembled (合并 PDF 失败): \(message); the documents' own PDFs are unaffected, render without --combined (batch: --no-combined) to skip it"
        }
    }
}
