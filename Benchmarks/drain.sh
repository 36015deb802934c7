#!/usr/bin/env bash
# SIGTERM under load, with the load from wrk (a separate process). A real `parley serve`
# (release build) translates through a fake LibreTranslate-protocol MT whose every answer takes
# 100 ms, cache off, so requests queue for the backend and many are in flight at any moment.
# wrk keeps 32 connections busy; after 3 s the server gets SIGTERM. Meanwhile /readyz is probed
# on fresh connections every 50 ms, as a load balancer would.
#
# Prints what each side saw: wrk's answers by status and its socket errors by kind (a read error
# is a request that got no answer: there must be none; wrk counts a refused connection as a
# connect or write error, which after the listener has closed is the refusal the drain
# promises), the server's own count of answers (they must equal wrk's), /readyz over time, and
# when the process exited.
# Usage: Benchmarks/drain.sh [path/to/parley]   (default .build/release/parley)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
binary=${1:-.build/release/parley}
[[ -x "$binary" ]] || { echo "no $binary: build it with 'swift build -c release --product parley'" >&2; exit 1; }
command -v wrk >/dev/null || { echo "no wrk: apt-get install wrk" >&2; exit 1; }
say() { echo "drain.sh: $*" >&2; }
work="$(mktemp -d)"
source Tests/Support/processes.sh

mt_port="$(free_port)"
export FAKE_MT_DELAY_MS=100
start_fake_mt "$mt_port" "$work/fake_mt.log"

port="$(free_port)"
data="$work/data"
config="$work/parley.json"
echo '{"auth": {"rateLimit": {"requestsPerSecond": 0, "burst": 0}}, "cache": {"enabled": false}}' > "$config"
start_parley "$binary" "$config" "$port" "$data" "$mt_port" "$work/parley.log"
wait_http "http://127.0.0.1:$port/readyz" "$parley_pid" 60 "$work/parley.log"
key="$("$binary" keys create --config "$config" --data-dir "$data" --unlimited --name drain --scope translate 2>/dev/null | tail -n 1)"
[[ "$key" == pk_* ]] || { say "parley keys create printed no key"; exit 1; }

source Benchmarks/wrk-post.sh
wrk_post_lua "$key" '{"texts":["Good morning, everyone in the room"],"source":"en","targets":["es"]}' > "$work/load.lua"

wrk -t2 -c32 -d9s --timeout 8s -s "$work/load.lua" "http://127.0.0.1:$port/v1/translate" > "$work/wrk.log" 2>&1 &
wrk_pid=$!
sleep 3
start=$(date +%s.%N)
kill -TERM "$parley_pid"
probes="$work/readyz.log"
while kill -0 "$parley_pid" 2>/dev/null; do
  code=$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)
  echo "$(echo "$(date +%s.%N) - $start" | bc) $code" >> "$probes"
  sleep 0.05
done
wait "$parley_pid" && status=0 || status=$?
exited=$(echo "$(date +%s.%N) - $start" | bc)
wait "$wrk_pid" || true

echo "SIGTERM at +3 s under wrk -t2 -c32 (backend 100 ms, cache off)"
grep -E "wrk answers" "$work/wrk.log" || { cat "$work/wrk.log"; exit 1; }
# Every answer the server wrote (its access log) must have reached wrk: none lost on the way.
echo "server answered: $(grep -c 'path=/v1/translate .*status=200' "$work/parley.log" || true) x 200 on /v1/translate (its access log)"
awk '{ if ($2 != last) { printf "readyz from +%.2f s: %s\n", $1, ($2 == "000" ? "connection refused" : $2); last = $2 } }' "$probes"
printf "process exited %d after %.2f s\n" "$status" "$exited"
