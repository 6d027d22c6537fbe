#!/usr/bin/env python3
"""Re-orders the glyphs of FormPrint's bundled faces so that their cmap is compact.

cairo 1.16 finds the Unicode value of every glyph it embeds by walking the
font's format-4 cmap (`_cairo_truetype_reverse_cmap`): first every segment
that maps a run of code points to a run of glyph ids by a constant delta,
then every other segment's glyph-id array, item by item. With the glyphs in
the order the upstream fonts have them, most segments of FormPrintFang are of
the second kind, and each glyph of a PDF costs a walk over the whole table.

Here each face's glyphs are put in the order of the code points that map to
them (.notdef first; glyphs no code point maps to, such as vertical forms,
after them in their old order). Every contiguous run of code points then maps
to a contiguous run of glyph ids, a delta segment, found in cairo's first
loop. Nothing else changes: the same outlines, advances, layout features and
code points (checked below, glyph by glyph), so pages look the same and their
text extracts the same; only the glyph ids inside the PDFs differ.

    .build/fonttools-venv/bin/python Scripts/fonts/reorder_glyphs.py Fonts/FormPrintSong-Regular.ttf …

Run by Scripts/fonts/reorder-glyphs.sh (fontTools from PyPI in a venv under
.build). Deterministic: the head table's timestamps are kept.
"""
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.reorderGlyphs import reorderGlyphs


def delta_segments(font):
    """Segments of the Windows Unicode BMP cmap, and how many of them are delta segments."""
    table = font["cmap"].getcmap(3, 1)
    ids = {name: index for index, name in enumerate(font.getGlyphOrder())}
    codes = sorted(table.cmap)
    segments = 1 + sum(1 for a, b in zip(codes, codes[1:]) if b != a + 1 or ids[table.cmap[b]] != ids[table.cmap[a]] + 1)
    return segments


def shapes(font):
    """Each code point's outline (as drawn) and advance: what must not change."""
    glyf, hmtx = font["glyf"], font["hmtx"]
    result = {}
    for code, name in font.getBestCmap().items():
        glyph = glyf[name]
        coordinates = glyph.getCoordinates(glyf)
        result[code] = (tuple(map(tuple, coordinates[0])), tuple(coordinates[1]), hmtx[name])
    return result


def reorder(path):
    font = TTFont(path, recalcTimestamp=False)
    before = shapes(font)
    old_order = font.getGlyphOrder()
    first_code = {}
    for code, name in sorted(font.getBestCmap().items()):
        first_code.setdefault(name, code)
    mapped = sorted((name for name in old_order[1:] if name in first_code), key=lambda name: first_code[name])
    unmapped = [name for name in old_order[1:] if name not in first_code]
    new_order = [old_order[0]] + mapped + unmapped
    segments_before = delta_segments(font)
    reorderGlyphs(font, new_order)
    font.save(path + ".tmp", reorderTables=True)
    reread = TTFont(path + ".tmp", recalcTimestamp=False)
    after = shapes(reread)
    if before != after:
        changed = [hex(code) for code in before if before[code] != after.get(code)][:10]
        raise SystemExit(f"{path}: outlines, advances or code points changed: {changed}")
    print(f"{path}: {len(new_order)} glyphs; cmap runs {segments_before} -> {delta_segments(reread)}; outlines and advances unchanged")
    import os
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    for path in sys.argv[1:]:
        reorder(path)
