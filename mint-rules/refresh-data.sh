#!/usr/bin/env bash
# Refreshes mint-rules' bundled data from a newer local checkout of Apple's
# password-manager-resources (https://github.com/apple/password-manager-resources): copies
# quirks/password-rules.json, quirks/shared-credentials.json,
# quirks/shared-credentials-historical.json, quirks/change-password-URLs.json and LICENSE.md, and
# records the checkout's commit and date in PROVENANCE.md. Build time only: mint never fetches
# anything at run time, and this script does not either (clone or pull yourself).
#
# Usage: mint-rules/refresh-data.sh PATH-TO-CHECKOUT [COMMIT DATE]
#   COMMIT and DATE are read from the checkout's git; give them for a copy without .git.
# Then: mvn -B -ntp -pl mint-rules -am verify   (the parser differential runs every entry
# against the checkout's own PasswordRulesParser.js copy in src/test/js; KnownSitesTest and
# SuggestionTest pin the entry counts and must be updated with the new figures on purpose).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
src="${1:?usage: mint-rules/refresh-data.sh PATH-TO-CHECKOUT}"
data="$here/src/main/resources/dev/mint/rules/data"
for f in quirks/password-rules.json quirks/shared-credentials.json quirks/shared-credentials-historical.json \
  quirks/change-password-URLs.json LICENSE.md; do
  [[ -f "$src/$f" ]] || { echo "refresh-data.sh: $src/$f is missing" >&2; exit 2; }
done
for f in password-rules.json shared-credentials.json shared-credentials-historical.json change-password-URLs.json; do
  # refuse a file that is not JSON before it replaces a good one
  node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$src/quirks/$f" ||
    { echo "refresh-data.sh: $src/quirks/$f is not JSON" >&2; exit 2; }
done
commit="${2:-}"
when="${3:-}"
if [[ -z "$commit" && -e "$src/.git" ]]; then
  commit="$(git -C "$src" rev-parse HEAD)"
  when="$(git -C "$src" log -1 --format=%cs)"
fi
[[ -n "$commit" ]] || { echo "refresh-data.sh: $src has no .git; give COMMIT and DATE" >&2; exit 2; }
cp "$src/quirks/password-rules.json" "$src/quirks/shared-credentials.json" \
  "$src/quirks/shared-credentials-historical.json" "$src/quirks/change-password-URLs.json" \
  "$src/LICENSE.md" "$data/"
if [[ -f "$src/tools/PasswordRulesParser.js" ]]; then
  cp "$src/tools/PasswordRulesParser.js" "$here/src/test/js/PasswordRulesParser.js"
fi
sed -i -e "s/^- commit: .*/- commit: $commit ($when)/" \
  -e "s/^- copied into mint: .*/- copied into mint: $(date -u +%F)/" "$data/PROVENANCE.md"
sums="$(cd "$data" && sha256sum password-rules.json shared-credentials.json \
  shared-credentials-historical.json change-password-URLs.json LICENSE.md)"
awk -v sums="$sums" '
  /^```$/ && !done { print; if (!open) { print sums; skipping = 1; open = 1; next } else { skipping = 0; done = 1; next } }
  !skipping { print }
' "$data/PROVENANCE.md" >"$data/PROVENANCE.md.new" && mv "$data/PROVENANCE.md.new" "$data/PROVENANCE.md"
echo "refreshed from $src at $commit ($when); now write the site index mint's lookups start with" \
  "(mvn -B -ntp -pl mint-rules -am test -Dtest=KnownSitesIndexTest" \
  "-Dsurefire.failIfNoSpecifiedTests=false -Dmint.rules.writeIndex=true), then run:" \
  "mvn -B -ntp -pl mint-rules -am verify"
