# Process handling shared by the test harnesses that start servers (Tests/Studio/run.sh,
# Tests/Fuzz/run.sh). Sourced, not run. The caller defines `say` and `$work` (a temporary
# directory removed on exit) before sourcing, and appends every PID it starts to `pids`;
# all of them are stopped on exit, whatever happens.

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
