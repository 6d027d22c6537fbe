package import CCairoPango
import Foundation

/// The one owner of a cairo surface and its drawing context: destroyed in
/// `deinit`, status checked after creation and after `finish`. Surfaces
/// that stream (PDF, PostScript, SVG) collect their bytes in `sink`; a
/// failure names the surface's format and cairo's status.
/// (`package` for the benchmark's direct-drawing floor.)
package final class CairoSurface {
    let surface: OpaquePointer
    package let cr: OpaquePointer
    package let sink: ByteSink
    package let format: DrawnFormat

    /// `create` makes the surface, streaming into the sink it is given.
    package init(_ format: DrawnFormat, sink: ByteSink = ByteSink(), create: (ByteSink) -> OpaquePointer?) throws(RenderError) {
        guard let surface = create(sink) else { throw RenderError.cairo(CairoFailure(format: format, step: "creating the surface")) }
        // cairo_create returns an object in an error state rather than NULL,
        // except when memory runs out.
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw RenderError.cairo(CairoFailure(format: format, step: "creating the drawing context"))
        }
        self.surface = surface
        self.sink = sink
        self.cr = cr
        self.format = format
        try check(cairo_surface_status(surface), "creating the surface")
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Finishes the surface (flushing every byte into the sink) and checks
    /// both the drawing and the surface status.
    package func finish() throws(RenderError) {
        try check(cairo_status(cr), "drawing")
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "finishing the surface")
    }

    /// Throws `status` with this surface's format, unless it is success.
    func check(_ status: cairo_status_t, _ step: String) throws(RenderError) {
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(CairoFailure(format: format, step: step, status: CairoStatus(status))) }
    }

    /// The write function cairo's stream surfaces call with each chunk;
    /// `closure` is the sink, passed unretained (the surface's owner keeps
    /// it alive).
    package static let write: cairo_write_func_t = { closure, bytes, length in
        let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
        sink.data.append(bytes!, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}

/// Collects the bytes cairo streams out.
package final class ByteSink {
    package var data = Data()

    init() {}

    package var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
