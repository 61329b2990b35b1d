#!/usr/bin/env bash
# Reproducible builds: builds the current commit in fresh clones and compares the SHA-256 of
# every artifact `package` makes (the jars of every module with their sources and javadoc jars,
# the CycloneDX SBOMs, mint-cli's plain and self-contained archives, the man page and
# completion files) and the .sha256 files written right after package. Prints one row per
# artifact and exits 1 when any differs (docs/TESTING.md, "Reproducible builds").
#
#   .ci/reproducible.sh                 two fresh clones in two temporary directories (under
#                                       /tmp and /var/tmp), built some seconds apart
#   .ci/reproducible.sh --against DIR   one fresh clone, compared with the artifacts already
#                                       built in the checkout DIR (what .ci/run does after its
#                                       `mvn verify`, so CI builds once more, not twice)
#
# Each build is `mvn -B -ntp -C pre-integration-test -DskipTests` on the JDK that `java` and
# `mvn` find (the same for both): the artifacts of package plus the .sha256 files. Only the
# commit is built: uncommitted changes are not in a clone (the script says so).
#
# Excluded, with the reason (docs/TESTING.md): lib/mint.aot of the self-contained archive. A
# JDK 25 AOT cache is not reproducible: two caches made from one recorded configuration on the
# same runtime differ in millions of bytes. That archive (and its .sha256) is compared entry by
# entry instead: every other entry's bytes and every entry's name, mode, owner and time must be
# the same.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
against=
if [[ ${1:-} == --against ]]; then
  against=$(cd "${2:?--against needs a directory}" && pwd -P)
fi
commit=$(git -C "$repo" rev-parse HEAD)
if [[ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]]; then
  echo "reproducible: uncommitted changes in $repo are not built: comparing commit $commit" >&2
fi

scratch=()
cleanup() { for dir in "${scratch[@]}"; do rm -rf "$dir"; done; }
trap cleanup EXIT

# build_clone DIR: a fresh clone of the commit in DIR/mint, built
build_clone() {
  local dir=$1
  git clone -q --no-hardlinks "$repo" "$dir/mint" >&2
  git -C "$dir/mint" checkout -q --detach "$commit" >&2
  echo "reproducible: building $commit in $dir/mint" >&2
  if ! (cd "$dir/mint" && mvn -B -ntp -C pre-integration-test -DskipTests >"$dir/build.log" 2>&1); then
    tail -n 40 "$dir/build.log" >&2
    echo "reproducible: the build in $dir/mint failed" >&2
    exit 1
  fi
}

# the artifacts of a built checkout, as paths relative to it
artifacts() {
  (
    cd "$1"
    find . -maxdepth 3 -path '*target/*' -type f \
      \( -name '*.jar' -o -name '*.tar.gz' -o -name '*.zip' -o -name '*.sha256' \
      -o -name '*-cyclonedx.json' -o -name '*-cyclonedx.xml' \) -printf '%P\n'
    find mint-cli/target/dist-docs/share -type f -printf '%p\n' 2>/dev/null || true
  ) | sort
}

hash_of() { if [[ -f "$1" ]]; then sha256sum "$1" | cut -d' ' -f1; else echo "(missing)"; fi; }

# entries_differ A B: the self-contained archives A and B, entry by entry, lib/mint.aot aside.
# Prints what differs (nothing when only the excluded cache does).
entries_differ() {
  local a=$1 b=$2 work
  work=$(mktemp -d)
  mkdir "$work/a" "$work/b"
  tar -xzf "$a" -C "$work/a"
  tar -xzf "$b" -C "$work/b"
  # names, modes, owners and times of every entry; sizes of all but the cache
  diff <(tar -tvzf "$a" | sed -E '/\/lib\/mint\.aot$/s/ [0-9]+ ([0-9]{4}-)/ SIZE \1/') \
    <(tar -tvzf "$b" | sed -E '/\/lib\/mint\.aot$/s/ [0-9]+ ([0-9]{4}-)/ SIZE \1/') || true
  diff -rq "$work/a" "$work/b" | grep -v '/lib/mint\.aot differ$' || true
  rm -rf "$work"
}

# new_dir BASE: a new directory under BASE, removed at exit
new_dir() {
  local dir
  dir=$(mktemp -d "$1/mint-reproducible.XXXXXX")
  scratch+=("$dir")
  last_dir=$dir
}

if [[ -n "$against" ]]; then
  first=$against
else
  new_dir /tmp
  build_clone "$last_dir"
  first=$last_dir/mint
  sleep 5
fi
new_dir /var/tmp
build_clone "$last_dir"
second=$last_dir/mint

different=0
excluded=0
printf '%-64s  %-8s  %s\n' "sha256 (first build; the second's below when it differs)" result artifact
while IFS= read -r path; do
  a=$(hash_of "$first/$path")
  b=$(hash_of "$second/$path")
  if [[ "$a" == "$b" ]]; then
    printf '%-64s  %-8s  %s\n' "$a" same "$path"
  elif [[ "$path" == *-linux-x64.tar.gz || "$path" == *-linux-x64.tar.gz.sha256 ]]; then
    archive=${path%.sha256}
    found=$(entries_differ "$first/$archive" "$second/$archive")
    if [[ -z "$found" ]]; then
      printf '%-64s  %-8s  %s\n' "$a" excluded "$path (differs only in lib/mint.aot, the AOT cache)"
      printf '%-64s  %-8s\n' "$b" ""
      excluded=$((excluded + 1))
    else
      printf '%-64s  %-8s  %s\n' "$a" DIFFERS "$path" "$b" "" ""
      echo "$found" | head -n 20
      different=$((different + 1))
    fi
  else
    printf '%-64s  %-8s  %s\n' "$a" DIFFERS "$path" "$b" "" ""
    different=$((different + 1))
  fi
done < <(sort -u <(artifacts "$first") <(artifacts "$second"))

total=$(sort -u <(artifacts "$first") <(artifacts "$second") | wc -l)
if [[ "$total" -eq 0 ]]; then
  echo "reproducible: no artifacts found" >&2
  exit 1
fi
echo "reproducible: $total artifacts of $commit: $((total - different - excluded)) identical," \
  "$excluded identical but for the AOT cache, $different different"
if ((different > 0)); then
  exit 1
fi
