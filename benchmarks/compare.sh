#!/usr/bin/env bash
# Warm PBKDF2-HMAC-SHA256 (210,000 iterations, 64 bytes: one standard mint derivation) side by
# side in one run: mint's engines, the JDK provider and BouncyCastle (CompareHarness), Node's
# pbkdf2Sync and WebCrypto deriveBits, and the SHA-256 floor from `openssl speed`. Prints one
# markdown table with medians and ratios.
#
#   bash benchmarks/compare.sh            # ROUNDS=15 timed runs per engine, about 1-2 minutes
#   ROUNDS=31 JAVA=/path/to/java bash benchmarks/compare.sh
#   DIRECT=0 bash benchmarks/compare.sh  # mint's engines without their direct SHA-256 compression
#
# The Java engines run with sun.security.provider opened to them, as mint's jar manifest does, so
# that mint's engines compress directly (FastPbkdf2Direct); DIRECT=0 leaves the option out and
# shows the MessageDigest path that any other JVM gets.
#
# Needs: JDK 17+ and Maven (builds benchmarks/target/benchmarks.jar if missing), node 20+,
# openssl 3.
set -euo pipefail

cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-15}"
JAVA="${JAVA:-java}"
JAR=benchmarks/target/benchmarks.jar
if [[ ! -f "$JAR" || -n "${REBUILD:-}" ]]; then
  mvn -B -ntp -q -Pbench -pl benchmarks -am package -DskipTests >&2
fi
command -v node >/dev/null || { echo "compare.sh: node is not on the PATH" >&2; exit 1; }
command -v openssl >/dev/null || { echo "compare.sh: openssl is not on the PATH" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "compare.sh: Java engines ($ROUNDS rounds)..." >&2
opens=(--add-opens java.base/sun.security.provider=ALL-UNNAMED)
if [[ "${DIRECT:-1}" == 0 ]]; then opens=(); fi
"$JAVA" "${opens[@]}" -cp "$JAR" dev.mint.bench.CompareHarness "$ROUNDS" > "$tmp/java.tsv"
echo "compare.sh: Node ($ROUNDS rounds)..." >&2
node benchmarks/compare-node.mjs "$ROUNDS" > "$tmp/node.tsv"
echo "compare.sh: openssl speed -evp sha256..." >&2
# bytes per second hashing 16 KiB buffers: the compression function's throughput
openssl speed -mr -evp sha256 -bytes 16384 -seconds 3 2>/dev/null \
  | awk -F: '/^\+F:/ { print $4 }' > "$tmp/sha256.bps"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# every engine must have derived the same 64 bytes, or the timings compare different work
if [[ "$(cut -f5 "$tmp/java.tsv" "$tmp/node.tsv" | sort -u | wc -l)" != 1 ]]; then
  echo "compare.sh: the engines disagree on the derived bytes" >&2
  cat "$tmp/java.tsv" "$tmp/node.tsv" >&2
  exit 1
fi

awk -F'\t' -v bps="$(cat "$tmp/sha256.bps")" -v rounds="$ROUNDS" '
  FNR == 1 { file++ }
  { name[++n] = $1; med[n] = $2; min[n] = $3; if ($1 == "node-pbkdf2Sync") node = $2; if ($1 == "jdk") jdk = $2 }
  END {
    ns = 64 / bps * 1e9                 # ns per 64-byte compression
    floor1 = 840000 * ns / 1e6          # 210,000 iterations x 2 blocks x 2 compressions
    floor2 = floor1 / 2
    label["fast"] = "mint fast (parallel, default)"
    label["fast-sequential"] = "mint fast, sequential"
    label["jdk"] = "JDK PBKDF2WithHmacSHA256"
    label["bouncycastle"] = "BouncyCastle (mint reference)"
    label["node-pbkdf2Sync"] = "Node crypto.pbkdf2Sync"
    label["node-webcrypto"] = "Node WebCrypto deriveBits"
    printf "| engine | median ms | min ms | x Node pbkdf2Sync | x JDK provider | x 2-core floor |\n"
    printf "|---|---:|---:|---:|---:|---:|\n"
    for (i = 1; i <= n; i++)
      printf "| %s | %.1f | %.1f | %.2f | %.2f | %.2f |\n", label[name[i]], med[i], min[i], med[i] / node, med[i] / jdk, med[i] / floor2
    printf "| SHA-256 floor, 1 core (840,000 x %.1f ns) | %.1f | | %.2f | %.2f | %.2f |\n", ns, floor1, floor1 / node, floor1 / jdk, 2
    printf "| SHA-256 floor, 2 cores | %.1f | | %.2f | %.2f | 1.00 |\n", floor2, floor2 / node, floor2 / jdk
  }' "$tmp/java.tsv" "$tmp/node.tsv"

echo
echo "$ROUNDS timed runs per engine after warm-up; one standard derivation: PBKDF2-HMAC-SHA256,"
echo "210,000 iterations, 64 bytes. Floor: \`openssl speed -evp sha256\` on 16 KiB buffers."
echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores;" \
  "$("$JAVA" -version 2>&1 | head -1); node $(node --version); $(openssl version | cut -d' ' -f1-2)."
echo "Load average (1/5/15 min) before: $load_before; after: $load_after."
