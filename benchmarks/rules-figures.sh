#!/usr/bin/env bash
# The figures of docs/PERFORMANCE.md, "Passwords the site accepts" (mint-only): over every site of
# mint-rules' bundled data (Apple's password-manager-resources), how many get settings chosen
# without a phrase, how many are impossible and why; with PHRASES phrases a site, the share of
# passwords that comply first time and after the version search, the mean and maximum number of
# versions searched; and the derivations per second of a version search on the warm engine.
# Not a test: it prints figures. Each run is one JVM (dev.mint.rules.RulesFigures, in mint-rules'
# test classes), built first (untimed).
#
# Usage: benchmarks/rules-figures.sh [PHRASES] [sampled|real] [THREADS]
#   PHRASES  phrases a site (default 20)
#   sampled  (default) mint-core's whole derivation with PBKDF2 at 1 iteration: the same shares as
#            real phrases (compliance depends only on the 64 derived bytes), in seconds
#   real     real PBKDF2 at the page's default level (210,000 iterations), THREADS sites at a time
#            (default 2): about 27,000 derivations for 20 phrases, tens of minutes on 2 cores
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && mvn -B -ntp -q -pl mint-rules -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$tmp/cp" -Dmdep.includeScope=test >&2)
cp="$(cat "$tmp/cp"):$root/mint-rules/target/classes:$root/mint-rules/target/test-classes"
echo "# $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)," \
  "$("$java" -version 2>&1 | head -1)"
"$java" -cp "$cp" dev.mint.rules.RulesFigures "${1:-20}" "${2:-sampled}" "${3:-2}"
