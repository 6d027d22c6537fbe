# Sourced by the scripts that make a test-only Python environment under
# .build/ (Scripts/ofd/make-venv.sh, Scripts/browser/make-venv.sh):
#   make_venv VENV "IMPORTS" PACKAGE==VERSION…
# does nothing when VENV already imports IMPORTS, else makes it with
# python3 -m venv (Debian: python3-venv) and installs the pinned packages.
make_venv() {
    local venv=$1 imports=$2
    shift 2
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import $imports" >/dev/null 2>&1; then
        return 0
    fi
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "$@"
    "$venv/bin/python" -c "import $imports" >/dev/null 2>&1
}
