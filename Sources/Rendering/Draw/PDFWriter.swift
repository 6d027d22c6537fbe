internal import CCairoPango
import Foundation
import Layout

/// Draws paged documents into PDF bytes. The drawing is a fold over draw
/// items; every layout decision has been made upstream.
public struct PDFWriter {
    let typesetter: Typesetter
    /// The creation date written into the PDF, so identical input gives
    /// identical bytes (cairo would otherwise write the current time).
    public var creationDate: Date
    public var creator: String

    public init(typesetter: Typesetter, creationDate: Date, creator: String) {
        self.typesetter = typesetter
        self.creationDate = creationDate
        self.creator = creator
    }

    public func pdf(_ document: PagedDocument) throws(RenderError) -> Data {
        let sink = ByteSink()
        let first = document.pages.first?.size ?? .a4Portrait
        let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
            sink.data.append(bytes!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), first.width.points, first.height.points)!
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "creating the PDF surface")
        setMetadata(surface, document.metadata)
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        for page in document.pages {
            cairo_pdf_surface_set_size(surface, page.size.width.points, page.size.height.points)
            draw(page, on: cr)
            cairo_show_page(cr)
        }
        try check(cairo_status(cr), "drawing")
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "finishing the PDF")
        return withExtendedLifetime(sink) { sink.data }
    }

    private func setMetadata(_ surface: OpaquePointer, _ metadata: DocumentMetadata) {
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, creator), (CAIRO_PDF_METADATA_CREATE_DATE, PDFDate.iso8601(creationDate)),
        ]
        for (key, value) in entries where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
    }

    func draw(_ page: Page, on cr: OpaquePointer) {
        pango_cairo_update_context(cr, typesetter.context)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        let layout = pango_layout_new(typesetter.context)!
        defer { formprint_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_save(cr)
        if let placement = page.transform.placement {
            // translation + rotate(scale × (p − origin)), as PageTransform.apply.
            cairo_translate(cr, placement.translation.x.points, placement.translation.y.points)
            cairo_rotate(cr, Double(placement.quarterTurns) * Double.pi / 2)
            cairo_scale(cr, placement.scale, placement.scale)
            cairo_translate(cr, -placement.origin.x.points, -placement.origin.y.points)
        }
        draw(page.items, layout: layout, on: cr)
        cairo_restore(cr)
        draw(page.overlay, layout: layout, on: cr)
    }

    private func draw(_ items: [DrawItem], layout: OpaquePointer, on cr: OpaquePointer) {
        // Consecutive rules of one width go into one path and one stroke:
        // cairo's PDF surface tracks the area of every drawing operation,
        // and a stroke per rule made that quadratic in the rules of a page.
        var pathWidth: Length?
        func strokePath() {
            if pathWidth != nil { cairo_stroke(cr) }
            pathWidth = nil
        }
        for item in items {
            switch item {
            case .line(let segment):
                if pathWidth != segment.width {
                    strokePath()
                    cairo_set_line_width(cr, segment.width.points)
                    pathWidth = segment.width
                }
                cairo_move_to(cr, segment.from.x.points, segment.from.y.points)
                cairo_line_to(cr, segment.to.x.points, segment.to.y.points)
            case .text(let run):
                strokePath()
                typesetter.prepare(layout, run.text, run.font, spacing: run.font.tracking + run.extraSpacing)
                guard let line = pango_layout_get_line_readonly(layout, 0) else { continue }
                cairo_move_to(cr, run.origin.x.points, run.origin.y.points)
                pango_cairo_show_layout_line(cr, line)
            }
        }
        strokePath()
    }

    private func check(_ status: cairo_status_t, _ step: String) throws(RenderError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cairo("\(step): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}

/// Collects the bytes cairo streams out.
private final class ByteSink {
    var data = Data()
}
