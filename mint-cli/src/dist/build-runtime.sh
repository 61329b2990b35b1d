#!/usr/bin/env bash
# Builds target/mint-VERSION-linux-x64.tar.gz, the archive that needs no installed Java: the
# layout of mint-VERSION.tar.gz plus runtime/ (a Java runtime made with jlink from the newest JDK
# on this machine, 25 or later, with only the modules mint needs) and lib/mint.aot (an AOT cache
# for that runtime, JEP 483/514), which bin/mint uses.
#
# Run by Maven in package, after the plain archive is made:
#   build-runtime.sh TARGET_DIR VERSION [JDK_HOME]
# JDK_HOME (-Dmint.runtime.jdk=...) picks the JDK; by default the newest JDK 25+ under
# /usr/lib/jvm. Without one, or on another platform than Linux x86-64, it says so and builds
# nothing (exit 0): the archive is optional, the build is not.
#
# The AOT cache is made by one training run of the real command on a fixed throwaway phrase,
# in an empty environment. It must never see a user's phrase: an AOT cache holds heap objects
# of the training run (interned strings, resolved constants, archived mirrors), so the script
# also checks that neither the training phrase nor its password appears in the cache.
set -euo pipefail

target=$1
version=$2
jdk=${3:-}

say() { echo "[mint] $*"; }
scan=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/AotCacheScan.java

if [[ "$(uname -s)/$(uname -m)" != Linux/x86_64 ]]; then
  say "not Linux x86-64: mint-$version-linux-x64.tar.gz is not built"
  exit 0
fi

# JAVA_VERSION of a JDK's release file, as a feature number (25 for "25.0.3")
feature() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"/\1/p' "$1/release" 2>/dev/null || true)
  echo "${v:-0}"
}

if [[ -z "$jdk" ]]; then
  best=0
  for candidate in /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/jlink" && -f "$candidate/release" ]] || continue
    f=$(feature "$candidate")
    if ((f > best)); then
      best=$f
      jdk=$candidate
    fi
  done
fi
if [[ -z "$jdk" || ! -x "$jdk/bin/jlink" ]] || (($(feature "$jdk") < 25)); then
  say "no JDK 25 or later found (under /usr/lib/jvm, or -Dmint.runtime.jdk=DIR):" \
    "mint-$version-linux-x64.tar.gz is not built"
  exit 0
fi
jdk=$(cd "$jdk" && pwd -P)
say "self-contained archive with a runtime from $jdk ($(sed -n 's/^IMPLEMENTOR_VERSION="\(.*\)"/\1/p' "$jdk/release"))"

name=mint-$version
work=$target/runtime-build
log=$target/runtime-build.log
rm -rf "$work" "$target/$name-linux-x64.tar.gz" "$log"
mkdir -p "$work"
# The log (what the tools and the training run said) is the builder's alone: 0600, made anew.
(umask 077 && : >"$log")
# The training run's home: a throwaway directory, never the builder's (see below).
training_home=$(mktemp -d "$work/training-home.XXXXXX")
# on failure, show what the tools said
trap 'status=$?; rm -rf "$training_home"; if ((status != 0)); then cat "$log" >&2; fi' EXIT

# the same layout as the plain archive, from the plain archive
tar -xzf "$target/$name.tar.gz" -C "$work"
app=$work/$name
cd "$app"

# Modules: what jdeps finds the jars need, less the two that jackson-databind declares
# `requires static` (optional: java.beans annotations and java.sql types, which mint never reads;
# Jackson checks for them at run time). The result is java.base today.
optional=" java.desktop java.sql "
# (mint-cli.jar, and through it every jar of lib/ it uses: --print-module-deps is recursive)
found=$("$jdk/bin/jdeps" --multi-release "$(feature "$jdk")" --ignore-missing-deps \
  --print-module-deps --class-path 'lib/*' lib/mint-cli.jar 2>>"$log" | tail -n 1)
if [[ ! "$found" =~ ^[a-z][a-z0-9.,]*$ ]]; then
  say "jdeps gave no module list: $found"
  exit 1
fi
modules=
for module in ${found//,/ }; do
  if [[ "$optional" != *" $module "* ]]; then
    modules=${modules:+$modules,}$module
  fi
done
say "jlink modules: $modules (jdeps: $found)"

# No --generate-cds-archive: the AOT cache holds the JDK's classes as well, and the default CDS
# archives would add 27 MB and 10 s of build (docs/PERFORMANCE.md: without the AOT cache, as when
# it does not match, start-up is slower by the figure measured there).
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output runtime >>"$log" 2>&1

# Whole-second times: tar keeps seconds only, and the AOT cache is checked against the jars'
# sizes and times; a cache that does not match would be ignored after unpacking.
find lib -type f -exec touch -d "@$(date +%s)" {} +

# The training run: a fixed throwaway phrase, an empty environment, the options bin/mint uses.
# It never reads the builder's sites file (a recorded phrase check there would refuse the
# training phrase, an entry for github.com would change its password): --no-profile, and a
# throwaway home in HOME, XDG_CONFIG_HOME and -Duser.home (Java takes its home from the passwd
# entry, not from HOME). The same for the check of the unpacked layout below.
training_phrase='mint AOT training phrase, a fixed throwaway, never a user secret'
training_env=(env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 HOME="$training_home"
  XDG_CONFIG_HOME="$training_home/.config")
(umask 077 && : >"$work/training.out")
printf '%s\n' "$training_phrase" |
  "${training_env[@]}" runtime/bin/java -XX:AOTCacheOutput=lib/mint.aot \
    -XX:+UseSerialGC -Xmn24m -XX:-UsePerfData -Duser.home="$training_home" \
    -jar lib/mint-cli.jar --no-profile --phrase-stdin --quiet github.com >"$work/training.out" 2>>"$log"
# (the JVM reports the cache's creation on standard output too, after the password)
training_password=$(head -n 1 "$work/training.out")
cat "$work/training.out" >>"$log"
rm -f "$work/training.out"
[[ -f lib/mint.aot ]] || { say "the training run made no AOT cache"; exit 1; }

# Neither the training phrase nor its password is in the cache, in any encoding a JVM uses.
if ! "$jdk/bin/java" "$scan" lib/mint.aot "$training_phrase" "$training_password" 2>>"$log"; then
  say "the AOT cache holds text of the training run: not shipped"
  exit 1
fi

# The unpacked layout works: bin/mint with the cache gives the training run's password.
check=$(printf '%s\n' "$training_phrase" |
  "${training_env[@]}" MINT_JAVA_OPTS="-Duser.home=$training_home" \
  bin/mint --no-profile --phrase-stdin --quiet github.com)
if [[ "$check" != "$training_password" ]]; then
  say "bin/mint with the runtime and the AOT cache gives another password"
  exit 1
fi

cd "$work"
tar --sort=name --owner=0 --group=0 --numeric-owner -czf "$target/$name-linux-x64.tar.gz" "$name"
say "built $target/$name-linux-x64.tar.gz ($(du -k "$target/$name-linux-x64.tar.gz" | cut -f1) KiB;" \
  "runtime/ $(du -sk "$app/runtime" | cut -f1) KiB, lib/mint.aot $(du -k "$app/lib/mint.aot" | cut -f1) KiB)"
