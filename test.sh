#!/usr/bin/env bash
# Runs Parley's whole test suite: the Swift unit and HTTP tests.
set -euo pipefail
cd "$(dirname "$0")"
swift build --build-tests
swift test --skip-build --no-parallel
