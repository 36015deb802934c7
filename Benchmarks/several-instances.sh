#!/usr/bin/env bash
# Several instances on one PostgreSQL, measured with real `parley serve` processes (release
# build) and, for throughput, `wrk` as a separate process.
#
#   1. Start time with migrations: the first start against an empty database (runs every
#      migration under the advisory lock) and a restart (nothing to migrate), on PostgreSQL and
#      on SQLite: milliseconds from exec to the first successful /healthz, polled every 2 ms.
#   2. Edit-to-served latency across instances: instances A and B share the database; 1,000
#      edits are saved through A (`PUT … If-Match`), and the moment A's acknowledgement arrives
#      the bench starts asking B for `/locales/es/common.json` until B serves the new value.
#      p50/p99/max of that gap, over keep-alive connections.
#   3. Keys across instances: 30 keys made with `parley keys create`, each used on B (time
#      from the CLI's exit until B accepts it), used 20 times more so B remembers it, revoked
#      with `parley keys revoke` (time until B refuses it: B remembers a verdict for 2 s, so
#      only the store's notification can make it refuse sooner).
#   4. Cached `POST /v1/translate` throughput of one instance on PostgreSQL vs one on SQLite,
#      alternating turns of `wrk -t2 -c32 -d5s`, an unlimited key, access log at info, metrics
#      on. Only 200s count; a turn with anything else or a socket error is printed as invalid.
#
# Uses $PARLEY_TEST_POSTGRES_URL when set (a fresh database is created in it and dropped at
# the end), otherwise starts a throwaway cluster with Tests/Support/postgres.sh. Needs wrk,
# psql and Python 3 (for the fake MT server of the browser tests and the edit loop).
# Usage: Benchmarks/several-instances.sh [path/to/parley]   (default .build/release/parley)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
binary=${1:-.build/release/parley}
[[ -x "$binary" ]] || { echo "no $binary: build it with 'swift build -c release --product parley'" >&2; exit 1; }
for tool in wrk psql python3; do
  command -v "$tool" >/dev/null || { echo "no $tool (apt-get install wrk postgresql python3)" >&2; exit 1; }
done
say() { echo "several-instances.sh: $*" >&2; }
work="$(mktemp -d)"
source Tests/Support/processes.sh
source Tests/Support/postgres.sh

own_cluster=no
if [[ -z "${PARLEY_TEST_POSTGRES_URL:-}" ]]; then
  start_postgres
  own_cluster=yes
fi
server_url="$PARLEY_TEST_POSTGRES_URL"
database="parley_bench_$$"
psql -q "$server_url" -c "CREATE DATABASE $database" >/dev/null
store="${server_url%/*}/$database"
finish() {
  cleanup
  psql -q "$server_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  if [[ $own_cluster == yes ]]; then stop_postgres; fi
}
trap finish EXIT

mt_port="$(free_port)"
start_fake_mt "$mt_port" "$work/fake_mt.log"
config="$work/parley.json"
# Rate limits are off so that only correct answers are counted, not 429s of a busy key, and the
# revoked keys of the key test (one 401 each, from one address) are not taken for guessing.
echo '{"auth": {"rateLimit": {"requestsPerSecond": 0, "burst": 0}, "invalidKeyLimit": {"requestsPerSecond": 0, "burst": 0}}}' > "$config"

# Starts an instance: NAME PORT STORE. Sets `started_ms` (exec to the first /healthz) and
# appends its PID to `pids`; the PID is also in "$work/NAME.pid".
serve() {
  local name="$1" port="$2" store_url="$3" start ready pid
  start=$(date +%s%N)
  (cd "$root" && exec "$binary" serve --config "$config" --port "$port" --data-dir "$work/$name-data" \
    --store "$store_url" --backend "lt=libretranslate@http://127.0.0.1:$mt_port") >> "$work/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  echo "$pid" > "$work/$name.pid"
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then say "$name exited:"; tail -n 30 "$work/$name.log" >&2; exit 1; fi
    sleep 0.002
  done
  ready=$(date +%s%N)
  started_ms=$(( (ready - start) / 1000000 ))
}
halt() { local pid; pid=$(cat "$work/$1.pid"); kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; }

echo "== start time with migrations (exec to /healthz) =="
port_a="$(free_port)"; port_b="$(free_port)"; port_s="$(free_port)"
sqlite_store="sqlite:$work/sqlite/parley.sqlite"
mkdir -p "$work/sqlite"
serve a "$port_a" "$store"; echo "postgres, empty database (all migrations)  $started_ms ms"
halt a
serve a "$port_a" "$store"; echo "postgres, restart (schema current)         $started_ms ms"
serve s "$port_s" "$sqlite_store"; echo "sqlite, new file (all migrations)           $started_ms ms"
halt s
serve s "$port_s" "$sqlite_store"; echo "sqlite, restart (schema current)            $started_ms ms"
serve b "$port_b" "$store"
echo "(each includes importing or checking the shipped catalogs; Benchmarks/startup.sh measures SQLite alone)"

key_pg="$("$binary" keys create --store "$store" --name bench --scope admin --unlimited 2>/dev/null | tail -n 1)"
key_sqlite="$("$binary" keys create --store "$sqlite_store" --name bench --scope admin --unlimited 2>/dev/null | tail -n 1)"
[[ "$key_pg" == pk_* && "$key_sqlite" == pk_* ]] || { say "parley keys create printed no key"; exit 1; }

