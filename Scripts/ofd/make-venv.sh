#!/usr/bin/env bash
# Creates the test-only Python environment with an independent OFD reader
# (PyPI's easyofd, with fontTools) at .build/ofd-venv, which the OFD tests
# use to read FormPrint's OFD files back. FormPrint itself never needs it.
# Needs python3-venv (Debian). About 400 MB (easyofd pulls in PyMuPDF).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
venv=.build/ofd-venv
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import easyofd, fontTools" 2>/dev/null; then
    exit 0
fi
mkdir -p .build
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check easyofd==20260427
"$venv/bin/python" -c "import easyofd, fontTools" 2>/dev/null
echo "OFD reader ready: $venv"
