#!/usr/bin/env bash
# Sets FormPrint up on a fresh Debian/Ubuntu machine with Swift, and renders
# the bundled example into out/ (the main job): installs the C libraries
# (Cairo, Pango, fontconfig) and the PDF and PostScript tools the tests use, builds the
# release binaries (formprint and the desk's formprint-desk), and renders Examples/liuhe-2024.yaml.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# libqpdf-dev: qpdf assembles the combined PDF from the documents' PDFs.
# libfreexl-dev: reads the cells of old binary .xls workbooks.
# libharfbuzz-dev: hb-subset embeds font subsets in OFD files.
# python3-venv: the test-only OFD reader (Scripts/ofd/make-venv.sh).
packages=(libcairo2-dev libpango1.0-dev libfontconfig-dev zlib1g-dev libqpdf-dev libfreexl-dev libharfbuzz-dev poppler-utils qpdf ghostscript python3-venv)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo_command=()
    [ "$(id -u)" -ne 0 ] && sudo_command=(sudo)
    "${sudo_command[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_command[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Swift runtime linked in statically: a fresh process then spends no time
# resolving the runtime's symbols (a fifth of a one-form render; docs/BENCHMARKS.md).
# FORMPRINT_RELEASE_FLAGS: direct type-metadata accessors (Package.swift says why).
export FORMPRINT_RELEASE_FLAGS=1
swift build -c release --static-swift-stdlib --product formprint
# The web desk, its own executable beside formprint: `formprint serve` runs it,
# and render/batch/validate never load its server stack (issue 25).
swift build -c release --static-swift-stdlib --product formprint-desk
# The test-only OFD reader (easyofd) the OFD tests use; SKIP_OFD_READER=1 skips it
# (those tests then say they were skipped).
[ "${SKIP_OFD_READER:-}" = 1 ] || Scripts/ofd/make-venv.sh
.build/release/formprint render Examples/liuhe-2024.yaml -o out
