#!/usr/bin/env bash
# Signing up at every satisfiable site of the bundled rules data, through ./mint as a user runs
# it (docs/PERFORMANCE.md, "Signing up and bumping"): for each of PHRASES random phrases, one
# `mint session --phrase-stdin` in a new empty home, fed a line `SITE --save` for every site of
# the data, one line at a time; then, for the first phrase, `mint --save SITE` as a command of its
# own for every site the session served, which must print the session's password. "Satisfiable"
# is what --save does not refuse (mint-rules' Suggestion: some page setting serves the site).
# Every password printed is judged by the oracle of mint-rules' tests (Apple's
# PasswordRulesParser.js, node). Prints one table: the share whose first password complies,
# commands needed, derivations (1, or 1 plus the versions the sign-up's search tried, from its
# "(K tried)" line, checked against the version stored) and seconds per sign-up (a session line:
# from writing it to its password; a command: its process, start to exit).
# Not a test: the seconds depend on the machine and its load. Runs under nice -n 10.
#
# Usage: benchmarks/signup-figures.sh [PHRASES] [ONE_COMMAND]   (default 20; 1, or 0 to skip it)
# Needs: a JDK and node; builds the jar first when it is missing or stale (untimed).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM # so that EXIT's clean-up runs on Ctrl-C or a kill too
"$root/mint" --version >/dev/null # builds the jar when it is missing or stale, untimed

echo "# $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(java -version 2>&1 | head -1), node $(node --version)"
nice -n 10 node "$root/benchmarks/signup-figures.mjs" "$tmp" "${1:-20}" "${2:-1}"
echo "# done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
