#!/usr/bin/env bash
# Re-orders the glyphs of the bundled faces so that cairo finds each glyph's
# code point fast (Scripts/fonts/reorder_glyphs.py says how and why). Run once
# after Scripts/fonts/build-fonts.sh; running it again changes nothing.
#
#   Scripts/fonts/reorder-glyphs.sh
#
# fontTools comes from PyPI into a venv under .build (nothing is installed
# system-wide). FormPrintKai-Regular.ttf is left as it is: LXGW WenKai's
# licence reserves its name for unmodified copies (Fonts/README.md).
set -euo pipefail

FONTTOOLS_VERSION=4.68.0
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/.build/fonttools-venv"

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
if [[ "$("$venv/bin/python" -c 'import fontTools; print(fontTools.version)' 2>/dev/null || true)" != "$FONTTOOLS_VERSION" ]]; then
    "$venv/bin/pip" install -q "fonttools==${FONTTOOLS_VERSION}"
fi

"$venv/bin/python" "$here/reorder_glyphs.py" \
    "$repo/Fonts/FormPrintSong-Regular.ttf" "$repo/Fonts/FormPrintSong-Bold.ttf" \
    "$repo/Fonts/FormPrintHei-Regular.ttf" "$repo/Fonts/FormPrintFang-Regular.ttf"
