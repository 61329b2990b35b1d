#!/usr/bin/env bash
# ./mint: runs the mint command line (mint-cli), building its jar first when needed.
#
# The jar, mint-cli/target/mint-cli.jar, is built with Maven when it is missing or when a pom or a
# source it is made of is newer than it. Maven's output goes to standard error, so standard output
# carries only what mint prints (for `./mint SITE`: the password). Works from any directory.
#
# On a JDK 25 or later it also uses an AOT cache of mint-cli (JEP 483/514), which it makes once
# per JDK and again after the jar changes (mint-cli/target/aot/; a few seconds, once).
#
# Exit status: mint's own (see ./mint --help), or 125 when the jar cannot be built, or 127 when
# java or mvn is missing. Environment: JAVA_HOME picks the JDK (17 or later); MINT_JAVA_OPTS adds
# JVM options (the one way to: _JAVA_OPTIONS, JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS are not
# passed on); MINT_AOT=off runs without the AOT cache.
set -euo pipefail

# Echo off at once when standard input is a terminal that echoes: the JVM takes 0.5 to 2 s to
# show `Master phrase:`, and a phrase typed before that would stand on the screen. It goes back
# on when the launcher ends, however it ends: the EXIT trap, which Ctrl-C, Ctrl-\ and a hang-up
# reach too (the terminal sends them to its whole foreground process group, java and this shell;
# the shell's traps run once java has ended). Java's prompt leaves the echo as it found it (off),
# so here the launcher stays java's parent instead of exec-ing it (see the end), and tells mint
# (-Dmint.launcher.echoOff=true), which turns the echo back on where a person types lines that
# should show (the `site>` prompt of `mint session`). A `kill` of this shell alone waits for java.
echo_off=
if [[ -t 0 ]] && command -v stty >/dev/null 2>&1; then
  case "$(stty -a 2>/dev/null || true)" in
    *[[:space:]]echo[[:space:]]* | *[[:space:]]echo)
      trap 'stty echo 2>/dev/null || true' EXIT
      trap 'exit 129' HUP
      trap 'exit 130' INT
      trap 'exit 143' TERM
      trap ':' QUIT # java prints a thread dump on Ctrl-\ and goes on: so does the launcher
      if stty -echo 2>/dev/null; then
        echo_off=yes
      fi
      ;;
  esac
fi

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

