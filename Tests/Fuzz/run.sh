#!/usr/bin/env bash
# Fuzzes Parley's HTTP API with Schemathesis, driven by the OpenAPI document the server itself
# serves at /openapi.json:
#
#   1. a Python venv in Tests/Fuzz/.venv with requirements.txt (rebuilt only when that file changes);
#   2. the fake LibreTranslate-protocol MT server of the browser tests (Tests/Studio/fake_mt.py,
#      used in place) on a free loopback port;
#   3. `parley serve` on another free port with a fresh data directory, the repository's
#      Catalogs/ and Glossaries/, no rate limit, and the fake MT as backend `lt`;
#   4. an admin API key made with `parley keys create` (sent on every request);
#   5. `schemathesis run http://127.0.0.1:PORT/openapi.json` with every check (schemathesis.toml:
#      all 14, with a few per-operation settings, each with its reason there), value
#      dictionaries that get requests past the first validation, every phase (examples,
#      coverage, fuzzing, stateful), 2 workers, a fixed seed and a time budget of FUZZ_MAX_TIME
#      seconds (default 110: about 2 minutes with start-up), inside a `timeout` that only
#      catches a hung run.
# It ends with the line "fuzz: N passed, N failed" (N = API operations) and exits non-zero when
# any check failed, schemathesis reported an error, or the repository's Catalogs/ changed.
# Every process it starts is stopped on exit, whatever happens.
#
# Usage: Tests/Fuzz/run.sh [extra schemathesis options, e.g. --include-name 'POST /v1/translate']
# Environment: PARLEY_BINARY (default .build/debug/parley, relative to the repository root),
#              FUZZ_MAX_TIME (seconds, default 110), FUZZ_SEED (default 20260101),
#              FUZZ_WORKERS (default 2), FUZZ_SCHEMA (default: the running server's own
#              /openapi.json; a path, e.g. Sources/ParleyServer/Resources/openapi.json relative
#              to the repository root, fuzzes that file instead, so that an edited document can be
#              tried against an already built server), CI=true makes a missing python3/venv or a failed pip
#              install a failure (it is one anyway: nothing here is ever skipped).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

say() { echo "run.sh: $*" >&2; }
fail() { say "FAILED: $*"; echo "fuzz: 0 passed, 1 failed"; exit 1; }

max_time="${FUZZ_MAX_TIME:-110}"
seed="${FUZZ_SEED:-20260101}"
workers="${FUZZ_WORKERS:-2}"
[[ "$max_time" =~ ^[1-9][0-9]*$ ]] || fail "FUZZ_MAX_TIME must be a whole number of seconds, not '$max_time'"
[[ "$seed" =~ ^[0-9]+$ ]] || fail "FUZZ_SEED must be a number, not '$seed'"

