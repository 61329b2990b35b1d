#!/usr/bin/env bash
# ./mint: runs the mint command line (mint-cli), building its jar first when needed.
#
# The jar, mint-cli/target/mint-cli.jar, is built with Maven when it is missing or when a pom or a
# source it is made of is newer than it. Maven's output goes to standard error, so standard output
# carries only what mint prints (for `./mint SITE`: the password). Works from any directory.
#
# Exit status: mint's own (see ./mint --help), or 125 when the jar cannot be built, or 127 when
# java or mvn is missing. Environment: JAVA_HOME picks the JDK (17 or later); MINT_JAVA_OPTS adds
# JVM options.
set -euo pipefail

root="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
jar="$root/mint-cli/target/mint-cli.jar"

if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
else
  java="$(command -v java || true)"
fi
if [[ -z "$java" || ! -x "$java" ]]; then
  echo "mint: java not found (install a JDK 17 or later, or set JAVA_HOME)" >&2
  exit 127
fi

# True when the jar is missing or older than anything it is built from.
stale() {
  [[ ! -f "$jar" ]] && return 0
  local newer
  newer="$(find "$root/pom.xml" "$root/.mvn" \
    "$root/mint-core/pom.xml" "$root/mint-core/src/main" \
    "$root/mint-vectors/pom.xml" "$root/mint-vectors/src/main" \
    "$root/mint-cli/pom.xml" "$root/mint-cli/src/main" \
    -newer "$jar" -print -quit 2>/dev/null || true)"
  [[ -n "$newer" ]]
}

build() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "mint: mvn not found: Maven is needed to build $jar once" >&2
    exit 127
  fi
  echo "mint: building mint-cli/target/mint-cli.jar (once, and again after changes)..." >&2
  if ! (cd "$root" && mvn -B -ntp -q -Dstyle.color=never -pl mint-cli -am package -DskipTests) >&2; then
    echo "mint: the build failed (Maven's output is above)" >&2
    exit 125
  fi
}

if stale; then
  mkdir -p "$root/mint-cli/target"
  if command -v flock >/dev/null 2>&1; then
    # two launchers started at once build once
    exec 9>"$root/mint-cli/target/.launcher.lock"
    flock 9
    if stale; then build; fi
    exec 9>&-
  else
    build
  fi
fi

# The JVM decodes arguments in the locale's charset; under the C locale a non-ASCII site would
# arrive as U+FFFD (which mint refuses). Terminals send UTF-8, so say so when the locale does not.
case "$(locale charmap 2>/dev/null || true)" in
  UTF-8 | utf8) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac

# JVM options for a short-lived command: one derivation, a small heap, no perf-data file.
# JVM warnings go to standard error, never to standard output (which carries the password).
opts=(-XX:+UseSerialGC -Xmn24m -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr)

# No class-data-sharing archive of mint's own classes: measured here (JDK 17), a dynamic AppCDS
# archive saved 0 to 30 ms, because CDS refuses picocli's classes (Java 5 class files), which
# are most of what start-up loads (docs/PERFORMANCE.md, "CLI startup").

# shellcheck disable=SC2086 # MINT_JAVA_OPTS is a list of options
exec "$java" "${opts[@]}" ${MINT_JAVA_OPTS:-} -jar "$jar" "$@"
