#!/usr/bin/env python3
"""Build the CJK fonts bundled in Fonts/ from Debian bookworm font packages.

For each CFF-flavoured source (Noto Serif/Sans CJK SC, FandolFang):
  1. subset to the FormPrint character set (GBK + a few extra blocks, see
     ``target_codepoints``), dropping hinting and GSUB-only alternates
     (only kern/vertical/proportional features are kept);
  2. convert the CFF (cubic) outlines to TrueType 'glyf' (quadratic) outlines
     with fontTools cu2qu, following fontTools' Snippets/otf2ttf.py;
  3. fix up name/head tables and write the file with a fixed timestamp.

LXGW WenKai is copied unmodified (see README: its OFL Reserved Font Names
"LXGW"/"霞鹜" forbid keeping the family name on a Modified Version, so it is
not subset; it is TrueType already and carries no hinting instructions).

The output is deterministic: the same inputs and fontTools version produce
byte-identical files.  Timestamps come from SOURCE_DATE_EPOCH (default
1704067200 = 2024-01-01T00:00:00Z).

Usage: build_fonts.py [--out DIR] [--jobs N]
"""

import argparse
import gzip
import hashlib
import os
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import fontTools
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

NOTO_DIR = "/usr/share/fonts/opentype/noto"
FANDOL_DIR = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
LXGW_DIR = "/usr/share/fonts/truetype/lxgw-wenkai"

# out name -> source description
FONTS = [
    dict(out="FormPrintSong-Regular.ttf", pkg="fonts-noto-cjk",
         src=f"{NOTO_DIR}/NotoSerifCJK-Regular.ttc", face="Noto Serif CJK SC",
         style="Regular", mode="convert", licence="OFL-1.1"),
    dict(out="FormPrintSong-Bold.ttf", pkg="fonts-noto-cjk",
         src=f"{NOTO_DIR}/NotoSerifCJK-Bold.ttc", face="Noto Serif CJK SC",
         style="Bold", mode="convert", licence="OFL-1.1"),
    dict(out="FormPrintHei-Regular.ttf", pkg="fonts-noto-cjk",
         src=f"{NOTO_DIR}/NotoSansCJK-Regular.ttc", face="Noto Sans CJK SC",
         style="Regular", mode="convert", licence="OFL-1.1"),
    dict(out="FormPrintFang-Regular.ttf", pkg="texlive-lang-chinese",
         src=f"{FANDOL_DIR}/FandolFang-Regular.otf", face="FandolFang",
         style="Regular", mode="convert", licence="GPL-3.0 with font exception"),
    dict(out="FormPrintKai-Regular.ttf", pkg="fonts-lxgw-wenkai",
         src=f"{LXGW_DIR}/LXGWWenKai-Regular.ttf", face="LXGW WenKai",
         style="Regular", mode="copy", licence="OFL-1.1"),
]

# Layout features kept by the subsetter: positioning + vertical forms only.
# (locl/aalt/etc. would pull in thousands of JP/KR/TC alternates.)
LAYOUT_FEATURES = ["kern", "palt", "halt", "vert", "vrt2", "vkrn", "vpal", "vhal"]

MAC_EPOCH_OFFSET = 2082844800  # seconds from 1904-01-01 to 1970-01-01
DEFAULT_SOURCE_DATE_EPOCH = 1704067200  # 2024-01-01T00:00:00Z
MAX_ERR_EM = 1.0  # cu2qu max error in font units (per 1000 upem)


# ---------------------------------------------------------------- char set
def gbk_codepoints():
    """All code points of GBK's double-byte area (lead 0x81-0xFE, trail
    0x40-0xFE except 0x7F).

    Python's 'gbk' codec (CP936) leaves ~95 GBK slots undecodable because CP936
    maps them to the Private Use Area; GB18030-2005 decodes 81 of those to
    standard code points (CJK radicals U+2E81.., ideographic description
    characters U+2FF0.., Extension A hanzi such as 䶮 U+4DAE, ǹ, €).  Those are
    included too ("GBK or wider"); PUA code points are never included.
    """
    cps = set()
    for b1 in range(0x81, 0xFF):
        for b2 in range(0x40, 0xFF):
            if b2 == 0x7F:
                continue
            raw = bytes([b1, b2])
            for codec in ("gbk", "gb18030"):
                try:
                    s = raw.decode(codec)
                except UnicodeDecodeError:
                    continue
                for ch in s:
                    if not 0xE000 <= ord(ch) <= 0xF8FF:
                        cps.add(ord(ch))
    return cps