# The document to fuzz from: by default what the server serves (its built-in copy, what clients
# get); FUZZ_SCHEMA names a file instead, read as it is now (no rebuild needed).
schema_file="${FUZZ_SCHEMA:-}"
if [[ -n "$schema_file" ]]; then
  [[ "$schema_file" == /* ]] || schema_file="$root/$schema_file"
  [[ -f "$schema_file" ]] || fail "FUZZ_SCHEMA: no file at $schema_file"
  python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$schema_file" 2>/dev/null \
    || fail "FUZZ_SCHEMA: $schema_file is not valid JSON"
fi

binary="${PARLEY_BINARY:-.build/debug/parley}"
[[ "$binary" == /* ]] || binary="$root/$binary"
[[ -x "$binary" ]] || fail "no parley binary at $binary (build it with 'swift build', or set PARLEY_BINARY)"

fake_mt="$root/Tests/Studio/fake_mt.py"
[[ -f "$fake_mt" ]] || fail "the fake MT server $fake_mt is missing"

# Without python3 and its venv module there is nothing to run. This is never a skip: a skip
# would let a CI run pass with no fuzzing at all (under CI=true, and everywhere else too).
command -v python3 >/dev/null 2>&1 || fail "python3 is needed (Debian: apt-get install python3 python3-venv)"
python3 -c 'import venv, ensurepip' 2>/dev/null || fail "python3's venv module (with ensurepip) is needed (Debian: apt-get install python3-venv)"

# ---- the venv, rebuilt only when requirements.txt changed ----
venv="$here/.venv"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/schemathesis" || "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]]; then
  say "setting up $venv"
  python3 -m venv --clear "$venv" || fail "python3 -m venv $venv failed"
  # The stamp is written only after a complete install, so a failed one is retried next run.
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" \
    || fail "pip install -r $here/requirements.txt failed"
  echo "$want" > "$stamp"
fi

# ---- processes, always stopped ----
out="$here/.work"
logs="$out/logs"
# A fresh start for what a run leaves: logs, reports, and schemathesis's crash files (for
# `schemathesis replay`, kept under .work/.schemathesis/ since the run works in .work/).
rm -rf "$logs" "$out/report" "$out/.schemathesis"
mkdir -p "$logs" "$out/report"
work="$(mktemp -d "${TMPDIR:-/tmp}/parley-fuzz.XXXXXX")"
# pids, cleanup (on EXIT), free_port, wait_http: shared with the other harnesses.
source "$root/Tests/Support/processes.sh"

# The fuzzer writes catalog entries; they must land in the temporary store only, never in the
# repository's Catalogs/ (imported from there on first start). Checked after the run.
tree_digest() { (cd "$root" && find Catalogs Glossaries -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }
before="$(tree_digest)"

mt_port="$(free_port)"
start_fake_mt "$mt_port" "$logs/fake_mt.log" || fail "the fake MT server did not start"

port="$(free_port)"
config="$work/parley.json"
# The rate limit is off, as in the browser tests: the fuzzer sends some requests without a key
# (they share the one anonymous bucket of 127.0.0.1) and far faster than any client would. So is
# the limit on refused keys: the authentication checks send wrong keys on purpose, and past 10
# of them every request from 127.0.0.1, the admin key's too, would be answered 429.
# Callers without a key get no scopes and /metrics needs the admin scope (anonymousScopes [] and
# publicMetrics false, what a server listening beyond loopback has by default, bar the
# metrics): that is the access the document declares (bearer on every route but the public
# ones), so the authentication checks test it. On loopback Parley's default grants anonymous
# callers `translate detect catalog:read`, which the document cannot say for one host and not
# another; see README.md.
python3 - "$config" "$root" <<'PY'
import json, os, sys
path, root = sys.argv[1], sys.argv[2]
config = {
    "catalogs": os.path.join(root, "Catalogs"),
    "glossaries": os.path.join(root, "Glossaries"),
    "auth": {
        "rateLimit": {"requestsPerSecond": 0, "burst": 0},
        "invalidKeyLimit": {"requestsPerSecond": 0, "burst": 0},
        "anonymousScopes": [],
        "publicMetrics": False,
    },
}
with open(path, "w") as f:
    json.dump(config, f)
PY
data="$work/data"
start_parley "$binary" "$config" "$port" "$data" "$mt_port" "$logs/parley.log" || fail "parley serve did not start"
# Ready = the store works and the (fake) MT backend was found healthy: translation needs it.
wait_http "http://127.0.0.1:$port/readyz" "$parley_pid" 60 "$logs/parley.log" || fail "parley serve did not become ready"

admin="$("$binary" keys create --config "$config" --data-dir "$data" --unlimited --name fuzz --scope admin 2>>"$logs/keys.log" | tail -n 1)" \
  || fail "parley keys create failed (see $logs/keys.log)"
[[ "$admin" == pk_* ]] || fail "parley keys create printed '$admin' instead of a key (see $logs/keys.log)"

base="http://127.0.0.1:$port"
schema="${schema_file:-$base/openapi.json}"
say "parley ($binary) on $base, fake MT on :$mt_port; seed $seed, $workers workers, ${max_time} s; document $schema; logs in $logs"

# ---- the fuzzing ----
# --max-time is schemathesis's own budget: examples and coverage run once, then fuzzing and
# stateful testing repeat until it is spent. The outer `timeout` is only a safety net for a hung
# run (SIGINT first, so schemathesis still writes its reports; SIGKILL 20 s later).
# The checks are chosen in schemathesis.toml ([checks] enabled = true: all of them), not with
# `--checks all`: in schemathesis 4.32.5 a check named on the command line wins over the file's
# per-operation settings, so the documented exceptions could not be made there.
# --continue-on-failure: an operation's first failure does not end its testing, so the rest of
# the budget still reaches the code behind it (and any other failure there).
# --generation-database none: no examples carried over from an earlier run, so a seed always
# means the same inputs. --url: the document's `servers` names 127.0.0.1:8080, not this port.
# schemathesis_cli.py is schemathesis's own entry point plus a work-around for a CPython bug
# (see that file). Extra arguments go to `schemathesis run` as they are.
# It runs as a background job that the script waits for, so that a TERM or INT to the script
# stops it at once (cleanup kills it like the servers); a foreground command would hold the
# script's traps until it ended. `timeout --foreground` keeps it in the script's process group,
# so a Ctrl-C in a terminal reaches it too. Its output goes to the screen and the log through tee.
cd "$out"
status=0
started=$SECONDS
exec 3> >(tee "$logs/schemathesis.log")
tee_pid=$!
timeout --foreground --signal=INT --kill-after=20 "$((max_time + 90))" \
  "$venv/bin/python" "$here/schemathesis_cli.py" --config-file "$here/schemathesis.toml" \
    run "$schema" \
    --url "$base" \
    --header "Authorization: Bearer $admin" \
    --max-time "$max_time" \
    --seed "$seed" \
    --workers "$workers" \
    --generation-database none \
    --continue-on-failure \
    --request-timeout 30 \
    --no-color \
    --report junit,ndjson \
    --report-dir "$out/report" \
    --report-junit-path "$out/report/junit.xml" \
    --report-ndjson-path "$out/report/events.ndjson" \
    "$@" >&3 2>&1 &
pids+=("$!")
wait "${pids[-1]}" || status=$?
exec 3>&-
wait "$tee_pid" 2>/dev/null || true
elapsed=$((SECONDS - started))
(( status != 124 )) || say "schemathesis did not stop within $((max_time + 90)) s and was interrupted"

if ! kill -0 "$parley_pid" 2>/dev/null; then
  say "parley serve died during the run; its log ($logs/parley.log):"; tail -n 30 "$logs/parley.log" >&2
  (( status != 0 )) || status=1
fi
if [[ "$(tree_digest)" != "$before" ]]; then
  say "the repository's Catalogs/ or Glossaries/ changed during the run: the server must write only to its data directory"
  (( status != 0 )) || status=1
fi

# The closing lines: operations passed and failed from the JUnit report (one test case per
# operation, plus one "Stateful tests" case, counted only when it failed), cases from
# schemathesis's own summary.
summary="$("$venv/bin/python" - "$out/report/junit.xml" "$logs/schemathesis.log" <<'PY'
import re, sys, xml.etree.ElementTree as ET
junit, log = sys.argv[1], sys.argv[2]
passed = failed = 0
try:
    for case in ET.parse(junit).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is None and case.get("name") != "Stateful tests":
            passed += 1
except (OSError, ET.ParseError):
    pass
text = open(log, encoding="utf-8", errors="replace").read()
cases = re.findall(r"Test cases:\s*\n\s*(.+)", text)
print(passed, failed, (cases[-1].strip() if cases else "unknown").replace(" ", "_"))
PY
)" || summary="0 0 unknown"
read -r passed failed cases <<<"$summary"
cases="${cases//_/ }"
if (( status != 0 && failed == 0 )); then failed=1; fi
say "schemathesis exit $status after ${elapsed} s; operations: $passed passed, $failed failed; test cases: $cases"
say "reports: $out/report/junit.xml, $out/report/events.ndjson; output: $logs/schemathesis.log"
if (( status != 0 )); then
  say "FAILED (replay with FUZZ_SEED=$seed; see Tests/Fuzz/README.md, 'Reading a failure')"
fi
echo "fuzz: $passed passed, $failed failed"
exit "$status"
