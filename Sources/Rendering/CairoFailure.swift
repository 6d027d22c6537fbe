internal import CCairoPango

/// What the drawing libraries (cairo, Pango, fontconfig) were doing when
/// they failed: the file being written, the step, and cairo's status —
/// kept as values, so that the message names the right format and a test
/// can ask which status it was.
package struct CairoFailure: Sendable, Equatable {
    /// The file being written; nil while the fonts are set up, before any.
    package var format: DrawnFormat?
    /// The failing call or step, in the libraries' own words
    /// ("pango_layout_new", "finishing the surface").
    package var step: String
    /// cairo's status; nil where the call returned no object and no status
    /// (out of memory, in practice).
    package var status: CairoStatus?

    package init(format: DrawnFormat?, step: String, status: CairoStatus? = nil) {
        self.format = format
        self.step = step
        self.status = status
    }

    /// The step and status as the libraries report them (not translated).
    package var detail: String { status.map { "\(step): \($0)" } ?? step }
}

/// The formats cairo draws.
package enum DrawnFormat: String, Sendable, Equatable {
    case pdf = "PDF"
    case postScript = "PostScript"
    case png = "PNG"
    case svg = "SVG"
}

/// A `cairo_status_t`, with cairo's own words for it (taken when it is
/// made, so that the C type stays inside this module).
package struct CairoStatus: Sendable, Equatable, CustomStringConvertible {
    /// cairo's number for the status (`CAIRO_STATUS_NO_MEMORY` is 1).
    package var code: Int
    /// cairo's sentence ("out of memory", "invalid value for size").
    package var description: String

    package init(code: Int, description: String) {
        self.code = code
        self.description = description
    }

    init(_ status: cairo_status_t) {
        self.init(code: Int(status.rawValue), description: String(cString: cairo_status_to_string(status)))
    }
}
