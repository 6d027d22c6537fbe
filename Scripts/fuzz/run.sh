#!/usr/bin/env bash
# Builds FormPrint's libFuzzer targets (Fuzz/) with -sanitize=fuzzer,address
# in their own scratch folder and runs each for a set time, one after the
# other. Not part of `swift test`: the targets exist only when FORMPRINT_FUZZ=1
# (see the end of Package.swift). docs/ROBUSTNESS.md explains the setup.
#
#   Scripts/fuzz/run.sh                      # every target, 600 s each
#   Scripts/fuzz/run.sh -t 60 unit-file      # one target, 60 s
#   Scripts/fuzz/run.sh -t 600 -j 2 layout   # two fuzzing processes
#
# Findings (crash-*, timeout-*, oom-*, leak-*) are written to
# .build-fuzz/findings/<target>/; reproduce one with
#   .build-fuzz/release/fuzz-<target> .build-fuzz/findings/<target>/crash-…
# The working corpus (seeds plus what the fuzzer found interesting) is kept in
# .build-fuzz/corpus/<target>/ between runs; the committed seeds in
# Fuzz/corpus/<target>/ are never modified.
set -euo pipefail

cd "$(dirname "$0")/../.."
seconds=600
jobs=1
configuration=release
while getopts "t:j:c:" option; do
    case $option in
        t) seconds=$OPTARG ;;
        j) jobs=$OPTARG ;;
        c) configuration=$OPTARG ;;
        *) echo "usage: $0 [-t SECONDS] [-j JOBS] [-c debug|release] [TARGET…]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(unit-file pasted-text workbook layout render conservation)

scratch=.build-fuzz
# Swift code and the C code of the dependencies (libyaml, zlib) are
# instrumented for coverage and checked by AddressSanitizer.
flags=(-c "$configuration" --scratch-path "$scratch"
       -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
for target in "${targets[@]}"; do
    FORMPRINT_FUZZ=1 swift build "${flags[@]}" --product "fuzz-$target" 2>&1 \
        | grep -v "Cannot export local symbol" || true
    test -x "$scratch/$configuration/fuzz-$target" || { echo "fuzz-$target did not build" >&2; exit 1; }
done

parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
export SWIFT_BACKTRACE=enable=no  # the sanitizer's report, not the Swift runtime's slow backtracer
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0"
status=0
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    findings="$scratch/findings/$target"
    mkdir -p "$corpus" "$findings"
    # Foundation's XMLParser leaks on every malformed part (suppressed, see
    # Fuzz/lsan-suppressions.txt), and each leak makes libFuzzer scan the
    # heap: the workbook target fuzzes without leak checks (20x faster) and
    # its corpus is checked for leaks afterwards, like every target's.
    leaks=()
    [ "$target" = workbook ] || [ "$target" = conservation ] && leaks=(-detect_leaks=0)
    echo "== fuzz-$target for ${seconds}s (corpus $corpus, findings $findings)"
    # -timeout: an input that takes longer is a hang; -rss_limit_mb: more
    # memory is a finding (the readers' limits must stop it first).
    if ! "$scratch/$configuration/fuzz-$target" "$corpus" "Fuzz/corpus/$target" \
        -dict="Fuzz/dictionaries/$target.dict" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 "${parallel[@]}" "${leaks[@]}" \
        -artifact_prefix="$findings/" -print_final_stats=1; then
        echo "== fuzz-$target: FINDING, see $findings" >&2
        status=1
        continue
    fi
    echo "== fuzz-$target: leak check over the corpus"
    if ! find "$corpus" -type f -print0 | xargs -0 -n 500 "$scratch/$configuration/fuzz-$target" \
        -artifact_prefix="$findings/" -timeout=10 >"$findings/leak-check.log" 2>&1; then
        echo "== fuzz-$target: LEAK, see $findings/leak-check.log" >&2
        status=1
    fi
done
exit $status
