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

#endif