def target_codepoints():
    cps = set(gbk_codepoints())
    cps.update(range(0x20, 0x7F))        # ASCII
    cps.update(range(0xA0, 0x100))       # Latin-1 supplement
    cps.update(range(0x2000, 0x2070))    # General punctuation
    cps.update(range(0x3000, 0x3040))    # CJK symbols and punctuation
    cps.update(range(0xFF00, 0xFFF0))    # Half/full-width forms
    cps.update(range(0x2460, 0x2474))    # ① .. ⑳
    cps.update(range(0x2160, 0x216C))    # Ⅰ .. Ⅻ
    cps.update(range(0x2170, 0x217C))    # ⅰ .. ⅻ
    cps.update(ord(c) for c in "≥≤＞＜＝×÷％‰℃№€")
    return cps


def is_hanzi(cp):
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF


# ---------------------------------------------------------------- helpers
def mac_timestamp():
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH))
    return epoch + MAC_EPOCH_OFFSET


def open_source(spec):
    src = spec["src"]
    if src.endswith(".ttc"):
        coll = TTCollection(src, lazy=True)
        for i, f in enumerate(coll.fonts):
            if (f["name"].getDebugName(1) == spec["face"]
                    and f["name"].getDebugName(2) == spec["style"]):
                return TTFont(src, fontNumber=i, lazy=False), i
        raise SystemExit(f"{spec['face']} {spec['style']} not found in {src}")
    return TTFont(src, lazy=False), None


def subset_font(font, unicodes):
    opts = subset.Options()
    opts.layout_features = LAYOUT_FEATURES
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.glyph_names = False
    opts.legacy_kern = True
    opts.desubroutinize = True
    opts.prune_unicode_ranges = True
    opts.recalc_timestamp = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)


def cff_to_glyf(font):
    """Convert CFF outlines to TrueType glyf (cf. fontTools Snippets/otf2ttf.py)."""
    assert "CFF " in font, "expected a CFF-flavoured font"
    glyph_order = font.getGlyphOrder()
    upem = font["head"].unitsPerEm
    max_err = MAX_ERR_EM * upem / 1000.0
    glyph_set = font.getGlyphSet()

    vorg = font["VORG"] if "VORG" in font else None
    glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(None)
        cu2qu_pen = Cu2QuPen(tt_pen, max_err, reverse_direction=True)
        glyph_set[name].draw(cu2qu_pen)
        glyphs[name] = tt_pen.glyph()

    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]

    # Recompute bounding boxes and make hmtx lsb == xMin (TrueType rasterisers
    # position the outline via the lsb phantom point).
    hmtx = font["hmtx"].metrics
    vmtx = font["vmtx"].metrics if "vmtx" in font else None
    default_vorg = vorg.defaultVertOriginY if vorg else font["OS/2"].sTypoAscender
    vorg_map = vorg.VOriginRecords if vorg else {}
    for name in glyph_order:
        g = glyphs[name]
        g.recalcBounds(glyf)
        has_outline = g.numberOfContours != 0
        adv, _ = hmtx[name]
        hmtx[name] = (adv, g.xMin if has_outline else 0)
        if vmtx is not None:
            vadv, _ = vmtx[name]
            if has_outline:
                origin_y = vorg_map.get(name, default_vorg)
                vmtx[name] = (vadv, origin_y - g.yMax)
            else:
                vmtx[name] = (vadv, 0)
    if vorg is not None:
        del font["VORG"]  # CFF-only table; origins now live in vmtx tsb

    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.maxPoints = 0
    maxp.maxContours = 0
    maxp.maxCompositePoints = 0
    maxp.maxCompositeContours = 0
    maxp.maxComponentDepth = 0

    head = font["head"]
    head.glyphDataFormat = 0
    head.indexToLocFormat = 0  # set properly when loca/glyf are compiled
    font.sfntVersion = "\x00\x01\x00\x00"


