#!/usr/bin/env bash
# `./mint batch` of N sites (default 100), the whole process (the launcher and its JVM options
# included, as a user runs it), against one Node process deriving
# the same N passwords with crypto.pbkdf2Sync in a loop (benchmarks/batch-node.mjs, the stages
# from test-vectors/js/mint.mjs), so both print the same lines, which the script checks.
# Each run is a new process; rounds alternate which goes first. Rows for `--threads 1` (one
# derivation at a time, its two blocks on two cores) against the default (one derivation per
# core, each on one core) are timed in the same alternation.
#
# Usage: benchmarks/batch.sh [ROUNDS] [SITES]     (default 7 rounds of 100 sites)
#   JAVA_HOME picks the JDK for ./mint, as usual. ONE_THREAD=0 leaves out the --threads 1 row
#   (the CI gate, benchmarks/perf-gate.sh). BASELINE_JAR=path/to/other/mint-cli.jar adds a row for
#   another build, timed in the same alternation, run with the collector and heap ./mint gives
#   batch (on a JDK 25 ./mint also has its AOT cache, which this row does not).
# Needs: node, a JDK; builds the jar first when it is missing (untimed).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
rounds="${1:-7}"
count="${2:-100}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# mint runs with an empty home of the benchmark's own: a sites file of the user's (an entry for
# github.com, a recorded phrase check) must neither change what is measured nor be read
mkdir -m 700 "$tmp/home"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
unset MINT_SITES
"$root/mint" --version >/dev/null # builds the jar when it is missing or stale, untimed

printf 'correct horse battery staple\n' >"$tmp/phrase"
for ((i = 1; i <= count; i++)); do echo "site$i.example"; done >"$tmp/sites.txt"

ms() { echo $(($(date +%s%N) / 1000000)); }
run() { # NAME COMMAND... (stdin: the phrase on fd 3 and 0)
  local name="$1" start end
  shift
  start=$(ms)
  "$@" 3<"$tmp/phrase" <"$tmp/phrase" >"$tmp/out.$name"
  end=$(ms)
  echo $((end - start)) >>"$tmp/$name"
}

mint_cmd=("$root/mint" batch "$tmp/sites.txt" --phrase-fd 3)
one_cmd=("$root/mint" batch "$tmp/sites.txt" --phrase-fd 3 --threads 1)
node_cmd=(node "$root/benchmarks/batch-node.mjs" "$tmp/sites.txt")
one_thread="${ONE_THREAD:-1}"
base_cmd=()
if [[ -n "${BASELINE_JAR:-}" ]]; then
  # the collector and heap ./mint gives batch on JDK 17 (its other options do not change speed)
  launcher_opts=(-XX:+UseSerialGC -XX:-UsePerfData -Xmn256m)
  base_cmd=("$java" "${launcher_opts[@]}" -jar "$BASELINE_JAR" batch "$tmp/sites.txt" --phrase-fd 3)
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
run check "${mint_cmd[@]}" && cp "$tmp/out.check" "$tmp/mint.out"
run check "${node_cmd[@]}"
if ! cmp -s "$tmp/mint.out" "$tmp/out.check"; then
  echo "batch.sh: mint batch and Node printed different passwords" >&2
  diff "$tmp/mint.out" "$tmp/out.check" | head >&2
  exit 1
fi
for ((i = 0; i < rounds; i++)); do
  if ((i % 2 == 0)); then
    run mint "${mint_cmd[@]}"; run node "${node_cmd[@]}"
    if ((one_thread)); then run one "${one_cmd[@]}"; fi
  else
    if ((one_thread)); then run one "${one_cmd[@]}"; fi
    run node "${node_cmd[@]}"; run mint "${mint_cmd[@]}"
  fi
  if ((${#base_cmd[@]})); then run base "${base_cmd[@]}"; fi
done
cmp -s "$tmp/out.mint" "$tmp/out.node"
if ((one_thread)); then cmp -s "$tmp/out.one" "$tmp/out.node"; fi
if ((${#base_cmd[@]})); then cmp -s "$tmp/out.base" "$tmp/out.node"; fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -1; }
maximum() { sort -n | tail -1; }
row() { echo "| $2 | $(median <"$tmp/$1") | $(minimum <"$tmp/$1") | $(maximum <"$tmp/$1") |"; }
ratio() { awk -v a="$("$2" <"$tmp/$1")" -v b="$("$2" <"$tmp/node")" 'BEGIN { printf "%.2f", a / b }'; }

echo "Rounds: $rounds (alternating, after one untimed check that both print the same $count lines);" \
  "$(nproc) cores; $("$java" -version 2>&1 | head -1); node $(node --version);" \
  "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo
echo "| $count sites, whole process | median ms | min ms | max ms |"
echo "|---|---:|---:|---:|"
row mint "\`./mint batch sites.txt --phrase-fd 3\` (one derivation per core)"
row node "\`node benchmarks/batch-node.mjs sites.txt\` (pbkdf2Sync in a loop)"
echo "| ratio mint / Node (of medians; of minima) | $(ratio mint median) | $(ratio mint minimum) | |"
if ((one_thread)); then
  row one "\`./mint batch sites.txt --phrase-fd 3 --threads 1\` (one at a time, two blocks on two cores)"
  echo "| ratio --threads 1 / Node (of medians; of minima) | $(ratio one median) | $(ratio one minimum) | |"
fi
if ((${#base_cmd[@]})); then
  row base "for comparison: \`java ${launcher_opts[*]} -jar \$BASELINE_JAR batch sites.txt --phrase-fd 3\`"
  echo "| ratio baseline / Node (of medians; of minima) | $(ratio base median) | $(ratio base minimum) | |"
fi
