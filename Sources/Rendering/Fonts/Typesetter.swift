internal import CCairoPango
import Foundation
import Layout

/// A Pango font map and context over the bundled fonts, owned by one render
/// job (Pango's font maps are not thread-safe). Measures text for the layout
/// engine and sets it for the drawing fold, with the same font options, so
/// what was measured is what is drawn.
public final class Typesetter: TextMeasurer {
    private let configuration: FontConfiguration
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    private let layout: OpaquePointer
    private var descriptions: [FontSpec: OpaquePointer] = [:]
    private var advances: [FontSpec: [Character: Length]] = [:]

    public init(fonts: FontLibrary) throws(RenderError) {
        configuration = try FontConfiguration.shared(fonts)
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            throw RenderError.cairo("Pango has no FreeType font map")
        }
        fontMap = map
        formprint_font_map_set_config(map, configuration.config)
        guard let context = pango_font_map_create_context(map) else { throw RenderError.cairo("pango_font_map_create_context failed") }
        self.context = context
        // 1 Pango point = 1 PDF unit; unhinted metrics so that widths do not
        // depend on a device resolution.
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        // Pango rounds glyph positions to whole units by default, which at
        // 72 units per inch turns a 10.5pt advance into 11pt.
        pango_context_set_round_glyph_positions(context, 0)
        layout = pango_layout_new(context)
    }

    /// The font files this typesetter may use (bundled, and with
    /// `FontFallback.system` the system's).
    var fontFiles: [String] { configuration.fontFiles }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        formprint_object_unref(UnsafeMutableRawPointer(layout))
        formprint_object_unref(UnsafeMutableRawPointer(context))
        formprint_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    func description(_ font: FontSpec) -> OpaquePointer {
        if let cached = descriptions[font] { return cached }
        let description = pango_font_description_from_string(FontLibrary.families(font.family, fallback: configuration.fallback))!
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_size(description, Int32((font.size.points * Double(PANGO_SCALE)).rounded()))
        descriptions[font] = description
        return description
    }

    /// Sets `text` on the shared layout, with letter spacing `spacing`.
    func prepare(_ layout: OpaquePointer, _ text: String, _ font: FontSpec, spacing: Length) {
        pango_layout_set_font_description(layout, description(font))
        if spacing == .zero {
            pango_layout_set_attributes(layout, nil)
        } else {
            let attributes = pango_attr_list_new()
            pango_attr_list_insert(attributes, pango_attr_letter_spacing_new(Int32((spacing.points * Double(PANGO_SCALE)).rounded())))
            pango_layout_set_attributes(layout, attributes)
            pango_attr_list_unref(attributes)
        }
        pango_layout_set_text(layout, text, -1)
    }

    func logicalWidth(_ layout: OpaquePointer) -> Length {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return .pt(Double(logical.width) / Double(PANGO_SCALE))
    }

    public func advance(of character: Character, font: FontSpec) throws(MeasureError) -> Length {
        let font = font.font(for: character)
        if let cached = advances[font]?[character] { return cached }
        prepare(layout, String(character), font, spacing: .zero)
        if pango_layout_get_unknown_glyphs_count(layout) > 0 && !Self.isInvisible(character) {
            throw .missingGlyphs([character])
        }
        let advance = logicalWidth(layout) + font.tracking
        advances[font, default: [:]][character] = advance
        return advance
    }

    public func width(of text: String, font: FontSpec) throws(MeasureError) -> Length {
        if font.latinFamily != nil && text.contains(where: FontSpec.isLatin) {
            // Mixed text: each stretch in its own font, as the composer draws it.
            var total = Length.zero
            var stretch = ""
            var stretchFont = font.font(for: text.first!)
            for character in text {
                let characterFont = font.font(for: character)
                if characterFont != stretchFont {
                    total += try width(of: stretch, font: stretchFont)
                    stretch = ""
                    stretchFont = characterFont
                }
                stretch.append(character)
            }
            return total + (stretch.isEmpty ? .zero : try width(of: stretch, font: stretchFont))
        }
        prepare(layout, text, font, spacing: .zero)
        if pango_layout_get_unknown_glyphs_count(layout) > 0 {
            var missing: [Character] = []
            for character in text where !missing.contains(character) {
                do { _ = try advance(of: character, font: font) } catch { missing.append(character) }
            }
            if !missing.isEmpty { throw .missingGlyphs(missing) }
        }
        return logicalWidth(layout) + font.tracking * Double(text.count)
    }

    /// Characters that legitimately have no glyph (line and paragraph
    /// controls Pango draws as nothing).
    static func isInvisible(_ character: Character) -> Bool {
        character == "\n" || character == "\r" || character == "\t"
    }
}
