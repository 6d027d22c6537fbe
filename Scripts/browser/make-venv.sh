#!/usr/bin/env bash
# Creates the test-only Python environment that drives a real browser
# through the desk's pages (Tests/ServingTests/BrowserTests.swift), at
# .build/browser-venv: Selenium from PyPI, talking to Debian's chromium
# through chromium-driver (apt). FormPrint itself never needs it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
venv=.build/browser-venv
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import selenium" >/dev/null 2>&1; then
    exit 0
fi
mkdir -p .build
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check selenium==4.27.1
"$venv/bin/python" -c "import selenium" >/dev/null 2>&1
echo "browser test driver ready: $venv"
