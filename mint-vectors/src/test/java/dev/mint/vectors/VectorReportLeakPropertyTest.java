package dev.mint.vectors;

import static dev.mint.testing.Leaks.assertNoMarker;
import static dev.mint.testing.Leaks.everything;

import dev.mint.Pbkdf2Engine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Control C2 (docs/THREAT_MODEL.md) for the vector tools: a vector row can hold a real phrase, and
 * nothing the reader or the checker reports about it, right or wrong, repeats it. Each try hides a
 * fresh marker in a row's phrase, damages the row, and searches every report for the marker.
 */
class VectorReportLeakPropertyTest {

  /** A marker no input would contain by chance; letters only, so hardening keeps it whole. */
  @Provide
  Arbitrary<String> markers() {
    return Arbitraries.strings().withCharRange('a', 'z').ofLength(10).map(s -> "mrk" + s);
  }

  /** Vector rows carry real phrases: no report about a row, right or wrong, repeats one. */
  @Property(tries = 300)
  void vectorReportsNeverRepeatThePhrase(
      @ForAll("markers") String marker, @ForAll("rowDamage") String damage) throws Exception {
    String json = damage.replace("PHRASE", "my " + marker + " words");
    VectorRow row;
    try {
      row = VectorFiles.parse(json, "real.jsonl", 7);
    } catch (VectorFormatException e) {
      assertNoMarker(marker, everything(e));
      return;
    }
    assertNoMarker(marker, row.toString() + row.input().toString() + row.name());
    VectorCheck.Outcome outcome = VectorCheck.check(row, Pbkdf2Engine.defaultEngine());
    assertNoMarker(marker, outcome.describe());
  }

  @Provide
  Arbitrary<String> rowDamage() {
    String row =
        "{\"id\": 3, \"revision\": \"r3\", \"kind\": \"stage\", \"input\": {\"site\": \"github.com\","
            + " \"phrase\": \"PHRASE\", \"version\": \"VERSION\", \"length\": 16, \"upper\": true,"
            + " \"lower\": true, \"digits\": true, \"symbols\": true, \"excludeAmbiguous\": true,"
            + " \"level\": \"standard\"}, ERROR \"normalizedSite\": \"SITE\", \"hardenedPhraseHex\": \"HEX\","
            + " \"salt\": \"password-mint::v1::github::1\", \"iterations\": 210000, \"derivedHex\": \""
            + "00".repeat(64)
            + "\", \"password\": \"abcdefghijklmnop\"}";
    return Combinators.combine(
            Arbitraries.of("1", "0", "abc", ""),
            Arbitraries.of(
                "",
                "\"error\": \"Please enter a master phrase\",",
                "\"error\": \"Version must be 1\","),
            Arbitraries.of("github", "gitlab"),
            Arbitraries.of("00", "4d59", "", "zz"))
        .as(
            (version, error, site, hex) ->
                row.replace("VERSION", version)
                    .replace("ERROR", error)
                    .replace("SITE", site)
                    .replace("HEX", hex));
  }
}
