#!/usr/bin/env bash
# Parley Studio's two numbers a translator feels, in headless Chromium (Performance API):
# navigation → interactive key list of the largest namespace, and a save round trip.
# Starts a real `parley serve` (release build) with a fake MT backend through
# Tests/Studio/run.sh --benchmark; prints the runs and their medians.
# Usage: Benchmarks/studio.sh [path/to/parley]   (default .build/release/parley)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/parley}
if [[ ! -x "$binary" ]]; then
  echo "no $binary: build it with 'swift build -c release --product parley'" >&2
  exit 1
fi
PARLEY_BINARY="$binary" exec Tests/Studio/run.sh --benchmark
