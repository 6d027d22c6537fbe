#!/usr/bin/env bash
# Creates the test-only Python environment that drives a real browser
# through the desk's pages (Tests/ServingTests/BrowserTests.swift), at
# .build/browser-venv: Selenium from PyPI, talking to Debian's chromium
# through chromium-driver (apt). FormPrint itself never needs it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. Scripts/lib/python-venv.sh
make_venv .build/browser-venv "selenium" selenium==4.27.1
echo "browser test driver ready: .build/browser-venv"
