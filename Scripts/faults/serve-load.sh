#!/usr/bin/env bash
# `formprint serve` under load and a crash (issue 18). Not part of
# `swift test`; run it after a build:
#
#   Scripts/faults/serve-load.sh [UPLOADS] [WORKERS]
#
# 1. Preview latency: one paste of the seed's table, then its first page's
#    PNG (upload → first page PNG), timed.
# 2. Throughput: UPLOADS (default 50) concurrent pastes, each a different
#    unit, all checked and rendered on WORKERS (default 2) workers.
# 3. Crash: UPLOADS more concurrent pastes, the server killed with kill -9
#    once KILL_AFTER (default 5) have been accepted; restarted on the same folder, then
#    every accepted submission (a 303 to /s/<id>) must be in the database
#    with every file complete (`formprint serve verify` rehashes them all),
#    no temporary file may be left, and a new upload must succeed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
uploads=${1:-50}
workers=${2:-2}
# `formprint serve` execs formprint-desk from the same folder (same process
# id, so the kill -9 below hits the server): build both products.
formprint=${FORMPRINT:-.build/debug/formprint}
seed=Examples/liuhe-2024-pasted.txt
work=$(mktemp -d)
data="$work/data"
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
start() {
    "$formprint" serve --data "$data" --port "$port" --workers "$workers" >>"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do curl -s -o /dev/null "$base/" && return 0; sleep 0.1; done
    echo "the server did not start"; cat "$work/server.log"; exit 1
}
now() { date +%s.%N; }
# A session cookie and its CSRF token, as a browser gets them.
session() {
    curl -s -c "$work/cookies" -b "$work/cookies" "$base/" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//'
}
# Paste number $1 as its own unit; prints "<status> <location>".
paste_unit() {
    sed "s/柳河县政务服务和数字化建设管理局/负载测试单位$1/g" "$seed" > "$work/paste$1.txt"
    curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -b "$work/cookies" -F "csrf=$csrf" -F "text=<$work/paste$1.txt" "$base/submit" \
        || echo "000 -"
}

start
csrf=$(session)

# 1. Preview latency.
t0=$(now)
location=$(paste_unit 0 | awk '{print $2}')
id=${location##*/s/}
png=$(curl -s -b "$work/cookies" "$base/s/$id" | grep -o "<img src=\"/s/$id/file/[0-9]*\"" | head -1 | sed 's/.*src="//; s/"//')
curl -s -o "$work/first.png" -b "$work/cookies" "$base$png"
t1=$(now)
file "$work/first.png" | grep -q PNG || { echo "no PNG preview"; exit 1; }
latency=$(echo "$t1 - $t0" | bc)

# 2. Throughput.
t0=$(now)
pids=()
for n in $(seq 1 "$uploads"); do paste_unit "$n" > "$work/load$n" & pids+=($!); done
wait "${pids[@]}"
t1=$(now)
accepted=$(cat "$work"/load* | grep -c '^303 ' || true)
seconds=$(echo "$t1 - $t0" | bc)
[ "$accepted" -eq "$uploads" ] || { echo "only $accepted of $uploads accepted under load"; exit 1; }

# 3. Crash in the middle.
pids=()
for n in $(seq 1001 $((1000 + uploads))); do paste_unit "$n" > "$work/crash$n" & pids+=($!); done
while [ "$(cat "$work"/crash* 2>/dev/null | grep -c '^303 ' || true)" -lt "${KILL_AFTER:-5}" ]; do sleep 0.05; done
kill -9 "$server"
wait "$server" 2>/dev/null || true
server=""
wait "${pids[@]}" || true
before=$(cat "$work"/crash* | grep -c '^303 ' || true)
ids=$(cat "$work"/load* "$work"/crash* | awk '$1 == 303 {sub(".*/s/", "", $2); print $2}' | sort -n)
start
for id in $ids; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/cookies" "$base/s/$id")
    [ "$status" = 200 ] || { echo "accepted submission #$id is gone after the crash (HTTP $status)"; exit 1; }
done
kill "$server"; wait "$server" 2>/dev/null || true; server=""
"$formprint" serve verify --data "$data"
leftovers=$(find "$data" -name '.*.tmp' | wc -l)
[ "$leftovers" -eq 0 ] || { echo "$leftovers temporary files left"; exit 1; }
start
csrf=$(session)
after=$(paste_unit 9999)
case "$after" in 303*) ;; *) echo "no upload after the restart: $after"; exit 1 ;; esac
rows=$(sqlite3 "$data/desk.sqlite" 'SELECT COUNT(*) FROM submission')

echo "preview latency (paste → first page PNG): ${latency}s"
echo "throughput: $uploads concurrent pastes on $workers workers in ${seconds}s ($(echo "scale=2; $uploads / $seconds" | bc)/s)"
echo "crash: kill -9 after $before of $uploads accepted; all $(echo "$ids" | wc -w) accepted submissions complete after restart; $rows rows; no temporaries; upload after restart: ok"
