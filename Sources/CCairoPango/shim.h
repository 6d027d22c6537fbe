#ifndef FORMPRINT_CCAIROPANGO_SHIM_H
#define FORMPRINT_CCAIROPANGO_SHIM_H

// The C surface FormPrint's Rendering module draws through: cairo with its
// PDF/PS/SVG back ends, Pango on cairo, and fontconfig for the private font
// configuration over Fonts/. Nothing outside Rendering imports this module.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
#include <zlib.h>
#include <string.h>
// HarfBuzz's subsetter embeds font subsets into OFD files.
#include <hb-subset.h>

// Function-like macros and GObject casts do not import into Swift; these
// static inline shims give them a typed C signature instead.

/// PangoCairoFontMap created for the FreeType/fontconfig back end is a
/// PangoFcFontMap; the cast macro (PANGO_FC_FONT_MAP) is not importable.
static inline void formprint_font_map_set_config(PangoFontMap *map, FcConfig *config) {
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
}

/// g_object_unref takes a gpointer; a named shim keeps call sites readable.
static inline void formprint_object_unref(void *object) {
    g_object_unref(object);
}

static inline int formprint_pango_scale(void) { return PANGO_SCALE; }

/// The file of the face Pango chose for a run (FC_FILE of its resolved
/// pattern), or NULL; the string belongs to the pattern, which the font
/// keeps. PANGO_FC_FONT is a cast macro, so this cannot be written in Swift.
static inline const char *formprint_font_file(PangoFont *font) {
    FcPattern *pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *file = NULL;
    if (pattern == NULL || FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch) return NULL;
    return (const char *)file;
}

/// Whether every run of `layout` is set in a face whose family is one of
/// `allowed` (", "-separated, as in a Pango font description): fontconfig
/// falls back to any face of the configuration for a character the named
/// families lack, and a character in another bundled face inside a 宋体
/// cell must not pass unnoticed. PangoLayoutRun's fields are C only.
static inline int formprint_layout_faces_within(PangoLayout *layout, const char *allowed) {
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    if (iter == NULL) return 1;
    int within = 1;
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (run == NULL || run->item == NULL || run->item->analysis.font == NULL) continue;
        PangoFontDescription *description = pango_font_describe(run->item->analysis.font);
        const char *family = description ? pango_font_description_get_family(description) : NULL;
        int found = 0;
        if (family != NULL) {
            size_t length = strlen(family);
            const char *cursor = allowed;
            while (*cursor) {
                const char *end = strstr(cursor, ", ");
                size_t part = end ? (size_t)(end - cursor) : strlen(cursor);
                if (part == length && strncmp(cursor, family, length) == 0) { found = 1; break; }
                if (!end) break;
                cursor = end + 2;
            }
        }
        if (description) pango_font_description_free(description);
        if (!found) { within = 0; break; }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    return within;
}

/// Joins each variation selector (U+FE00–FE0F, U+E0100–E01EF) that the
/// face has no variant for to the character before it. HarfBuzz shapes such
/// a selector as an empty glyph in a cluster of its own, and cairo then
/// writes its text as an ActualText span holding no glyph, which text
/// extraction drops: 葛󠄀 copied out of the PDF came back as 葛. In one
/// cluster with its base, cairo maps the base's glyph to both characters
/// (an ActualText span around it), as the OFD's text does. Only the line's
/// glyph clusters change (widths and breaks are already made), and only of
/// left-to-right runs, where clusters ascend.
static inline void formprint_line_join_variation_selectors(PangoLayoutLine *line) {
    const char *text = pango_layout_get_text(line->layout);
    for (GSList *node = line->runs; node != NULL; node = node->next) {
        PangoGlyphItem *run = node->data;
        if (run == NULL || run->item == NULL || (run->item->analysis.level % 2) != 0) continue;
        PangoGlyphString *glyphs = run->glyphs;
        for (int i = 1; i < glyphs->num_glyphs; i++) {
            if (glyphs->glyphs[i].glyph != PANGO_GLYPH_EMPTY) continue;
            if (glyphs->log_clusters[i] == glyphs->log_clusters[i - 1]) continue;
            gunichar scalar = g_utf8_get_char(text + run->item->offset + glyphs->log_clusters[i]);
            int selector = (scalar >= 0xFE00 && scalar <= 0xFE0F) || (scalar >= 0xE0100 && scalar <= 0xE01EF);
            if (selector) glyphs->log_clusters[i] = glyphs->log_clusters[i - 1];
        }
    }
}

#endif