echo
echo "== edit-to-served across instances: 1000 edits through A, read back from B =="
python3 - "$port_a" "$port_b" "$key_pg" <<'PY'
import http.client, json, sys, time
port_a, port_b, key = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
a = http.client.HTTPConnection("127.0.0.1", port_a)
b = http.client.HTTPConnection("127.0.0.1", port_b)
auth = {"Authorization": f"Bearer {key}"}
def call(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers={**auth, **(headers or {})})
    response = conn.getresponse()
    return response.status, response.getheader("ETag"), response.read()
uri = "/v1/catalogs/es/common/keys/button.close"
status, etag, body = call(a, "GET", uri)
assert status == 200, body
gaps, reads = [], 0
for i in range(1000):
    value = f"Cerrar {i}"
    status, etag, body = call(a, "PUT", uri, json.dumps({"value": value}),
                              {"If-Match": etag, "Content-Type": "application/json"})
    if status != 200:
        sys.exit(f"edit {i}: {status} {body[:200]!r}")
    acknowledged = time.perf_counter()
    needle = json.dumps(value).encode()
    while True:
        status, _, body = call(b, "GET", "/locales/es/common.json")
        reads += 1
        if status == 200 and b'"close": ' + needle in body:
            break
        if time.perf_counter() - acknowledged > 5:
            sys.exit(f"edit {i}: B did not serve it within 5 s")
    gaps.append((time.perf_counter() - acknowledged) * 1000)
gaps.sort()
pick = lambda q: gaps[min(len(gaps) - 1, int(q * len(gaps)))]
print(f"edit acknowledged by A -> served by B   p50 {pick(0.5):.2f} ms   p99 {pick(0.99):.2f} ms   max {gaps[-1]:.2f} ms   (target p99 <= 100 ms)")
print(f"reads of B per edit                     {reads / len(gaps):.2f}   (1.00: the very first read after the acknowledgement had it)")
PY

echo
echo "== keys across instances: 30 keys made and revoked with the CLI, used on B =="
python3 - "$binary" "$store" "$port_b" <<'PY'
import http.client, subprocess, sys, time
binary, store, port_b = sys.argv[1], sys.argv[2], int(sys.argv[3])
b = http.client.HTTPConnection("127.0.0.1", port_b)
def status(key):
    b.request("POST", "/v1/detect", body='{"texts":["Hola a todos"]}',
              headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    response = b.getresponse()
    response.read()
    return response.status
def until(key, wanted):
    start = time.perf_counter()
    while status(key) != wanted:
        if time.perf_counter() - start > 5:
            sys.exit(f"B did not answer {wanted} within 5 s")
    return (time.perf_counter() - start) * 1000
accepted, refused = [], []
for i in range(30):
    out = subprocess.run([binary, "keys", "create", "--store", store, "--name", f"bench-{i}", "--scope", "detect"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    key_id, key = out[0].split()[1], out[-1]
    accepted.append(until(key, 200))   # from the CLI's exit
    for _ in range(20): status(key)    # B now remembers the key as valid
    subprocess.run([binary, "keys", "revoke", "--store", store, key_id], capture_output=True, check=True)
    refused.append(until(key, 401))    # only the notification can make B forget so soon
for name, gaps in (("new key accepted by B", accepted), ("revoked key refused by B", refused)):
    gaps.sort()
    print(f"{name:<34} p50 {gaps[len(gaps) // 2]:.2f} ms   max {gaps[-1]:.2f} ms   (after the CLI exits; 30 keys)")
PY

echo
echo "== cached POST /v1/translate, wrk -t2 -c32 -d5s, one instance on each store =="
body='{"texts":["Good morning, everyone in the room"],"source":"en","targets":["es"]}'
for port in "$port_a" "$port_s"; do
  key=$([[ $port == "$port_a" ]] && echo "$key_pg" || echo "$key_sqlite")
  curl -fs -o /dev/null -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "$body" "http://127.0.0.1:$port/v1/translate" || { say "warm-up request failed on $port"; exit 1; }
done
source Benchmarks/wrk-post.sh
wrk_post_lua "$key_pg" "$body" > "$work/pg.lua"
wrk_post_lua "$key_sqlite" "$body" > "$work/sqlite.lua"
# Backend calls, as both instances count them (parley_backend_request_duration_seconds_count).
backend_calls() {
  local total=0 port key count
  for port in "$port_a" "$port_s"; do
    key=$([[ $port == "$port_a" ]] && echo "$key_pg" || echo "$key_sqlite")
    count=$(curl -fs -H "Authorization: Bearer $key" "http://127.0.0.1:$port/metrics" |
      awk '/^parley_backend_request_duration_seconds_count/ { n += $NF } END { print n + 0 }')
    total=$(( total + count ))
  done
  echo "$total"
}
calls_before=$(backend_calls)
# One turn: wrk's last line, marked INVALID unless every answer was a 200 on a sound socket.
turn() {
  local line
  line=$(wrk -t2 -c32 -d5s -s "$1" "$2" | tail -n 1)
  [[ "$line" == *" 0 other; socket errors: connect 0, read 0, write 0, timeout 0;"* ]] || line="$line  INVALID"
  echo "${line#*timeout 0; }"
}
for round in 1 2 3; do
  echo "round $round  postgres  $(turn "$work/pg.lua" "http://127.0.0.1:$port_a/v1/translate")"
  echo "round $round  sqlite    $(turn "$work/sqlite.lua" "http://127.0.0.1:$port_s/v1/translate")"
done
calls_after=$(backend_calls)
echo "backend requests during the turns: $(( calls_after - calls_before )) (0: every answer came from the cache)"
