#!/usr/bin/env bash
# Runs Parley's whole test suite:
#   1. the Swift unit and HTTP tests (everything but InteropTests), the store contract against
#      SQLite and a throwaway PostgreSQL (Tests/Support/postgres.sh);
#   2. the interop tests against real LibreTranslate 1.9.6 and a CTranslate2 NLLB server,
#      started (and always stopped) by Tests/Interop/harness — see Tests/Interop/README.md;
#   3. the browser tests of Parley Studio: Selenium driving headless Chromium against a real
#      `parley serve` (Tests/Studio/run.sh — see Tests/Studio/README.md);
#   4. Schemathesis fuzzing every operation of /openapi.json against a real `parley serve`,
#      about 2 minutes (Tests/Fuzz/run.sh — see Tests/Fuzz/README.md).
# Every phase runs even when an earlier one fails; the script fails when any does.
# PARLEY_SCRATCH_PATH=DIR builds and tests in DIR instead of .build (swift's --scratch-path).
set -euo pipefail
cd "$(dirname "$0")"

scratch=()
if [[ -n "${PARLEY_SCRATCH_PATH:-}" ]]; then scratch=(--scratch-path "$PARLEY_SCRATCH_PATH"); fi

phase() { echo "test.sh: $*" >&2; }

swift build --build-tests "${scratch[@]}"

# A throwaway PostgreSQL for the store contract (Tests/Support/postgres.sh); stopped on exit.
# Under CI=true a database that cannot start fails the run; elsewhere the PostgreSQL half of
# the store tests is left out, with a warning.
source Tests/Support/postgres.sh
trap stop_postgres EXIT
if ! start_postgres; then
  if [[ "${CI:-}" == "true" ]]; then phase "FAILED: PostgreSQL did not start"; exit 1; fi
  phase "warning: no PostgreSQL; the store contract runs against SQLite only"
fi

start=$SECONDS
unit=0
phase "unit tests"
swift test "${scratch[@]}" --skip-build --no-parallel --skip InteropTests || unit=$?
phase "unit tests finished in $((SECONDS - start)) s (exit $unit)"

start=$SECONDS
interop=0
phase "interop tests (Tests/Interop/harness)"
Tests/Interop/harness run -- swift test "${scratch[@]}" --skip-build --no-parallel --filter InteropTests || interop=$?
phase "interop tests finished in $((SECONDS - start)) s (exit $interop)"

start=$SECONDS
studio=0
phase "browser tests (Tests/Studio/run.sh)"
PARLEY_BINARY="$(swift build "${scratch[@]}" --show-bin-path)/parley" Tests/Studio/run.sh || studio=$?
phase "browser tests finished in $((SECONDS - start)) s (exit $studio)"

start=$SECONDS
fuzz=0
phase "API fuzzing (Tests/Fuzz/run.sh)"
PARLEY_BINARY="$(swift build "${scratch[@]}" --show-bin-path)/parley" Tests/Fuzz/run.sh || fuzz=$?
phase "API fuzzing finished in $((SECONDS - start)) s (exit $fuzz)"

if (( unit != 0 || interop != 0 || studio != 0 || fuzz != 0 )); then
  phase "FAILED (unit exit $unit, interop exit $interop, browser exit $studio, fuzz exit $fuzz)"
  exit 1
fi
phase "all tests passed"
