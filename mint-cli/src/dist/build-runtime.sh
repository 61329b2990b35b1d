#!/usr/bin/env bash
# Builds target/mint-VERSION-linux-x64.tar.gz, the archive that needs no installed Java: the
# layout of mint-VERSION.tar.gz plus runtime/ (a Java runtime made with jlink from one pinned
# JDK, with only the modules mint needs), lib/mint.aot (an AOT cache for that runtime, JEP
# 483/514, which bin/mint uses) and, in place of the plain archive's SBOM, one that also names
# the bundled runtime and its exact version (SbomRuntime.java).
#
# Run by Maven in package, after the plain archive is made:
#   build-runtime.sh TARGET_DIR VERSION OUTPUT_TIMESTAMP JAVA_RUNTIME_VERSION [JDK_HOME]
# JAVA_RUNTIME_VERSION (mint-cli's mint.runtime.java.version) pins the JDK the runtime is made
# from: the JAVA_RUNTIME_VERSION of its release file, e.g. 25.0.3+9-LTS. JDK_HOME
# (-Dmint.runtime.jdk=DIR) names where it is; by default the JDK of that exact version under
# /usr/lib/jvm. A JDK_HOME of another version is refused (exit 1). With no such JDK, or on
# another platform than Linux x86-64, it says so and builds nothing (exit 0): the archive is
# optional, the build is not.
#
# Reproducible (docs/TESTING.md, "Reproducible builds"): every entry of the archive gets
# OUTPUT_TIMESTAMP (project.build.outputTimestamp) as its time, owner 0:0 and mode 0755 or
# 0644, entries sorted by name, gzip without a name or time.
#
# The AOT cache is made by one training run of the real command on a fixed throwaway phrase,
# in an empty environment. It must never see a user's phrase: an AOT cache holds heap objects
# of the training run (interned strings, resolved constants, archived mirrors), so the script
# also checks that neither the training phrase nor its password appears in the cache.
set -euo pipefail

target=$1
version=$2
timestamp=$3
pinned=$4
jdk=${5:-}

say() { echo "[mint] $*"; }
dist=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
scan=$dist/AotCacheScan.java

if [[ "$(uname -s)/$(uname -m)" != Linux/x86_64 ]]; then
  say "not Linux x86-64: mint-$version-linux-x64.tar.gz is not built"
  exit 0
fi
epoch=$(date -u -d "$timestamp" +%s)

# a KEY="value" of a JDK's release file
release() { sed -n "s/^$2=\"\(.*\)\"\$/\1/p" "$1/release" 2>/dev/null || true; }
# JAVA_VERSION of a JDK's release file, as a feature number (25 for "25.0.3")
feature() {
  local v
  v=$(release "$1" JAVA_VERSION)
  v=${v%%.*}
  echo "${v:-0}"
}

if [[ -n "$jdk" ]]; then
  if [[ ! -x "$jdk/bin/jlink" ]]; then
    say "-Dmint.runtime.jdk=$jdk is not a JDK (no bin/jlink)"
    exit 1
  fi
  if [[ "$(release "$jdk" JAVA_RUNTIME_VERSION)" != "$pinned" ]]; then
    say "-Dmint.runtime.jdk=$jdk is $(release "$jdk" JAVA_RUNTIME_VERSION), not the pinned" \
      "$pinned (mint.runtime.java.version): refused; pass -Dmint.runtime.java.version too"
    exit 1
  fi
else
  found=()
  for candidate in /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/jlink" && -f "$candidate/release" ]] || continue
    v=$(release "$candidate" JAVA_RUNTIME_VERSION)
    if [[ "$v" == "$pinned" && -z "$jdk" ]]; then
      jdk=$candidate
    fi
    found+=("$v")
  done
  if [[ -z "$jdk" ]]; then
    say "the pinned JDK $pinned (mint-cli's mint.runtime.java.version) is not under" \
      "/usr/lib/jvm (found: ${found[*]:-none}): mint-$version-linux-x64.tar.gz is not built;" \
      "install it, or pin another with -Dmint.runtime.java.version=VERSION (and -Dmint.runtime.jdk=DIR)"
    exit 0
  fi
fi
if (($(feature "$jdk") < 25)); then
  say "the JDK at $jdk is $(release "$jdk" JAVA_RUNTIME_VERSION): the AOT cache needs 25 or" \
    "later, mint-$version-linux-x64.tar.gz is not built"
  exit 0
fi
jdk=$(cd "$jdk" && pwd -P)
say "self-contained archive with a runtime from $jdk ($(release "$jdk" IMPLEMENTOR_VERSION)," \
  "$(release "$jdk" JAVA_RUNTIME_VERSION), pinned)"

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

# The jars get the archive's fixed time before the training run: the AOT cache is checked
# against the jars' sizes and times, and the archive gives every entry that time, so that the
# cache matches the jars after unpacking (a cache that does not match would be ignored).
find lib -type f -exec touch -d "@$epoch" {} +

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
[[ -z "$(ls -A "$training_home")" ]] || { say "the training run wrote into its home"; exit 1; }
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

# The SBOM of the plain archive (mint-cli and lib/), with the bundled runtime added as a
# component of type platform: its exact version and vendor from the JDK's release file, its
# modules from runtime/release.
# Run on the pinned JDK with the Jackson of lib/.
# (A build with -o has no SBOM to add to: the cyclonedx-maven-plugin needs online mode.)
if [[ -f sbom.cdx.json ]]; then
  "$jdk/bin/java" --class-path 'lib/*' "$dist/SbomRuntime.java" sbom.cdx.json runtime "$jdk" 2>>"$log"
else
  say "no sbom.cdx.json (Maven offline?): the self-contained archive has no SBOM"
fi

# Reproducible modes: the umask of the build and jlink's own choices are not carried over.
find . -type d -exec chmod 0755 {} +
find . -type f -perm -u=x -exec chmod 0755 {} +
find . -type f ! -perm -u=x -exec chmod 0644 {} +

cd "$work"
# GNU format: no pax headers with access and change times; gzip -n: no name or time in it
tar --sort=name --format=gnu --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
  -cf - "$name" | gzip -9 -n >"$target/$name-linux-x64.tar.gz"
say "built $target/$name-linux-x64.tar.gz ($(du -k "$target/$name-linux-x64.tar.gz" | cut -f1) KiB;" \
  "runtime/ $(du -sk "$app/runtime" | cut -f1) KiB, lib/mint.aot $(du -k "$app/lib/mint.aot" | cut -f1) KiB)"
