#!/usr/bin/env python3
"""Reads an OFD file back with an independent reader (PyPI's easyofd), for
FormPrint's tests: prints JSON with each page's size (mm) and text, and the
problems found in the embedded fonts (checked with fontTools, which easyofd
depends on). With --png PREFIX it also renders the pages with easyofd
(through reportlab and PyMuPDF) to PREFIX_1.png, PREFIX_2.png, ...

easyofd 20260427 draws all text in a font registered as 宋体 (it looks for
the system's simsun.ttc); FormPrint's bundled Song face is registered under
that name for the rendering (--song FILE). Text, page sizes and fonts come
from the OFD alone.

Usage: read_back.py FILE.ofd [--png PREFIX --song FONT.ttf]
"""
import base64
import io
import json
import sys
import warnings

warnings.filterwarnings("ignore")
from loguru import logger  # easyofd logs through loguru

logger.remove()
import logging

logging.disable(logging.WARNING)
from easyofd.ofd import OFD
from fontTools.ttLib import TTFont


def font_problems(doc):
    """Every character a text object prints must be in its font's cmap, and
    its advance (font units × size) must match the DeltaX before the next."""
    problems = []
    faces = {}
    for font_id, font in doc["fonts"].items():
        data = font.get("font_b64")
        if not data:
            problems.append(f"font {font_id} is not embedded")
            continue
        face = TTFont(io.BytesIO(base64.b64decode(data)))
        faces[font_id] = (face.getBestCmap(), face["hmtx"].metrics, face["head"].unitsPerEm)
    for page_number, page in doc["page_info"].items():
        for text in page.get("text_list", []):
            face = faces.get(text.get("font"))
            if face is None:
                problems.append(f"page {page_number + 1}: text {text['ID']} names font {text.get('font')}, which is not embedded")
                continue
            cmap, metrics, units = face
            characters = text["text"]
            deltas = [float(d) for d in text.get("DeltaX", "").split()] if text.get("DeltaX") else []
            # easyofd strips leading spaces from the text but not from DeltaX.
            skipped = max(0, len(deltas) + 1 - len(characters)) if deltas else 0
            deltas = deltas[skipped:]
            for index, character in enumerate(characters):
                glyph = cmap.get(ord(character))
                if glyph is None:
                    problems.append(f"page {page_number + 1}: {character!r} (U+{ord(character):04X}) is not in font {text['font']}")
                    continue
                if index < len(deltas):
                    advance = metrics[glyph][0] / units * float(text["size"])
                    # Letter spacing and justification add to the advance, never take from it
                    # (beyond the tracking, a fraction of a millimetre).
                    if deltas[index] + 0.3 < advance:
                        problems.append(f"page {page_number + 1}: {character!r} advances {deltas[index]} mm, its glyph is {advance:.3f} mm wide")
    return problems


def main():
    arguments = sys.argv[1:]
    path = arguments[0]
    png = arguments[arguments.index("--png") + 1] if "--png" in arguments else None
    song = arguments[arguments.index("--song") + 1] if "--song" in arguments else None
    reader = OFD()
    reader.read(path, fmt="path")
    documents = reader.data
    doc = documents[0]
    pages = []
    for number in sorted(doc["page_info"]):
        box = doc["page_size"][number] if number < len(doc["page_size"]) and doc["page_size"][number] else doc["default_page_size"]
        texts = doc["page_info"][number].get("text_list", [])
        pages.append({"width": float(box[2]), "height": float(box[3]), "text": "".join(t["text"] for t in texts)})
    result = {"documents": len(documents), "pages": pages, "fontProblems": font_problems(doc)}
    if png:
        if song:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont as ReportLabFont
            pdfmetrics.registerFont(ReportLabFont("宋体", song))
        images = reader.to_jpg()
        for index, image in enumerate(images, start=1):
            image.save(f"{png}_{index}.png")
        result["rendered"] = len(images)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
