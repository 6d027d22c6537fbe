#!/usr/bin/env bash
# Runs FormPrint's tests under AddressSanitizer and ThreadSanitizer, and
# valgrind's memcheck over a render loop, each in its own scratch folder so
# that the normal .build stays as it is. docs/ROBUSTNESS.md has the results.
#
#   Scripts/sanitizers/run.sh asan        # swift test --sanitize=address
#   Scripts/sanitizers/run.sh tsan        # swift test --sanitize=thread
#   Scripts/sanitizers/run.sh valgrind    # the seed rendered 5 and 50 times in one process
#   Scripts/sanitizers/run.sh             # all three
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

case "${1:-all}" in
    asan) asan ;;
    tsan) tsan ;;
    valgrind) memcheck ;;
    all) asan && tsan && memcheck ;;
    *) echo "usage: $0 [asan|tsan|valgrind]" >&2; exit 2 ;;
esac
