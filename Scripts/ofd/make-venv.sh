#!/usr/bin/env bash
# Creates the test-only Python environment with independent readers of what
# FormPrint writes, at .build/ofd-venv: PyPI's easyofd (with fontTools) reads
# the OFD files back, openpyxl the findings workbook. FormPrint itself never
# needs it.
# Needs python3-venv (Debian). Versions pinned: PyMuPDF 2 would pull in
# pymupdf4llm and onnxruntime (400 MB in all); with 1.28 it is 150 MB, ~20 s.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. Scripts/lib/python-venv.sh
make_venv .build/ofd-venv "easyofd, fontTools, openpyxl" easyofd==20260427 PyMuPDF==1.28.2 reportlab==5.1.0 \
    fonttools==4.68.0 xmltodict==1.0.4 loguru==0.7.3 pyasn1==0.6.5 pillow==13.0.0 openpyxl==3.1.5
echo "test readers ready: .build/ofd-venv"
