#!/usr/bin/env bash
# Runs FormPrint's tests under AddressSanitizer and ThreadSanitizer, and
# valgrind's memcheck over a render loop, each in its own scratch folder so
# that the normal .build stays as it is. docs/ROBUSTNESS.md has the results.
#
#   Scripts/sanitizers/run.sh asan        # swift test --sanitize=address
#   Scripts/sanitizers/run.sh tsan        # swift test --sanitize=thread
#   Scripts/sanitizers/run.sh valgrind    # the seed rendered 5 and 50 times in one process
#   Scripts/sanitizers/run.sh pools tsan [batch|desk|both]      # the batch's and the desk's
#   Scripts/sanitizers/run.sh pools asan [batch|desk|both]      #   render pools under ThreadSanitizer,
#   Scripts/sanitizers/run.sh pools valgrind [batch|desk|both]  #   AddressSanitizer (with LeakSanitizer)
#                                                               #   or memcheck (issue 24)
#   Scripts/sanitizers/run.sh             # asan, tsan and valgrind
set -euo pipefail

cd "$(dirname "$0")/../.."
# Sanitized code runs 5 to 20 times slower: the tests' hang guards
# (.hangGuard) allow ten times as long.
export FORMPRINT_SLOW_TESTS=1

asan() {
    # Leaks in Foundation, fontconfig and the test harness, each explained
    # in the file; none in FormPrint's own code.
    LSAN_OPTIONS="suppressions=$PWD/Scripts/sanitizers/lsan-suppressions.txt" \
        swift test --sanitize=address --scratch-path .build-asan
}

tsan() {
    swift test --sanitize=thread --scratch-path .build-tsan
}

# "definitely lost" bytes of one run of formprint rendering the seed $1 times.
lost() {
    local runs=$1 args=()
    for _ in $(seq "$runs"); do args+=(Examples/liuhe-2024.yaml); done
    rm -rf ".build-valgrind/out-$runs"
    valgrind --leak-check=full --show-leak-kinds=definite \
        .build-valgrind/release/formprint render "${args[@]}" -o ".build-valgrind/out-$runs" \
        >".build-valgrind/memcheck-$runs.log" 2>&1
    grep "definitely lost:" ".build-valgrind/memcheck-$runs.log" | sed 's/.*definitely lost: //'
}

memcheck() {
    # valgrind 3.19 cannot read the DWARF 5 of the toolchain's debug
    # builds: a release build without debug information (symbols only).
    swift build -c release --scratch-path .build-valgrind -Xswiftc -gnone -Xcc -g0 --product formprint
    local five fifty
    five=$(lost 5)
    fifty=$(lost 50)
    echo "definitely lost after 5 renders of the seed:  $five"
    echo "definitely lost after 50 renders of the seed: $fifty"
    if [ "$five" != "$fifty" ]; then
        echo "a leak grows with the number of documents; see .build-valgrind/memcheck-50.log" >&2
        return 1
    fi
}

# The executables a sanitized build of the pools needs: `formprint` for the
# batch, and the desk's own executable (which `formprint serve` runs) for the
# desk. One `swift build` each: given two `--product`s, swift build builds
# only the last.
products() {
    echo formprint
    [ "$1" = batch ] || echo formprint-desk
}

# `build_products batch|desk|both FLAGS…`: each product of the pools' run, built with FLAGS.
build_products() {
    local which=$1; shift
    for product in $(products "$which"); do
        swift build -c release "$@" --product "$product"
    done
}

# The two worker pools under a sanitizer (issue 24): `formprint batch` of 40
# generated units and the examples on two jobs, then the desk serving a
# bureau's collection (Scripts/faults/bureau_load.py: 20 units logging in and
# handing in over a minute) on two render workers. Reports and figures land
# in .build-pools-KIND/.
pools() {
    local kind=$1 which=${2:-both} binary wrap=() out=".build-pools-$1"
    case $kind in
        tsan)
            build_products "$which" --sanitize=thread --scratch-path .build-tsan-cli
            binary=.build-tsan-cli/release/formprint
            export TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1"
            ;;
        asan)
            build_products "$which" --sanitize=address --scratch-path .build-asan-cli
            binary=.build-asan-cli/release/formprint
            # The same explained suppressions as the test run's (Foundation,
            # fontconfig); leaks are reported when each process exits.
            export LSAN_OPTIONS="suppressions=$PWD/Scripts/sanitizers/lsan-suppressions.txt"
            export ASAN_OPTIONS="detect_leaks=1"
            ;;
        valgrind)
            build_products "$which" --scratch-path .build-valgrind -Xswiftc -gnone -Xcc -g0
            # Some DWARF 5 still reaches the linked executables (valgrind
            # 3.19 gives up on it: "Possibly corrupted debuginfo file"):
            # copies without debug information, side by side as `serve`
            # expects; the symbols stay.
            mkdir -p .build-valgrind/stripped
            for product in $(products "$which"); do
                strip --strip-debug -o ".build-valgrind/stripped/$product" ".build-valgrind/release/$product"
            done
            binary=.build-valgrind/stripped/formprint
            wrap=(valgrind --leak-check=full --show-leak-kinds=definite --trace-children=yes)
            ;;
        *) echo "usage: $0 pools tsan|asan|valgrind" >&2; exit 2 ;;
    esac
    rm -rf "$out"
    mkdir -p "$out"
    if [ "$which" != desk ]; then
        "$binary" bench --write-units 40 --output "$out/units" >/dev/null
        cp Examples/*.yaml Examples/*.txt "$out/units/"
        "${wrap[@]}" "$binary" batch "$out/units" --jobs 2 -q -o "$out/batch" >"$out/batch.log" 2>&1 || true
        echo "batch: $(grep -c 'WARNING: ThreadSanitizer' "$out/batch.log" || true) ThreadSanitizer reports;" \
             "$(grep -c 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer' "$out/batch.log" || true) AddressSanitizer/LeakSanitizer reports;" \
             "$(grep -m1 'ERROR SUMMARY' "$out/batch.log" || echo 'no memcheck summary');" \
             "$(find "$out/batch" -name '*.pdf' | wc -l) PDFs"
    fi
    if [ "$which" != batch ]; then
        python3 Scripts/faults/bureau_load.py --formprint "$binary" --units 20 --duration 60 --workers 2 \
            --wrap "${wrap[*]}" --server-log "$out/serve.log" >"$out/load.log" 2>&1 || true
        echo "desk:  $(grep -c 'WARNING: ThreadSanitizer' "$out/serve.log" || true) ThreadSanitizer reports;" \
             "$(grep -c 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer' "$out/serve.log" || true) AddressSanitizer/LeakSanitizer reports;" \
             "$(grep -m1 'ERROR SUMMARY' "$out/serve.log" || echo 'no memcheck summary')"
        tail -8 "$out/load.log"
    fi
}

case "${1:-all}" in
    asan) asan ;;
    tsan) tsan ;;
    valgrind) memcheck ;;
    pools) pools "${2:-}" "${3:-both}" ;;
    all) asan && tsan && memcheck ;;
    *) echo "usage: $0 [asan|tsan|valgrind]" >&2; exit 2 ;;
esac
