#!/usr/bin/env bash
# Runs Parley Studio's browser tests (or, with --benchmark, its benchmark) against a real Parley:
#
#   1. a Python venv in Tests/Studio/.venv with requirements.txt (rebuilt only when that file changes);
#   2. a fake LibreTranslate-protocol MT server (fake_mt.py) on a free loopback port;
#   3. `parley serve` on another free port with a fresh data directory, the repository's
#      Catalogs/ and Glossaries/, the Studio's files built into the binary (STUDIO_LIVE=1: read
#      live from Sources/ParleyServer/Resources/studio), and the fake MT as backend `lt`;
#   4. API keys made with `parley keys create` (writer and second writer of Arabic, reviewer of
#      Arabic, admin);
#   5. the tests (runner.py: unittest, ending with the line "N passed, N failed") in headless
#      Chromium through Debian's chromium and chromium-driver.
# Every process it starts is stopped on exit, whatever happens.
#
# Usage: Tests/Studio/run.sh [--benchmark] [unittest names, e.g. test_studio.EditorTests]
# Environment: PARLEY_BINARY (default .build/debug/parley, relative to the repository root),
#              CHROMIUM, CHROMEDRIVER (default /usr/bin/chromium, /usr/bin/chromedriver),
#              STUDIO_LIVE=1 serves the app's files from the source tree,
#              CI=true makes a missing browser a failure instead of a skip.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mode=tests
if [[ "${1:-}" == "--benchmark" ]]; then mode=benchmark; shift; fi

say() { echo "run.sh: $*" >&2; }

binary="${PARLEY_BINARY:-.build/debug/parley}"
[[ "$binary" == /* ]] || binary="$root/$binary"
if [[ ! -x "$binary" ]]; then
  say "no parley binary at $binary (build it with 'swift build', or set PARLEY_BINARY)"
  echo "0 passed, 1 failed"
  exit 1
fi

chromium="${CHROMIUM:-/usr/bin/chromium}"
chromedriver="${CHROMEDRIVER:-/usr/bin/chromedriver}"
missing=()
[[ -x "$chromium" ]] || missing+=("$chromium (Debian package chromium)")
[[ -x "$chromedriver" ]] || missing+=("$chromedriver (Debian package chromium-driver)")
if (( ${#missing[@]} )); then
  if [[ "${CI:-}" == "true" ]]; then
    say "FAILED: the browser tests need ${missing[*]}; install them with apt-get install chromium chromium-driver"
    echo "0 passed, 1 failed"
    exit 1
  fi
  say "skipping the browser tests: missing ${missing[*]}"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
export CHROMIUM="$chromium" CHROMEDRIVER="$chromedriver"

# ---- the venv, rebuilt only when requirements.txt changed ----
venv="$here/.venv"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]]; then
  say "setting up $venv"
  python3 -m venv --clear "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  echo "$want" > "$stamp"
fi

# ---- processes, always stopped ----
logs="$here/.work/logs"
mkdir -p "$logs"
work="$(mktemp -d "${TMPDIR:-/tmp}/parley-studio.XXXXXX")"
# pids, cleanup (on EXIT), free_port, wait_http: shared with the other harnesses.
source "$root/Tests/Support/processes.sh"

mt_port="$(free_port)"
start_fake_mt "$mt_port" "$logs/fake_mt.log" || { echo "0 passed, 1 failed"; exit 1; }

port="$(free_port)"
config="$work/parley.json"
# The rate limit is off: the app's files and UI strings are fetched without a key, so they
# count against the one anonymous bucket of 127.0.0.1 (burst 100), and one page load is ~28
# requests; the suite reloads the page several times a second, a person does not.
# The app's files are the copy built into the binary, as shipped; STUDIO_LIVE=1 serves them from
# Sources/ParleyServer/Resources/studio instead (edit and reload without rebuilding).
python3 - "$config" "$root" "${STUDIO_LIVE:-}" <<'PY'
import json, os, sys
path, root, live = sys.argv[1], sys.argv[2], sys.argv[3]
config = {
    "catalogs": os.path.join(root, "Catalogs"),
    "glossaries": os.path.join(root, "Glossaries"),
    "auth": {"rateLimit": {"requestsPerSecond": 0, "burst": 0}},
}
if live:
    config["studio"] = os.path.join(root, "Sources", "ParleyServer", "Resources", "studio")
with open(path, "w") as f:
    json.dump(config, f)
PY
data="$work/data"
start_parley "$binary" "$config" "$port" "$data" "$mt_port" "$logs/parley.log" || { echo "0 passed, 1 failed"; exit 1; }
# Ready = the store works and the (fake) MT backend was found healthy: suggestions need it.
wait_http "http://127.0.0.1:$port/readyz" "$parley_pid" 60 "$logs/parley.log" || { echo "0 passed, 1 failed"; exit 1; }

make_key() {
  local name="$1"; shift
  "$binary" keys create --config "$config" --data-dir "$data" --unlimited --name "$name" "$@" 2>>"$logs/keys.log" | tail -n 1
}
writer="$(make_key writer-ar --scope catalog:read --scope catalog:write:ar)"
writer2="$(make_key writer2-ar --scope catalog:read --scope catalog:write:ar)"
reviewer="$(make_key reviewer-ar --scope catalog:read --scope catalog:review:ar)"
admin="$(make_key admin --scope admin)"
for k in "$writer" "$writer2" "$reviewer" "$admin"; do
  [[ "$k" == pk_* ]] || { say "parley keys create printed '$k' instead of a key (see $logs/keys.log)"; echo "0 passed, 1 failed"; exit 1; }
done
python3 - "$work/keys.json" "$writer" "$writer2" "$reviewer" "$admin" <<'PY'
import json, sys
path, writer, writer2, reviewer, admin = sys.argv[1:]
with open(path, "w") as f:
    json.dump({"writer": writer, "writer2": writer2, "reviewer": reviewer, "admin": admin}, f)
PY

export STUDIO_BASE_URL="http://127.0.0.1:$port" STUDIO_KEYS="$work/keys.json"
export STUDIO_SCREENSHOTS="$here/.work/screenshots"
say "parley ($binary) on $STUDIO_BASE_URL, fake MT on :$mt_port; logs in $logs"

cd "$here"
status=0
if [[ "$mode" == benchmark ]]; then
  "$venv/bin/python" benchmark.py "$@" || status=$?
else
  "$venv/bin/python" runner.py "$@" || status=$?
fi
exit "$status"
