#!/usr/bin/env bash
# Cold-process startup: `./mint --phrase-stdin --quiet github.com` against a one-shot Node script
# doing the same PBKDF2 (crypto.pbkdf2Sync, 210,000 iterations, 64 bytes), each run a new
# process with the phrase on stdin, alternating the two so that load changes hit both alike.
# Prints a Markdown table: median wall time of each, their ratios (of medians and of minima, the
# latter less moved by a noisy machine), and peak RSS. Two more rows,
# timed in the same alternation, split mint's time: the jar run without the launcher, and
# `./mint --version` (launcher, JVM start-up and picocli, no phrase and no PBKDF2).
#
# Usage: benchmarks/startup.sh [ROUNDS]     (default 15 rounds; one untimed warm-up round first)
#
# Needs: bash, node, a JDK, and GNU time at /usr/bin/time for peak RSS (Debian package `time`;
# the script installs it with apt-get when run as root and it is missing). The first ./mint run
# builds the jar; that build is done before timing starts and is not measured. Timings are wall
# clock from just before the process starts until it exits (date +%s%N), so they include JVM or
# Node start-up, class loading, reading stdin, the PBKDF2 and exit; the OS file cache is warm.
set -euo pipefail

root="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
root="$(cd "$root" && pwd -P)"
rounds="${1:-15}"
phrase='correct horse battery staple'

if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get install -y -qq time >/dev/null
  else
    echo "startup.sh: needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2
    exit 1
  fi
fi

# Build the jar if needed, untimed; check both commands work.
printf '%s\n' "$phrase" | "$root/mint" --phrase-stdin --quiet github.com >/dev/null
printf '%s\n' "$phrase" | node "$root/benchmarks/pbkdf2-oneshot.js" >/dev/null

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# run NAME COMMAND...: one cold run; appends "ms rss_kib" to $tmp/NAME
run() {
  local name="$1"
  shift
  local start end
  start=$(date +%s%N)
  printf '%s\n' "$phrase" | /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $(cat "$tmp/rss")" >>"$tmp/$name"
}

mint_cmd=("$root/mint" --phrase-stdin --quiet github.com)
node_cmd=(node "$root/benchmarks/pbkdf2-oneshot.js")
jar_cmd=(java -jar "$root/mint-cli/target/mint-cli.jar" --phrase-stdin --quiet github.com)
version_cmd=("$root/mint" --version)

# warm-up round, not counted
run warmup "${mint_cmd[@]}"
run warmup "${node_cmd[@]}"

for ((i = 0; i < rounds; i++)); do
  # alternate which goes first, so neither always follows the other
  if ((i % 2 == 0)); then
    run mint "${mint_cmd[@]}"
    run node "${node_cmd[@]}"
  else
    run node "${node_cmd[@]}"
    run mint "${mint_cmd[@]}"
  fi
  run jar "${jar_cmd[@]}"
  run version "${version_cmd[@]}"
done

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -1; }
maximum() { sort -n | tail -1; }

row() { # NAME LABEL
  local f="$tmp/$1"
  echo "| $2 | $(cut -d' ' -f1 "$f" | median) | $(cut -d' ' -f1 "$f" | minimum) |" \
    "$(cut -d' ' -f1 "$f" | maximum) | $(mib "$(cut -d' ' -f2 "$f" | maximum)") |"
}

ratio() { # FUNCTION: that statistic of mint's times over Node's
  awk -v a="$(cut -d' ' -f1 "$tmp/mint" | "$1")" -v b="$(cut -d' ' -f1 "$tmp/node" | "$1")" \
    'BEGIN { printf "%.2f", a / b }'
}

echo "Rounds: $rounds (alternating, after one warm-up round); $(nproc) cores;" \
  "$(java -version 2>&1 | head -1); node $(node --version); load average at end:" \
  "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo
echo "| command | median wall ms | min ms | max ms | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|"
row mint "\`printf 'PHRASE\\n' \\| ./mint --phrase-stdin --quiet github.com\`"
row node "\`printf 'PHRASE\\n' \\| node benchmarks/pbkdf2-oneshot.js\`"
echo "| ratio mint / node (of medians; of minima) | $(ratio median) | $(ratio minimum) | | |"
row jar "for comparison: \`java -jar mint-cli/target/mint-cli.jar --phrase-stdin --quiet github.com\` (no launcher)"
row version "for comparison: \`./mint --version\` (no phrase, no PBKDF2)"
