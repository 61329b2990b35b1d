#!/usr/bin/env bash
# Enter -> password at the console prompt: `java -jar mint-cli/target/mint-cli.jar github.com`
# against a Node script that prompts the same way and runs crypto.pbkdf2Sync
# (benchmarks/prompt-node.mjs), each in a pseudo-terminal (python3's pty module), the phrase typed
# PAUSE seconds after the prompt shows, as a person would. Times from the moment Enter is written
# to the pty until the password is on the screen. Rounds alternate which runs first; the table
# gives median, minimum and maximum, and mint / Node as a ratio of medians and of minima, and
# the median CPU time each command used from Enter until it exited (all its threads).
#
# Usage: benchmarks/prompt-latency.sh [ROUNDS]     (default 11; PAUSE=1.5 seconds by default)
#   BASELINE_JAR=path/to/other/mint-cli.jar adds a row for another build (e.g. one without the
#   warm-up), timed in the same alternation. JAVA=path/to/java picks the JVM (default: java).
#
# Needs: python3, node, a JDK. Builds the jar first when it is missing (untimed).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
rounds="${1:-11}"
pause="${PAUSE:-1.5}"
java="${JAVA:-java}"
phrase='correct horse battery staple'
jar="$root/mint-cli/target/mint-cli.jar"
driver="$root/benchmarks/prompt-latency.py"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# mint runs with an empty home of the benchmark's own: a sites file of the user's (an entry for
# github.com, a recorded phrase check) must neither change what is measured nor be read
mkdir -m 700 "$tmp/home"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
unset MINT_SITES

if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -ntp -q -pl mint-cli -am package -DskipTests) >&2
fi
expected="$(printf '%s\n' "$phrase" | "$java" -jar "$jar" --phrase-stdin --quiet github.com)"


run() { # NAME COMMAND...
  local name="$1"
  shift
  python3 "$driver" "$pause" "$phrase" "$expected" "$@" >>"$tmp/$name"
}

mint_cmd=("$java" -jar "$jar" --quiet github.com)
node_cmd=(node "$root/benchmarks/prompt-node.mjs")
base_cmd=()
if [[ -n "${BASELINE_JAR:-}" ]]; then
  base_cmd=("$java" -jar "$BASELINE_JAR" --quiet github.com)
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
run warmup "${mint_cmd[@]}" && run warmup "${node_cmd[@]}" # untimed
for ((i = 0; i < rounds; i++)); do
  if ((i % 2 == 0)); then
    run mint "${mint_cmd[@]}"
    run node "${node_cmd[@]}"
  else
    run node "${node_cmd[@]}"
    run mint "${mint_cmd[@]}"
  fi
  if ((${#base_cmd[@]})); then run base "${base_cmd[@]}"; fi
done

# each line of a result file: wall ms, CPU ms (see prompt-latency.py)
median() { cut -d' ' -f1 | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { cut -d' ' -f1 | sort -n | head -1; }
maximum() { cut -d' ' -f1 | sort -n | tail -1; }
cpu() { cut -d' ' -f2 | median; }
row() { echo "| $2 | $(median <"$tmp/$1") | $(minimum <"$tmp/$1") | $(maximum <"$tmp/$1") | $(cpu <"$tmp/$1") |"; }
ratio() { awk -v a="$("$2" <"$tmp/$1")" -v b="$("$2" <"$tmp/node")" 'BEGIN { printf "%.2f", a / b }'; }

echo "Rounds: $rounds (alternating, after one untimed round); pause before typing: ${pause} s;" \
  "$(nproc) cores; $("$java" -version 2>&1 | head -1); node $(node --version);" \
  "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo
echo "| Enter -> password | median ms | min ms | max ms | median CPU ms, Enter to exit |"
echo "|---|---:|---:|---:|---:|"
row mint "\`java -jar mint-cli/target/mint-cli.jar --quiet github.com\`"
row node "\`node benchmarks/prompt-node.mjs\` (pbkdf2Sync)"
echo "| ratio mint / Node (of medians; of minima) | $(ratio mint median) | $(ratio mint minimum) | | |"
if ((${#base_cmd[@]})); then
  row base "for comparison: \`java -jar \$BASELINE_JAR --quiet github.com\`"
  echo "| ratio baseline / Node (of medians; of minima) | $(ratio base median) | $(ratio base minimum) | | |"
fi
