/// Failures of the rendering back end: missing fonts, a cairo error.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    case fontsMissing(String)
    case cairo(String)

    public var description: String {
        switch self {
        case .fontsMissing(let places):
            "error: the bundled fonts were not found (looked in: \(places)); set FORMPRINT_FONTS to the Fonts/ folder of FormPrint"
        case .cairo(let message):
            "error: the PDF could not be written: \(message)"
        }
    }
}
