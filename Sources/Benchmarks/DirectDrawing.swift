internal import CCairoPango
import FormPrint
import Foundation
import Layout
import Rendering

/// One cell of a page as a minimal Cairo + Pango program draws it: a
/// ruled rectangle and its text, wrapped by Pango at the cell's width.
package struct DirectCell: Sendable {
    package var frame: Rect
    package var text: String
    package var font: FontSpec
    package var align: HorizontalAlignment
    package var padding: Length

    package init(frame: Rect, text: String, font: FontSpec, align: HorizontalAlignment, padding: Length) {
        self.frame = frame
        self.text = text
        self.font = font
        self.align = align
        self.padding = padding
    }
}

/// The benchmark's floor: the same page drawn the way a small hand-written
/// Cairo + Pango program would — no layout engine, Pango's own wrapping,
/// one PDF per call — over the same fonts (the typesetter's Pango context,
/// so font configuration is not part of the comparison). FormPrint's time
/// per form is reported as a ratio to this. It is the one piece of the
/// package outside `Rendering` that calls Cairo: it measures Cairo itself.
/// Surfaces come from their owner in `Rendering` (`CairoSurface`), with
/// status checked.
package final class DirectDrawer {
    private let typesetter: Typesetter

    package init(fonts: FontLibrary) throws(RenderError) {
        typesetter = try Typesetter(fonts: fonts)
    }

    package func pdf(size: Size, cells: [DirectCell]) throws(RenderError) -> Data {
        let target = try CairoSurface(.pdf) { sink in
            cairo_pdf_surface_create_for_stream(CairoSurface.write, sink.closure, size.width.points, size.height.points)
        }
        let cr = target.cr
        pango_cairo_update_context(cr, typesetter.context)
        cairo_set_line_width(cr, 0.5)
        guard let layout = pango_layout_new(typesetter.context) else { throw RenderError.cairo(CairoFailure(format: .pdf, step: "pango_layout_new")) }
        defer { formprint_object_unref(UnsafeMutableRawPointer(layout)) }
        for cell in cells {
            cairo_rectangle(cr, cell.frame.minX.points, cell.frame.minY.points, cell.frame.size.width.points, cell.frame.size.height.points)
            cairo_stroke(cr)
            guard !cell.text.isEmpty else { continue }
            guard let description = pango_font_description_from_string(FontLibrary.families(cell.font.family)) else {
                throw RenderError.cairo(CairoFailure(format: .pdf, step: "pango_font_description_from_string"))
            }
            pango_font_description_set_weight(description, cell.font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
            pango_font_description_set_size(description, Int32(cell.font.size.points * Double(PANGO_SCALE)))
            pango_layout_set_font_description(layout, description)
            pango_font_description_free(description)
            let width = cell.frame.size.width - cell.padding * 2
            pango_layout_set_width(layout, Int32(width.points * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_alignment(layout, cell.align == .left ? PANGO_ALIGN_LEFT : cell.align == .right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER)
            pango_layout_set_text(layout, cell.text, -1)
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, nil, &logical)
            let textHeight = Double(logical.height) / Double(PANGO_SCALE)
            cairo_move_to(cr, (cell.frame.minX + cell.padding).points, cell.frame.minY.points + (cell.frame.size.height.points - textHeight) / 2)
            pango_cairo_show_layout(cr, layout)
        }
        try target.finish()
        return target.sink.data
    }
}
