#!/usr/bin/env bash
# The version search's worst cases, measured through `./mint SITE` as a user runs it: for each
# case (a site of the bundled rules and typed settings whose passwords rarely comply) and level,
# PHRASES random phrases (through a pipe), each one `mint --phrase-stdin --no-profile SITE
# SETTINGS` from version 1. For each run: the search's start line (the versions it may try), the
# versions it tried (its result line: "version V ... (N tried)" or "none of versions A to B"), and
# the wall-clock seconds of the whole process. Prints one markdown row per case and level:
# phrases, searches that found a version, that found none, derivations (most, total), seconds
# (most, total).
# Not a test: the figures depend on the machine and its load (docs/PERFORMANCE.md, "The longest
# search").
#
# Usage: benchmarks/version-search.sh [PHRASES] [LEVELS]   (default 5 phrases; "standard high")
#   CASES='site|--option ...' lines replace the default cases (one a line).
#        benchmarks/version-search.sh worst
#   the worst search mint will start, found over the data by benchmarks/SearchBounds.java (the
#   bound VersionSearch.estimate gives, which the start line prints, for the settings mint chooses
#   at every satisfiable site and for every typed combination; the largest bound and, among those,
#   the likeliest miss: a search that tries all its versions), run once at standard and once at
#   high; prints SearchBounds' lines as comments and one summary line. Run it on a quiet machine.
# Needs: a JDK; builds the jar first when it is missing (untimed).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
worst=
if [ "${1:-}" = worst ]; then
  worst=yes
  set -- 1 "standard high"
fi
phrases="${1:-5}"
levels="${2:-standard high}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM # so that EXIT's clean-up runs on Ctrl-C or a kill too
# an empty home of the benchmark's own: the user's sites file is neither read nor changed
mkdir -m 700 "$tmp/home"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
unset MINT_SITES
"$root/mint" --version >/dev/null # builds the jar when it is missing or stale, untimed
if [ -n "$worst" ]; then
  java -cp "$root/mint-cli/target/mint-cli.jar" "$root/benchmarks/SearchBounds.java" >"$tmp/bounds"
  sed 's/^/# /' "$tmp/bounds"
  CASES="$(sed -n 's/^worst: //p' "$tmp/bounds")"
  load_before="$(cut -d' ' -f1 /proc/loadavg)"
fi

default_cases='ototoy.jp|--length 64 --no-lower --no-digits
treasurer.mo.gov|--revision r1
easyjet.com|'
cases="${CASES:-$default_cases}"

ms() { echo $(($(date +%s%N) / 1000000)); }

if [ -z "$worst" ]; then
  echo "| site | settings | level | phrases | found | none | start line: at most | derivations (most, total) | seconds (most, total) |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
fi
summary=""
while IFS='|' read -r site settings; do
  [ -n "$site" ] || continue
  measured="$site${settings:+ $settings}"
  for level in $levels; do
    found=0 none=0 most=0 total=0 slowest=0 seconds=0 bound=""
    for ((i = 1; i <= phrases; i++)); do
      # a random phrase, in this shell's memory and the pipe only (printf is a builtin)
      phrase="version search $(head -c 12 /dev/urandom | base64) $i"
      start=$(ms)
      # shellcheck disable=SC2086 # the settings are words
      printf '%s\n' "$phrase" | "$root/mint" --phrase-stdin --no-profile "$site" --level "$level" \
        $settings >/dev/null 2>"$tmp/err" || true
      took=$(($(ms) - start))
      at_most=$(sed -n 's/.*accepts: at most \([0-9,]*\) derivations.*/\1/p' "$tmp/err" | head -1)
      [ -n "$at_most" ] && bound="$at_most"
      tried=$(sed -n 's/.*accepts (\([0-9]*\) tried).*/\1/p' "$tmp/err" | head -1)
      if [ -n "$tried" ]; then
        found=$((found + 1))
      elif range=$(sed -n 's/.*none of versions \([0-9]*\) to \([0-9]*\) makes.*/\1 \2/p' "$tmp/err") &&
        [ -n "$range" ]; then
        none=$((none + 1))
        read -r from to <<<"$range"
        tried=$((to - from + 1))
      else
        tried=1 # the first version complied: no search
        found=$((found + 1))
      fi
      total=$((total + tried))
      ((tried > most)) && most=$tried
      seconds=$((seconds + took))
      ((took > slowest)) && slowest=$took
    done
    if [ -n "$worst" ]; then
      summary+="$(printf '; %s: %d derivations (%s), %.1f s' "$level" "$total" \
        "$([ "$found" = 1 ] && echo found || echo none found)" "$(echo "$seconds / 1000" | bc -l)")"
      continue
    fi
    printf '| %s | %s | %s | %d | %d | %d | %s | %d, %d | %.1f, %.1f |\n' \
      "$site" "${settings:--}" "$level" "$phrases" "$found" "$none" "${bound:--}" \
      "$most" "$total" "$(echo "$slowest / 1000" | bc -l)" "$(echo "$seconds / 1000" | bc -l)"
  done
done <<<"$cases"
if [ -n "$worst" ]; then
  echo "worst search: $measured, at most ${bound:-?} derivations$summary;" \
    "$(date -u +%FT%TZ), $(nproc) cores, load $load_before -> $(cut -d' ' -f1 /proc/loadavg)"
fi
