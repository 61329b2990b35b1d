#!/usr/bin/env bash
# `mint site bump` twice on every satisfiable site of the bundled rules data, through ./mint as a
# user runs it (docs/PERFORMANCE.md, "Signing up and bumping"): one random phrase; a sign-up
# session (`mint session --phrase-stdin`, a line `SITE --save` for every site of the data) in a
# new empty home; then, CHUNK entries at a time, twice `mint site bump SITE --phrase-stdin` on
# every entry it made (a site the page gives the same name as one before it, hertz.be after
# hertz.at, gets that site's entry and password), each round followed by a session deriving every
# site of those entries as stored (a line `SITE`: what `mint SITE` prints). Every password so
# derived is judged by the oracle of mint-rules' tests (Apple's PasswordRulesParser.js, node).
# Prints one table, a row a bump: bumps that moved, whose printed
# password is the one derived after, that comply; derivations (new version minus old: each
# version after the stored one derived once) and seconds (the bump's process, start to exit),
# printed again after every chunk (so a run stopped early still has its figures: it says how many
# entries it covers).
# Not a test: the seconds depend on the machine and its load. Runs under nice -n 10.
#
# Usage: benchmarks/bump-figures.sh [CHUNK]   (default 40 entries)
# Needs: a JDK and node; builds the jar first when it is missing or stale (untimed).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM # so that EXIT's clean-up runs on Ctrl-C or a kill too
"$root/mint" --version >/dev/null # builds the jar when it is missing or stale, untimed

echo "# $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(java -version 2>&1 | head -1), node $(node --version)"
nice -n 10 node "$root/benchmarks/bump-figures.mjs" "$tmp" "${1:-40}"
echo "# done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