def fix_names(font, spec):
    """Make family/style consistent: nameID 1 = family, 2 = style, no 16/17."""
    name = font["name"]
    family, style = spec["face"], spec["style"]
    full = family if style == "Regular" else f"{family} {style}"
    for rec in list(name.names):
        if rec.nameID in (16, 17):
            name.removeNames(nameID=rec.nameID, platformID=rec.platformID,
                             platEncID=rec.platEncID, langID=rec.langID)
    for rec in name.names:
        if rec.nameID == 1:
            rec.string = family
        elif rec.nameID == 2:
            rec.string = style
        elif rec.nameID == 4:
            rec.string = full
    os2 = font["OS/2"]
    head = font["head"]
    if style == "Bold":
        os2.usWeightClass = 700
        os2.fsSelection = (os2.fsSelection & ~((1 << 6) | (1 << 0))) | (1 << 5)
        head.macStyle |= 1
    else:
        os2.usWeightClass = 400
        os2.fsSelection = (os2.fsSelection & ~((1 << 5) | (1 << 0))) | (1 << 6)
        head.macStyle &= ~3


def build_one(spec, outdir):
    t0 = time.time()
    out = os.path.join(outdir, spec["out"])
    if spec["mode"] == "copy":
        shutil.copyfile(spec["src"], out)
        return spec["out"], time.time() - t0, None
    font, index = open_source(spec)
    wanted = target_codepoints()
    have = set(font.getBestCmap())
    subset_font(font, sorted(wanted & have))
    cff_to_glyf(font)
    fix_names(font, spec)
    ts = mac_timestamp()
    font["head"].created = ts
    font["head"].modified = ts
    font.recalcTimestamp = False
    font.recalcBBoxes = True
    font.save(out, reorderTables=True)
    return spec["out"], time.time() - t0, index


# ---------------------------------------------------------------- licences
def full_license_text(copyright_file, licence_name):
    text = open(copyright_file, encoding="utf-8").read()
    paras = re.split(r"\n\s*\n", text)
    for p in paras:
        plines = p.splitlines()
        if plines and plines[0].strip() == f"License: {licence_name}" and len(plines) > 5:
            body = [("" if l[1:] == "." else l[1:]) for l in plines[1:]]
            return "\n".join(body).rstrip() + "\n"
    raise SystemExit(f"licence {licence_name} not found in {copyright_file}")


def source_copyright(spec):
    """nameID 0 (copyright notice) of the source font, normalised to LF."""
    font, _ = open_source(spec)
    return font["name"].getDebugName(0).replace("\r\n", "\n").strip()


FONT_EXCEPTION = """\
As a special exception, if you create a document which uses this font, and
embed this font or unaltered portions of this font into the document, this
font does not by itself cause the resulting document to be covered by the
GNU General Public License. This exception does not however invalidate any
other reasons why the document might be covered by the GNU General Public
License. If you modify this font, you may extend this exception to your
version of the font, but you are not obligated to do so. If you do not
wish to do so, delete this exception statement from your version.
"""


def write_licences(outdir):
    noto = full_license_text("/usr/share/doc/fonts-noto-cjk/copyright", "SIL-1.1")
    with open(os.path.join(outdir, "LICENSE-NotoCJK.txt"), "w", encoding="utf-8") as f:
        f.write(
            "Noto Serif CJK SC: " + source_copyright(FONTS[0]) + "\n"
            "Noto Sans CJK SC:  " + source_copyright(FONTS[2]) + "\n"
            "Noto is a trademark of Google Inc.\n\n"
            "FormPrintSong-Regular.ttf, FormPrintSong-Bold.ttf and FormPrintHei-Regular.ttf\n"
            "are Modified Versions (subset to GBK + extras, CFF outlines converted to\n"
            "TrueType) of the fonts shipped in Debian's fonts-noto-cjk package, and are\n"
            "distributed under the same licence, reproduced below (text taken from\n"
            "/usr/share/doc/fonts-noto-cjk/copyright).\n\n" + noto)
    lxgw = full_license_text("/usr/share/doc/fonts-lxgw-wenkai/copyright", "OFL-1.1")
    with open(os.path.join(outdir, "LICENSE-LXGWWenKai.txt"), "w", encoding="utf-8") as f:
        f.write(
            "LXGW WenKai\n"
            + source_copyright(FONTS[4]) + "\n"
            "Reserved Font Names \"霞鹜\" and \"LXGW\" (per Debian's copyright file).\n\n"
            "FormPrintKai-Regular.ttf is an unmodified copy of LXGWWenKai-Regular.ttf\n"
            "from Debian's fonts-lxgw-wenkai package (only the file name differs).\n"
            "It is distributed under the SIL Open Font License 1.1, reproduced below\n"
            "(text taken from /usr/share/doc/fonts-lxgw-wenkai/copyright).\n\n" + lxgw)
    gpl = gzip.open("/usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz", "rt",
                    encoding="utf-8").read()
    readme = open("/usr/share/doc/texlive-doc/fonts/fandol/README", encoding="utf-8").read()
    with open(os.path.join(outdir, "LICENSE-Fandol.txt"), "w", encoding="utf-8") as f:
        f.write(
            "FandolFang\n"
            "Copyright © 2012-2013, the Fandol team (Clerk Ma, Jie Su).\n"
            "http://www.ctan.org/tex-archive/fonts/fandol\n\n"
            "Upstream licensing statement (fonts/fandol/README in TeX Live):\n"
            "    \"These fonts's licensing is GPL + GPL font exception.\"\n\n"
            "FormPrintFang-Regular.ttf is a Modified Version of FandolFang-Regular.otf\n"
            "(Debian package texlive-lang-chinese): subset and CFF outlines converted to\n"
            "TrueType by Scripts/fonts/build_fonts.py (that script plus the upstream\n"
            "FandolFang-Regular.otf are the corresponding source). It is licensed under\n"
            "the GNU General Public License version 3 (text below, copied from\n"
            "/usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz) with the following\n"
            "font exception, which the FormPrint project extends to this modified\n"
            "version. (The TeX Live package does not ship the exception wording itself;\n"
            "this is the standard GPL font exception published by the FSF in the GPL\n"
            "FAQ, which upstream's \"GPL font exception\" refers to.)\n\n"
            "----------------------------------------------------------------------\n"
            "Font exception\n"
            "----------------------------------------------------------------------\n"
            + FONT_EXCEPTION +
            "\n----------------------------------------------------------------------\n"
            "Upstream README\n"
            "----------------------------------------------------------------------\n"
            + readme +
            "\n----------------------------------------------------------------------\n"
            "GNU General Public License version 3\n"
            "----------------------------------------------------------------------\n"
            + gpl)


