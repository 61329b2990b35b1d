package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.conformance.Stages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row the page recorded (test-vectors/upstream, 9,360 rows), checked stage by stage in
 * mint-core itself, without PBKDF2: the normalized site, the hardened bytes, the salt, and the
 * password encoded from the row's derived bytes (supplied to the page for stage rows, the page's
 * own PBKDF2 output for e2e rows). mint-vectors checks the same rows one named test each, PBKDF2
 * included; this is the check that mint-core's own tests (and so its mutation run, docs/TESTING.md)
 * hold, in a second or so per file.
 *
 * <p>A row the page refused must be refused; a row outside what the port accepts by design (a
 * phrase blank after JS-trim, a version other than empty or 1 to 9999 in ASCII digits, restated
 * here independently) must be refused on the phrase or the version.
 */
class StageRowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSION = Pattern.compile("|(?=.{1,64}$)0*[1-9][0-9]{0,3}");
  private static final Pattern JS_BLANK =
      Pattern.compile(
          "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]*");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "r1-stage.jsonl",
        "r2-stage.jsonl",
        "r3-stage.jsonl",
        "r1-e2e.jsonl",
        "r2-e2e.jsonl",
        "r3-e2e.jsonl"
      })
  void everyRowsStagesAreThePages(String file) throws IOException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String line : Files.readAllLines(upstream().resolve(file), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(line);
      String failure = check(row);
      if (failure != null) {
        failures.add(file + " #" + row.get("id").asInt() + ": " + failure);
      }
      checked++;
    }
    assertTrue(checked >= 120, file + " holds " + checked + " rows");
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())));
  }

  /** What differs from the page in this row, or null. */
  private static String check(JsonNode row) {
    JsonNode in = row.get("input");
    String phrase = in.get("phrase").asText();
    String version = in.get("version").asText();
    boolean pageRefused = row.has("error");
    boolean outsideDomain =
        JS_BLANK.matcher(phrase).matches() || !VERSION.matcher(version).matches();
    try {
      Revision revision = Revision.parse(row.get("revision").asText());
      MintRequest request =
          MintRequest.builder(in.get("site").asText())
              .version(version)
              .length(in.get("length").asInt())
              .upper(in.get("upper").asBoolean())
              .lower(in.get("lower").asBoolean())
              .digits(in.get("digits").asBoolean())
              .symbols(in.get("symbols").asBoolean())
              .excludeAmbiguous(in.get("excludeAmbiguous").asBoolean())
              .level(Level.parse(in.get("level").asText()))
              .revision(revision)
              .build();
      String site = Stages.normalizeSite(request.site(), revision);
      byte[] hardened = Stages.hardenPhrase(phrase.toCharArray());
      String salt = Stages.salt(site, request.version());
      if (pageRefused || outsideDomain) {
        return "accepted, but the page refused it or it is outside the port's domain";
      }
      if (!site.equals(row.get("normalizedSite").asText())) {
        return "normalized site " + site;
      }
      if (!HexFormat.of().formatHex(hardened).equals(row.get("hardenedPhraseHex").asText())) {
        return "hardened bytes differ";
      }
      if (!salt.equals(row.get("salt").asText())) {
        return "salt " + salt;
      }
      if (request.level().iterations() != row.get("iterations").asInt()) {
        return "iterations " + request.level().iterations();
      }
      byte[] derived = HexFormat.of().parseHex(row.get("derivedHex").asText());
      String password = new String(Stages.encode(derived, request));
      return password.equals(row.get("password").asText()) ? null : "password " + password;
    } catch (InvalidInputException e) {
      if (pageRefused) {
        return null;
      }
      if (outsideDomain && (e.field().equals("phrase") || e.field().equals("version"))) {
        return null;
      }
      return "refused on " + e.field() + " but the page accepted it";
    }
  }

  private static Path upstream() {
    String root = System.getProperty("mint.root");
    return Path.of(root == null || root.isBlank() ? ".." : root, "test-vectors", "upstream");
  }
}
