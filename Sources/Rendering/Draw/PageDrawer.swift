internal import CCairoPango
import Layout

/// The drawing fold shared by every surface (PDF, PostScript, PNG, SVG):
/// one exhaustive switch over draw items. Every layout decision has been
/// made upstream; a surface only chooses where the strokes and glyphs go.
struct PageDrawer {
    let typesetter: Typesetter
    /// The file drawn, named in a failure.
    let format: DrawnFormat

    func draw(_ page: Page, on cr: OpaquePointer) throws(RenderError) {
        pango_cairo_update_context(cr, typesetter.context)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        guard let layout = pango_layout_new(typesetter.context) else { throw RenderError.cairo(CairoFailure(format: format, step: "pango_layout_new")) }
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
                formprint_line_join_variation_selectors(line)
                if run.angle == 0 && run.gray == 0 && run.opacity == 1 {
                    cairo_move_to(cr, run.origin.x.points, run.origin.y.points)
                    pango_cairo_show_layout_line(cr, line)
                } else {
                    cairo_save(cr)
                    cairo_set_source_rgba(cr, run.gray, run.gray, run.gray, run.opacity)
                    cairo_translate(cr, run.origin.x.points, run.origin.y.points)
                    cairo_rotate(cr, run.angle * Double.pi / 180)
                    cairo_move_to(cr, 0, 0)
                    pango_cairo_update_context(cr, typesetter.context)
                    pango_cairo_show_layout_line(cr, line)
                    cairo_restore(cr)
                    pango_cairo_update_context(cr, typesetter.context)
                }
            }
        }
        strokePath()
    }
}