# What the jar is built from, into sources: the root pom, .mvn/, and the pom and src/main of each
# module Maven builds for `-pl mint-cli -am`: mint-cli and, transitively, every module of the
# root pom's <modules> that one of them names as an <artifactId> (a module's directory is its
# artifactId here). Read by bash alone, no process started: it runs before every command.
watched_sources() {
  local -a todo=(mint-cli) lines=()
  local modules=" " seen=" mint-cli " line name i=0
  while IFS= read -r line && [[ $line != *'</modules>'* ]]; do
    if [[ $line == *'<module>'*'</module>'* ]]; then
      line="${line#*<module>}"
      modules+="${line%%</module>*} "
    fi
  done <"$root/pom.xml"
  sources=("$root/pom.xml" "$root/.mvn")
  while ((i < ${#todo[@]})); do
    name="${todo[i]}"
    i=$((i + 1))
    sources+=("$root/$name/pom.xml" "$root/$name/src/main")
    mapfile -t lines <"$root/$name/pom.xml"
    for line in "${lines[@]}"; do
      [[ $line == *'<artifactId>'*'</artifactId>'* ]] || continue
      line="${line#*<artifactId>}"
      line="${line%%</artifactId>*}"
      if [[ $modules == *" $line "* && $seen != *" $line "* ]]; then
        seen+="$line "
        todo+=("$line")
      fi
    done
  done
}

# True when the jar is missing or older than anything it is built from. The list of what it is
# built from is kept in target/.launcher-sources, made again whenever the jar is newer than it:
# a change to the poms that could change the list makes the jar stale first (the poms are in
# the list), and the build that follows makes the jar newer.
stale() {
  [[ ! -f "$jar" ]] && return 0
  local newer sources=() list="$root/mint-cli/target/.launcher-sources"
  if [[ -f "$list" && ! "$jar" -nt "$list" ]]; then
    mapfile -t sources <"$list"
  else
    watched_sources
    if printf '%s\n' "${sources[@]}" >"$list.$$" 2>/dev/null; then
      mv -f "$list.$$" "$list" 2>/dev/null || rm -f "$list.$$"
    fi
  fi
  newer="$(find "${sources[@]}" -newer "$jar" -print -quit 2>/dev/null || true)"
  [[ -n "$newer" ]]
}

# Maven's output, on its way to standard error: a line per module as the build reaches it
# (`mint: building mint-core (2 of 5)`), and its errors; its [INFO] and [WARNING] lines are left
# out, as `mvn -q` would.
progress() {
  local line
  local building='^\[INFO\] Building ([^ ]+) [^ ]+ +\[([0-9]+/[0-9]+)\]$' color=$'\e''\[[0-9;]*m'
  while IFS= read -r line; do
    while [[ $line =~ $color ]]; do
      line="${line/"${BASH_REMATCH[0]}"/}" # Maven 3.8 colours some words even with -B
    done
    if [[ $line =~ $building ]]; then
      echo "mint: building ${BASH_REMATCH[1]} (${BASH_REMATCH[2]/\// of })"
    elif [[ -n $line && $line != '[INFO]'* && $line != '[WARNING]'* ]]; then
      printf '%s\n' "$line"
    fi
  done
}

build() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "mint: mvn not found: Maven is needed to build $jar once" >&2
    exit 127
  fi
  echo "mint: building mint-cli/target/mint-cli.jar (once, and again after changes; about a" \
    "minute the first time)..." >&2
  # the runnable jar only: no tests, no archives, and no format check (a file being edited
  # should not keep its author from running mint; `mvn verify` checks the format)
  if ! (cd "$root" && mvn -B -ntp -Dstyle.color=never -pl mint-cli -am package -DskipTests \
    -Dmint.dist.skip=true -Dspotless.check.skip=true 2>&1) | progress >&2; then
    echo "mint: the build failed (Maven's output is above)" >&2
    exit 125
  fi
  # Maven leaves an unchanged jar untouched (the jar and shade plugins do not rewrite identical
  # output), which would leave it older than the file that made it stale: rebuilt at every run.
  touch "$jar"
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

# Java also takes options from these variables, and _JAVA_OPTIONS's win over the command line's
# (-XX:-DisableAttachMechanism there let jcmd dump the heap): mint's JVMs get only the options
# below and MINT_JAVA_OPTS. (Maven, above, still got them.)
unset _JAVA_OPTIONS JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS

# The JVM decodes arguments in the locale's charset; under the C locale a non-ASCII site would
# arrive as U+FFFD (which mint refuses). Terminals send UTF-8, so say so when the locale does not.
case "$(locale charmap 2>/dev/null || true)" in
  UTF-8 | utf8) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac

# JVM options for a short-lived command: one derivation, a small heap, no perf-data file.
# JVM warnings go to standard error, never to standard output (which carries the password).
opts=(-XX:+UseSerialGC -Xmn24m -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr)
# A crash or a same-user tool must not copy the phrase out of the JVM (docs/THREAT_MODEL.md, C27):
# no core file, no hs_err report, no crash banner on standard output, no attach. The options are
# written once, in jvm-hardening.options, which the archive's bin/mint and the clipboard helper
# read too; java reads the file itself (@FILE), and refuses to start without it.
opts+=("@$root/mint-cli/src/main/resources/dev/mint/cli/jvm-hardening.options")

# No class-data-sharing archive of mint's own classes on JDK 17: measured here, a dynamic AppCDS
# archive saved 0 to 30 ms, because CDS refuses picocli's classes (Java 5 class files), which
# are most of what start-up loads (docs/PERFORMANCE.md, "CLI startup"). On JDK 25 and later, an
# AOT cache (JEP 483/514) also holds the JDK's classes linked, its method profiles and more, and
# saves more: docs/PERFORMANCE.md, "AOT cache".

# The JDK's feature release (17, 25, ...) from its release file: no JVM start needed.
java_home="$(dirname "$(dirname "$(readlink -f "$java")")")"
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release" 2>/dev/null || true)"

# make_aot_cache CACHE: one training run of the real command, on a fixed throwaway phrase.
#
# Never record during the user's own run: an AOT cache stores heap objects of the run that made it
# (interned strings, resolved constants, class mirrors and what they reach), so recording a run
# that reads the user's phrase could write that phrase into a file under target/. The training run
# gets a phrase that is no secret, through a pipe (the user's standard input is not touched), in an
# empty environment (no MINT_PHRASE or the like), and the cache is then checked to hold neither
# that phrase nor its password (AotCacheScan). docs/THREAT_MODEL.md, control C23.
#
# Nor does it read the user's sites file: a recorded phrase check there would refuse the training
# phrase (and the user would silently never get a cache), an entry for github.com would change
# its password, and the log below would hold the check's words. So --no-profile, and a throwaway
# home for everything that could still look: HOME and XDG_CONFIG_HOME, and -Duser.home, because
# Java takes its home from the passwd entry, not from HOME (env -i changes nothing there). The
# whole function runs in a subshell with umask 077: the log, the cache and the throwaway home are
# the user's alone. LauncherAotIT plants a hostile sites file where Java's home is.
make_aot_cache() (
  umask 077
  local cache="$1" tmp="$1.tmp.$$" phrase='mint AOT training phrase, a fixed throwaway, never a user secret'
  local out password home
  mkdir -p "$(dirname "$cache")"
  if [[ -t 2 ]]; then
    echo "mint: making an AOT cache for this JDK (once, a few seconds)..." >&2
  fi
  rm -f "$cache" "$cache.failed" "$cache.log"
  if ! home="$(mktemp -d "$(dirname "$cache")/training-home.XXXXXX")"; then
    touch "$cache.failed"
    return 0
  fi
  trap 'rm -rf "$home"' EXIT
  # (the JVM reports the cache's creation on standard output too, after the password)
  if out="$(printf '%s\n' "$phrase" | env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 HOME="$home" \
      XDG_CONFIG_HOME="$home/.config" \
      "$java" -XX:AOTCacheOutput="$tmp" "${opts[@]}" -Duser.home="$home" -jar "$jar" \
      --no-profile --phrase-stdin --quiet github.com 2>"$cache.log")" \
    && password="${out%%$'\n'*}" && [[ -n "$password" && -f "$tmp" ]] \
    && "$java" "$root/mint-cli/src/dist/AotCacheScan.java" "$tmp" "$phrase" "$password" 2>>"$cache.log"; then
    mv -f "$tmp" "$cache"
    rm -f "$cache.log"
  else
    # not again until the jar changes; the log says why
    rm -f "$tmp"
    touch "$cache.failed"
  fi
  rm -f "$tmp.config"
)

if [[ "${feature:-0}" -ge 25 && "${MINT_AOT:-on}" != off ]]; then
  # one cache per JDK (its path and build), made again when the jar is newer
  key="$( { echo "$java_home"; grep -E '^(IMPLEMENTOR|JAVA_RUNTIME_VERSION)=' "$java_home/release"; } \
    | cksum | cut -d' ' -f1)"
  cache="$root/mint-cli/target/aot/mint-cli-$key.aot"
  if [[ ! -f "$cache" || "$jar" -nt "$cache" ]] && [[ ! -f "$cache.failed" || "$jar" -nt "$cache.failed" ]]; then
    if command -v flock >/dev/null 2>&1; then
      exec 9>"$root/mint-cli/target/.launcher.lock"
      flock 9
      if [[ ! -f "$cache" || "$jar" -nt "$cache" ]]; then make_aot_cache "$cache"; fi
      exec 9>&-
    else
      make_aot_cache "$cache"
    fi
  fi
  if [[ -f "$cache" ]]; then
    # A cache that does not match (another JVM build, MINT_JAVA_OPTS that change the heap) is
    # not used, silently: the AOT and CDS messages are off for it (after the options above).
    opts+=(-XX:AOTCache="$cache" '-Xlog:aot*=off' '-Xlog:cds*=off')
  fi
fi

# shellcheck disable=SC2086 # MINT_JAVA_OPTS is a list of options
# Commands that derive many passwords in one JVM (batch, verify) allocate about 80 MB per
# derivation (two digest clones per PBKDF2 iteration): a 24 MB young generation is collected
# about 8 times a derivation, each time stopping both cores. They get a larger one (measured:
# 100 sites 6% faster, docs/PERFORMANCE.md, "mint batch"). Not given to the AOT training above.
case "${1:-}" in
  batch | verify) opts+=(-Xmn256m) ;;
esac

# no core file of this process, whatever the parent allows (a core holds the hardened phrase)
ulimit -c 0
# MINT_JAVA_OPTS is split on spaces, never glob-expanded (a '*' in it stays a '*')
set -f
if [[ -n "$echo_off" ]]; then
  # the launcher turned the echo off: it waits for java, then its EXIT trap turns it back on
  "$java" "${opts[@]}" -Dmint.launcher.echoOff=true ${MINT_JAVA_OPTS:-} -jar "$jar" "$@" || exit $?
  exit 0
fi
exec "$java" "${opts[@]}" ${MINT_JAVA_OPTS:-} -jar "$jar" "$@"