# ---------------------------------------------------------------- report
def describe(path, spec, gbk, gbk_hanzi):
    f = TTFont(path, lazy=True)
    cmap = f.getBestCmap()
    cps = set(cmap)
    missing_gbk = gbk - cps
    missing_hanzi = gbk_hanzi - cps
    return dict(
        file=os.path.basename(path),
        family=f["name"].getDebugName(1), style=f["name"].getDebugName(2),
        weight=f["OS/2"].usWeightClass,
        glyphs=f["maxp"].numGlyphs, cmap=len(cmap),
        glyf="glyf" in f, cff="CFF " in f,
        size=os.path.getsize(path),
        sha256=hashlib.sha256(open(path, "rb").read()).hexdigest(),
        missing_gbk=len(missing_gbk), missing_hanzi=len(missing_hanzi),
        has_rong="镕" in {chr(c) for c in cps}, has_zhe="喆" in {chr(c) for c in cps},
    )


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(os.path.join(here, "..", "..", "Fonts"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=default_out)
    ap.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    t0 = time.time()
    print(f"fontTools {fontTools.version}; output -> {args.out}", flush=True)
    with ProcessPoolExecutor(max_workers=args.jobs) as ex:
        futs = [ex.submit(build_one, s, args.out) for s in FONTS]
        for fut in futs:
            name, dt, idx = fut.result()
            extra = f" (TTC face #{idx})" if idx is not None else ""
            print(f"  built {name}{extra} in {dt:.1f}s", flush=True)
    write_licences(args.out)

    gbk = gbk_codepoints()
    gbk_hanzi = {c for c in gbk if is_hanzi(c)}
    print(f"\nGBK: {len(gbk)} code points, {len(gbk_hanzi)} hanzi; "
          f"target set: {len(target_codepoints())} code points\n")
    print("| file | family | style | weight | glyphs | cmap | missing GBK (hanzi) "
          "| 镕 喆 | size | sha256 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    ok = True
    for s in FONTS:
        d = describe(os.path.join(args.out, s["out"]), s, gbk, gbk_hanzi)
        ok &= d["glyf"] and not d["cff"]
        print(f"| {d['file']} | {d['family']} | {d['style']} | {d['weight']} | "
              f"{d['glyphs']} | {d['cmap']} | {d['missing_gbk']} ({d['missing_hanzi']}) | "
              f"{'✓' if d['has_rong'] else '✗'} {'✓' if d['has_zhe'] else '✗'} | "
              f"{d['size'] / 1e6:.2f} MB | {d['sha256'][:16]} |")
    print(f"\nTotal time {time.time() - t0:.1f}s")
    if not ok:
        sys.exit("ERROR: some output lacks glyf or still has CFF")


if __name__ == "__main__":
    main()
