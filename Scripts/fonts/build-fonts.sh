#!/usr/bin/env bash
# Regenerate the bundled fonts in Fonts/ (see Fonts/README.md).
#
#   Scripts/fonts/build-fonts.sh            # needs root for apt-get
#   SKIP_APT=1 Scripts/fonts/build-fonts.sh # packages already installed
#
# Output is deterministic (byte-identical for identical inputs); timestamps in
# the fonts come from SOURCE_DATE_EPOCH (default 2024-01-01T00:00:00Z).
set -euo pipefail

FONTTOOLS_VERSION=4.68.0
# Debian bookworm source packages (versions used for the committed fonts):
#   fonts-noto-cjk        1:20220127+repack1-1
#   texlive-lang-chinese  2022.20230122-1
#   fonts-lxgw-wenkai     1.250+repack-1
APT_PACKAGES=(fonts-noto-cjk texlive-lang-chinese fonts-lxgw-wenkai)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
PYTHON="${PYTHON:-python3}"

if [[ "${SKIP_APT:-0}" != 1 ]]; then
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
    "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${APT_PACKAGES[@]}"
fi
for p in "${APT_PACKAGES[@]}"; do
    printf '%-22s %s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p")"
done

if [[ "$("$PYTHON" -c 'import fontTools; print(fontTools.version)' 2>/dev/null || true)" != "$FONTTOOLS_VERSION" ]]; then
    "$PYTHON" -m pip install "fonttools==${FONTTOOLS_VERSION}"
fi

start=$(date +%s)
"$PYTHON" "$here/build_fonts.py" --out "$repo/Fonts" "$@"
echo "build-fonts.sh: done in $(( $(date +%s) - start ))s"
