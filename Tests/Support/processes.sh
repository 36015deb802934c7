# Process handling shared by the scripts that start servers (Tests/Studio/run.sh,
# Tests/Fuzz/run.sh, Benchmarks/drain.sh). Sourced, not run. The caller defines `say`, `$root`
# (the repository) and `$work` (a temporary directory removed on exit) before sourcing, and
# appends every PID it starts to `pids`; all of them are stopped on exit, whatever happens.

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until URL answers 200, while process PID lives; gives up after SECONDS.
wait_http() {
  local url="$1" pid="$2" seconds="$3" log="$4" deadline=$((SECONDS + $3))
  while (( SECONDS < deadline )); do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "the process for $url exited; its log ($log):"; tail -n 30 "$log" >&2; return 1
    fi
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  say "no answer from $url within $seconds s; log ($log):"; tail -n 30 "$log" >&2
  return 1
}

# Starts the browser tests' fake LibreTranslate-protocol MT (Tests/Studio/fake_mt.py) on PORT,
# logging to LOG, and waits for its /health. Needs `$root` (the repository). Its environment
# passes on (FAKE_MT_DELAY_MS).
start_fake_mt() {
  local port="$1" log="$2"
  python3 "$root/Tests/Studio/fake_mt.py" "$port" > "$log" 2>&1 &
  pids+=("$!")
  wait_http "http://127.0.0.1:$port/health" "${pids[-1]}" 20 "$log"
}

# Starts `BINARY serve` from the repository root with CONFIG on PORT, data in DATA and the fake
# MT on MT_PORT as its one backend (`lt`), logging to LOG; waits for /healthz and sets
# `parley_pid`.
start_parley() {
  local binary="$1" config="$2" port="$3" data="$4" mt_port="$5" log="$6"
  (cd "$root" && exec "$binary" serve --config "$config" --port "$port" --data-dir "$data" \
    --backend "lt=libretranslate@http://127.0.0.1:$mt_port") > "$log" 2>&1 &
  pids+=("$!")
  parley_pid="${pids[-1]}"
  wait_http "http://127.0.0.1:$port/healthz" "$parley_pid" 120 "$log"
}
