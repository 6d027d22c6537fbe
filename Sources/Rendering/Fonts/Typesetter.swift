internal import CCairoPango
import Foundation
import Layout

/// A Pango font map and context over the bundled fonts, owned by one render
/// job (Pango's font maps are not thread-safe). Measures text for the layout
/// engine and sets it for the drawing fold, with the same font options, so
/// what was measured is what is drawn.
package final class Typesetter: TextMeasurer {
    private let configuration: FontConfiguration
    // One owner per C object: each is released by its owner, also when
    // `init` throws after making it.
    private let fontMapReference: GObjectReference
    private let contextReference: GObjectReference
    private let layoutReference: GObjectReference
    /// (`package` for the benchmark's direct-drawing floor, which draws
    /// with Pango over the same fonts.)
    package var context: OpaquePointer { OpaquePointer(contextReference.pointer) }
    private var layout: OpaquePointer { OpaquePointer(layoutReference.pointer) }
    /// One font description per family; `description(_:)` sets its weight
    /// and size before each use (a layout copies what it is given).
    private let families: FamilyDescriptions
    private var advances: [FontSpec: AdvanceTable] = [:]
    /// The table of the font measured last: text is measured a cell at a
    /// time, so consecutive characters almost always share a font, and
    /// comparing two fonts is cheaper than hashing one.
    private var recent: (font: FontSpec, table: AdvanceTable)?

    package init(fonts: FontLibrary) throws(RenderError) {
        configuration = try FontConfiguration.shared(fonts)
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            throw RenderError.cairo(CairoFailure(format: nil, step: "Pango has no FreeType font map"))
        }
        fontMapReference = GObjectReference(UnsafeMutableRawPointer(map))
        formprint_font_map_set_config(map, configuration.config)
        guard let context = pango_font_map_create_context(map) else { throw RenderError.cairo(CairoFailure(format: nil, step: "pango_font_map_create_context")) }
        contextReference = GObjectReference(UnsafeMutableRawPointer(context))
        // 1 Pango point = 1 PDF unit; unhinted metrics so that widths do not
        // depend on a device resolution.
        pango_cairo_context_set_resolution(context, 72)
        guard let options = cairo_font_options_create() else { throw RenderError.cairo(CairoFailure(format: nil, step: "cairo_font_options_create")) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        // Pango rounds glyph positions to whole units by default, which at
        // 72 units per inch turns a 10.5pt advance into 11pt.
        pango_context_set_round_glyph_positions(context, 0)
        guard let layout = pango_layout_new(context) else { throw RenderError.cairo(CairoFailure(format: nil, step: "pango_layout_new")) }
        layoutReference = GObjectReference(UnsafeMutableRawPointer(layout))
        families = try FamilyDescriptions(fallback: configuration.fallback)
    }

    /// The font files this typesetter may use (bundled, and with
    /// `FontFallback.system` the system's).
    var fontFiles: [String] { configuration.fontFiles }

    func description(_ font: FontSpec) -> OpaquePointer {
        let description = families[font.family]
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_size(description, Int32((font.size.points * Double(PANGO_SCALE)).rounded()))
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

    package func advance(of character: Character, font: FontSpec) throws(MeasureError) -> Length {
        let font = font.font(for: character)
        let table: AdvanceTable
        if let recent, recent.font == font {
            table = recent.table
        } else {
            table = advances[font] ?? AdvanceTable()
            advances[font] = table
            recent = (font, table)
        }
        if let cached = table[character] { return cached }
        prepare(layout, String(character), font, spacing: .zero)
        if pango_layout_get_unknown_glyphs_count(layout) > 0 && !Self.isInvisible(character) {
            throw .missingGlyphs([character])
        }
        // A character the cell's face (and its declared fallbacks) lacks is
        // missing, even when fontconfig finds it in another bundled face: a
        // 楷体 character inside a 宋体 cell is a changed face, not a glyph.
        if !character.isASCII, !families.keeps(font.family, in: layout) {
            throw .missingGlyphs([character])
        }
        let advance = logicalWidth(layout) + font.tracking
        table[character] = advance
        return advance
    }

    /// Measures the characters of `text` that are not measured yet in one
    /// shaping pass, instead of one Pango layout per character: a fresh
    /// process meets every character for the first time.
    package func prepare(_ text: String, font: FontSpec) {
        // Only characters outside ASCII: Western letters kern against their
        // neighbours, so an advance measured in context could differ from
        // the same letter measured alone, and the output would depend on
        // which text came first. Chinese characters and punctuation do not.
        // Non-ASCII characters all take `font` itself (the Latin family is
        // for ASCII), so one table lookup serves the whole text.
        guard let table = advances[font] else {
            let missing = String(text.filter { !$0.isASCII })
            if missing.count > 1 { measureClusters(missing, font) }
            return
        }
        var missing = ""
        for character in text where !character.isASCII && table[character] == nil { missing.append(character) }
        if missing.count > 1 { measureClusters(missing, font) }
    }

    /// Lines already broken, by text, font and width: a batch prints the
    /// same labels (一级指标, 年初预算数, 产出指标 …) on every form. Cleared
    /// when it grows large, so memory stays flat over a long batch.
    private var brokenLines: [LineKey: [TextLine]] = [:]
    private struct LineKey: Hashable {
        var text: String
        var font: FontSpec
        var width: Length
    }

    package func lines(of text: String, font: FontSpec, width: Length) throws(MeasureError) -> [TextLine] {
        let key = LineKey(text: text, font: font, width: width)
        if let lines = brokenLines[key] { return lines }
        let lines = try breakLines(text, font: font, width: width)
        if brokenLines.count >= 20_000 { brokenLines.removeAll(keepingCapacity: true) }
        brokenLines[key] = lines
        return lines
    }

    /// How many characters of `font` have been measured (for tests).
    func measuredCount(_ font: FontSpec) -> Int { advances[font]?.count ?? 0 }

    /// Fills the font's table from the clusters of `text` set on one line;
    /// a cluster of more than one character (a ligature) is left to the
    /// one-by-one path, and so is text with a missing glyph.
    private func measureClusters(_ text: String, _ font: FontSpec) {
        prepare(layout, text, font, spacing: .zero)
        guard pango_layout_get_unknown_glyphs_count(layout) == 0, families.keeps(font.family, in: layout),
              let iterator = pango_layout_get_iter(layout) else { return }
        defer { pango_layout_iter_free(iterator) }
        // Each character's UTF-8 offset, to match clusters to characters.
        var characterAt: [Int: (character: Character, end: Int)] = [:]
        var offset = 0
        for character in text {
            let length = character.utf8.count
            characterAt[offset] = (character, offset + length)
            offset += length
        }
        let table = advances[font] ?? AdvanceTable()
        advances[font] = table
        var clusters: [(start: Int, width: Length)] = []
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_cluster_extents(iterator, nil, &logical)
            clusters.append((Int(pango_layout_iter_get_index(iterator)), .pt(Double(logical.width) / Double(PANGO_SCALE))))
        } while pango_layout_iter_next_cluster(iterator) != 0
        for (index, cluster) in clusters.enumerated() {
            let end = index + 1 < clusters.count ? clusters[index + 1].start : offset
            guard let entry = characterAt[cluster.start], entry.end == end, table[entry.character] == nil else { continue }
            table[entry.character] = cluster.width + font.tracking
        }
    }

    package func width(of text: String, font: FontSpec) throws(MeasureError) -> Length {
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
        if pango_layout_get_unknown_glyphs_count(layout) > 0 || !families.keeps(font.family, in: layout) {
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

/// One font's measured advances, by character. A character of one scalar
/// (nearly all) is looked up by its code point: hashing a `Character`
/// hashes a string, and that was most of the cost of measuring.
final class AdvanceTable {
    private var scalars: [UInt32: Length] = [:]
    private var clusters: [Character: Length] = [:]

    var count: Int { scalars.count + clusters.count }

    subscript(character: Character) -> Length? {
        get {
            let view = character.unicodeScalars
            if view.count == 1 { return scalars[view.first!.value] }
            return clusters[character]
        }
        set {
            let view = character.unicodeScalars
            if view.count == 1 { scalars[view.first!.value] = newValue } else { clusters[character] = newValue }
        }
    }
}

/// A Pango font description for each family, made once per typesetter.
private struct FamilyDescriptions {
    // Owned, so that a description made before a later one fails is freed.
    private let song, fang, hei, kai: FontDescriptionOwner
    /// The families each role may be set in (its face and declared
    /// fallbacks); none with `FontFallback.system`, where any face may.
    private let families: [FontFamily: String]

    /// Whether every run of `layout` is set in a face `family` may use.
    func keeps(_ family: FontFamily, in layout: OpaquePointer) -> Bool {
        guard let allowed = families[family] else { return true }
        return formprint_layout_faces_within(layout, allowed) != 0
    }

    init(fallback: FontFallback) throws(RenderError) {
        var families: [FontFamily: String] = [:]
        if fallback == .none {
            for family in FontFamily.allCases { families[family] = FontLibrary.families(family, fallback: fallback) }
        }
        self.families = families
        func make(_ family: FontFamily) throws(RenderError) -> FontDescriptionOwner {
            guard let description = pango_font_description_from_string(FontLibrary.families(family, fallback: fallback)) else {
                throw RenderError.cairo(CairoFailure(format: nil, step: "pango_font_description_from_string"))
            }
            return FontDescriptionOwner(description)
        }
        song = try make(.song)
        fang = try make(.fang)
        hei = try make(.hei)
        kai = try make(.kai)
    }

    subscript(family: FontFamily) -> OpaquePointer {
        switch family {
        case .song: song.description
        case .fang: fang.description
        case .hei: hei.description
        case .kai: kai.description
        }
    }
}
