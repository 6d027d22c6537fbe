internal import CCairoPango
import Foundation
import Layout

/// One cell of a page as a minimal Cairo + Pango program draws it: a
/// ruled rectangle and its text, wrapped by Pango at the cell's width.
public struct DirectCell: Sendable {
    public var frame: Rect
    public var text: String
    public var font: FontSpec
    public var align: HorizontalAlignment
    public var padding: Length

    public init(frame: Rect, text: String, font: FontSpec, align: HorizontalAlignment, padding: Length) {
        self.frame = frame
        self.text = text
        self.font = font
        self.align = align
        self.padding = padding
    }
}

/// The benchmark's floor: the same page drawn the way a small hand-written
/// Cairo + Pango program would — no layout engine, Pango's own wrapping,
/// one PDF per call — over the same fonts. FormPrint's time per form is
/// reported as a ratio to this.
public final class DirectDrawer {
    private let configuration: FontConfiguration
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer

    public init(fonts: FontLibrary) throws(RenderError) {
        configuration = try FontConfiguration(fonts)
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            throw RenderError.cairo("Pango has no FreeType font map")
        }
        fontMap = map
        formprint_font_map_set_config(map, configuration.config)
        guard let context = pango_font_map_create_context(map) else { throw RenderError.cairo("pango_font_map_create_context failed") }
        self.context = context
        pango_cairo_context_set_resolution(context, 72)
    }

    deinit {
        formprint_object_unref(UnsafeMutableRawPointer(context))
        formprint_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    public func pdf(size: Size, cells: [DirectCell]) -> Data {
        final class Sink { var data = Data() }
        let sink = Sink()
        let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue().data.append(bytes!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), size.width.points, size.height.points)!
        let cr = cairo_create(surface)!
        pango_cairo_update_context(cr, context)
        cairo_set_line_width(cr, 0.5)
        let layout = pango_layout_new(context)!
        for cell in cells {
            cairo_rectangle(cr, cell.frame.minX.points, cell.frame.minY.points, cell.frame.size.width.points, cell.frame.size.height.points)
            cairo_stroke(cr)
            guard !cell.text.isEmpty else { continue }
            let description = pango_font_description_from_string(FontLibrary.families(cell.font.family))!
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
        formprint_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return withExtendedLifetime(sink) { sink.data }
    }
}
