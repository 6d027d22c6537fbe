#!/usr/bin/env bash
# A batch over many generated units (default 5000) with faults injected while
# it runs, then checked: every good unit rendered, every bad one reported, no
# partial or temporary file on disk. Not part of `swift test` (it takes a few
# minutes); run it after `swift build -c release --static-swift-stdlib`:
#
#   Scripts/faults/big-batch.sh [UNITS] [JOBS]
#
# Faults: every 97th unit file is broken YAML; every 101st asks for a layout
# that does not exist; every 199th unit's output folder is taken by a file;
# every 151st unit from the second half finds, while the batch runs, its
# output folder replaced by a symbolic link to a folder outside the output
# (which FormPrint refuses to write through); one unit file is deleted while
# the batch runs. (A write failing part-way — a full disk — is tested in
# Tests/FormPrintTests/BatchFaultTests.swift under a file-size limit.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
units=${1:-5000}
jobs=${2:-2}
formprint=${FORMPRINT:-.build/release/formprint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input="$work/units" output="$work/out"

"$formprint" bench --write-units "$units" --output "$input"
broken=0 impossible=0 blocked=0 full=0
for ((n = 97; n <= units; n += 97)); do
    printf 'formprint: 1\nunit: {name: 坏文件%d\nyear: 2024\n' "$n" > "$input/$(printf 'unit%05d.yaml' "$n")"; broken=$((broken + 1))
done
for ((n = 101; n <= units; n += 101)); do
    (( n % 97 == 0 )) && continue
    sed -i 's/^year: 2024.*/year: 2024\nlayouts: {project: project-nowhere}/' "$input/$(printf 'unit%05d.yaml' "$n")"; impossible=$((impossible + 1))
done
mkdir -p "$output"
for ((n = 199; n <= units; n += 199)); do
    (( n % 97 == 0 || n % 101 == 0 )) && continue
    printf 'not a folder' > "$output/测试县第${n}局"; blocked=$((blocked + 1))
done

start=$(date +%s)
set +e
"$formprint" batch "$input" -o "$output" --jobs "$jobs" --quiet &
batch=$!
sleep 1
# Unit folders replaced by links to elsewhere, for units not reached yet.
mkdir -p "$work/elsewhere"
for ((n = units / 2 + 151 - (units / 2) % 151; n <= units; n += 151)); do
    (( n % 97 == 0 || n % 101 == 0 || n % 199 == 0 )) && continue
    ln -s "$work/elsewhere" "$output/测试县第${n}局"; full=$((full + 1))
done
vanished=$(printf 'unit%05d.yaml' "$units")
rm -f "$input/$vanished"
wait "$batch"
status=$?
set -e
seconds=$(( $(date +%s) - start ))

python3 - "$output" "$units" "$broken" "$impossible" "$blocked" "$full" "$status" "$seconds" <<'PY'
import json, os, sys
output, units, broken, impossible, blocked, full, status, seconds = sys.argv[1], *map(int, sys.argv[2:])
summary = json.load(open(os.path.join(output, "summary.json"), encoding="utf-8-sig"))
rows = summary["units"]
failed = [u for u in rows if u["status"] == "failed"]
rendered = [u for u in rows if u["status"] == "rendered"]
expected_failed = broken + impossible + blocked + full + 1
print(f"{units} units in {seconds} s: {len(rendered)} rendered, {len(failed)} failed "
      f"(expected {expected_failed}: {broken} broken, {impossible} impossible layouts, {blocked} blocked folders, "
      f"{full} linked folders, 1 vanished file); exit status {status}")
problems = []
if status != 1: problems.append(f"exit status {status}, expected 1")
if len(rows) != units: problems.append(f"{len(rows)} units in the summary, expected {units}")
if len(failed) != expected_failed: problems.append("failures: " + ", ".join(sorted(u['input'].rsplit('/', 1)[-1] for u in failed)[:20]))
if any(not u.get("errors") for u in failed): problems.append("a failed unit without a reason")
pdfs = 0
if os.listdir(os.path.join(os.path.dirname(output), "elsewhere")): problems.append("a file was written through a link")
for root, _, files in os.walk(output):
    for name in files:
        path = os.path.join(root, name)
        if name.endswith(".tmp"): problems.append(f"temporary file left: {path}")
        if name.endswith(".pdf"):
            pdfs += 1
            with open(path, "rb") as f:
                f.seek(-6, 2)
                if not f.read().endswith(b"%%EOF\n"): problems.append(f"incomplete PDF: {path}")
print(f"{pdfs} PDFs, every one complete" if not problems else "\n".join(problems))
sys.exit(1 if problems else 0)
PY
