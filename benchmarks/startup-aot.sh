#!/usr/bin/env bash
# Cold one-shot start-up of mint on JDK 17, on JDK 25, on JDK 25 with an AOT cache (JEP 483/514),
# through ./mint on both JDKs, and from the self-contained archive (its jlink runtime with and
# without its AOT cache), against the one-shot Node script doing the same PBKDF2. Each run is a
# new process given the phrase on stdin: `--phrase-stdin --quiet github.com`. The commands take
# turns, each round starting one further along the list, so load changes hit all alike.
# Prints a Markdown table: median, minimum and maximum wall time, peak RSS, and the ratios of
# median and minimum to Node's; then the archives' sizes.
#
# Usage: benchmarks/startup-aot.sh [ROUNDS]     (default 15; one untimed warm-up round first)
#
# Needs: bash, node, GNU time at /usr/bin/time, the JDK 17 and 25 below, and `mvn package` done
# (mint-cli/target/mint-cli.jar; the self-contained rows need mint-VERSION-linux-x64.tar.gz).
# Environment: JDK17 and JDK25 name the two JDKs (defaults: /usr/lib/jvm/java-17-openjdk-amd64
# and /usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
rounds="${1:-15}"
phrase='correct horse battery staple'
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="$root/mint-cli/target/mint-cli.jar"
opts=(-XX:+UseSerialGC -Xmn24m -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr)
args=(--phrase-stdin --quiet github.com)

for need in /usr/bin/time "$jdk17/bin/java" "$jdk25/bin/java" "$jar"; do
  [[ -e "$need" ]] || { echo "startup-aot.sh: missing $need" >&2; exit 1; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# ./mint makes its AOT cache for JDK 25 on first use (untimed here)
printf '%s\n' "$phrase" | JAVA_HOME="$jdk25" "$root/mint" "${args[@]}" >/dev/null
cache="$(ls -t "$root"/mint-cli/target/aot/*.aot | head -1)"

names=(node jdk17 jdk25 jdk25aot launcher17 launcher25)
declare -A label command
label[node]="\`node benchmarks/pbkdf2-oneshot.js\`"
command[node]="node $root/benchmarks/pbkdf2-oneshot.js"
label[jdk17]="JDK 17: \`java -jar mint-cli.jar\`"
command[jdk17]="$jdk17/bin/java ${opts[*]} -jar $jar ${args[*]}"
label[jdk25]="JDK 25: \`java -jar mint-cli.jar\`"
command[jdk25]="$jdk25/bin/java ${opts[*]} -jar $jar ${args[*]}"
label[jdk25aot]="JDK 25 + AOT cache: \`java -XX:AOTCache=... -jar mint-cli.jar\`"
command[jdk25aot]="$jdk25/bin/java ${opts[*]} -XX:AOTCache=$cache -jar $jar ${args[*]}"
label[launcher17]="\`./mint\` on JDK 17"
command[launcher17]="env JAVA_HOME=$jdk17 $root/mint ${args[*]}"
label[launcher25]="\`./mint\` on JDK 25 (uses its AOT cache)"
command[launcher25]="env JAVA_HOME=$jdk25 $root/mint ${args[*]}"

archive="$(ls "$root"/mint-cli/target/mint-*-linux-x64.tar.gz 2>/dev/null | head -1 || true)"
version="${archive##*/mint-}"
version="${version%-linux-x64.tar.gz}"
if [[ -n "$archive" ]]; then
  tar -xzf "$archive" -C "$tmp"
  dist="$tmp/mint-$version"
  names+=(dist distnoaot)
  label[dist]="self-contained archive: \`bin/mint\` (jlink runtime + AOT cache)"
  command[dist]="env -i PATH=/usr/bin:/bin $dist/bin/mint ${args[*]}"
  label[distnoaot]="self-contained archive's runtime without its AOT cache"
  command[distnoaot]="$dist/runtime/bin/java ${opts[*]} -jar $dist/lib/mint-cli.jar ${args[*]}"
fi

# run NAME: one cold run; appends "ms rss_kib" to $tmp/NAME
run() {
  local start end
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # the command is a list of words
  printf '%s\n' "$phrase" | /usr/bin/time -f '%M' -o "$tmp/rss" ${command[$1]} >/dev/null
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $(cat "$tmp/rss")" >>"$tmp/$1"
}

for name in "${names[@]}"; do run "$name"; done # warm-up round
for name in "${names[@]}"; do rm -f "$tmp/$name"; done
n=${#names[@]}
for ((i = 0; i < rounds; i++)); do
  for ((k = 0; k < n; k++)); do
    run "${names[(i + k) % n]}"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -1; }
maximum() { sort -n | tail -1; }
stat() { cut -d' ' -f1 "$tmp/$1" | "$2"; }

echo "Rounds: $rounds (rotating order, after one warm-up round); $(nproc) cores;" \
  "$("$jdk17/bin/java" -version 2>&1 | head -1); $("$jdk25/bin/java" -version 2>&1 | head -1);" \
  "node $(node --version); load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | median ms | min ms | max ms | peak RSS MiB | median / Node | min / Node |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for name in "${names[@]}"; do
  echo "| ${label[$name]} | $(stat "$name" median) | $(stat "$name" minimum) | $(stat "$name" maximum)" \
    "| $(cut -d' ' -f2 "$tmp/$name" | maximum | awk '{ printf "%.0f", $1 / 1024 }')" \
    "| $(awk -v a="$(stat "$name" median)" -v b="$(stat node median)" 'BEGIN { printf "%.2f", a / b }')" \
    "| $(awk -v a="$(stat "$name" minimum)" -v b="$(stat node minimum)" 'BEGIN { printf "%.2f", a / b }') |"
done
echo
echo "Sizes (KiB): ./mint's AOT cache $(du -k "$cache" | cut -f1);" \
  "$(for f in "$root"/mint-cli/target/mint-*.tar.gz "$root"/mint-cli/target/mint-*.zip; do
    [[ -f "$f" ]] && printf '%s %s; ' "$(basename "$f")" "$(du -k "$f" | cut -f1)"
  done)"
if [[ -n "${dist:-}" ]]; then
  echo "unpacked self-contained archive $(du -sk "$dist" | cut -f1): runtime/ $(du -sk "$dist/runtime" | cut -f1)," \
    "lib/mint.aot $(du -k "$dist/lib/mint.aot" | cut -f1), other jars $(du -ck "$dist"/lib/*.jar | tail -1 | cut -f1)"
fi
