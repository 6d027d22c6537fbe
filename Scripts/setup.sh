#!/usr/bin/env bash
# Sets FormPrint up on a fresh Debian/Ubuntu machine with Swift, and renders
# the bundled example into out/ (the main job): installs the C libraries
# (Cairo, Pango, fontconfig) and the PDF and PostScript tools the tests use, builds the
# release binary, and renders Examples/liuhe-2024.yaml.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# libqpdf-dev: qpdf assembles the combined PDF from the documents' PDFs.
packages=(libcairo2-dev libpango1.0-dev libfontconfig-dev zlib1g-dev libqpdf-dev poppler-utils qpdf ghostscript)
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
# resolving the runtime's symbols (a fifth of a one-form render; BENCHMARKS.md).
swift build -c release --static-swift-stdlib --product formprint
.build/release/formprint render Examples/liuhe-2024.yaml -o out
