#!/usr/bin/env bash
# Measures how long `parley serve` takes from exec to answering /healthz, and its idle RSS.
# Usage: Benchmarks/startup.sh [path/to/parley] [runs]
set -euo pipefail
binary=${1:-.build/release/parley}
runs=${2:-5}
port=${PARLEY_BENCH_PORT:-18931}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in $(seq 1 "$runs"); do
  data="$work/data"
  start=$(date +%s%N)
  "$binary" serve --port "$port" --data-dir "$data" >"$work/log-$run" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$work/log-$run"; exit 1; fi
    sleep 0.002
  done
  ready=$(date +%s%N)
  sleep 1
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" || true
  echo "run $run: ready in $(( (ready - start) / 1000000 )) ms, idle RSS $(( rss / 1024 )) MB$([ "$run" = 1 ] && echo ' (first start: imports the catalogs)')"
done
