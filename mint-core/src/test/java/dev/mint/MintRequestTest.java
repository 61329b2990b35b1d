package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.conformance.Stages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MintRequestTest {

  private static void assertRefused(String field, Executable build) {
    InvalidInputException e = assertThrows(InvalidInputException.class, build);
    assertEquals(field, e.field());
    assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
  }

  @Test
  void theBuilderStartsFromThePagesDefaults() {
    MintRequest r = MintRequest.builder("github.com").build();
    assertEquals("1", r.version());
    assertEquals(16, r.length());
    assertTrue(r.upper() && r.lower() && r.digits() && r.symbols() && r.excludeAmbiguous());
    assertEquals(Level.STANDARD, r.level());
    assertEquals(210_000, r.level().iterations());
    assertEquals(Revision.R3, r.revision());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "007", "0001", "9999", "09999", "42"})
  void versionTextsThePortAccepts(String version) {
    MintRequest r = MintRequest.builder("x").version(version).build();
    assertEquals(version.isEmpty() ? "1" : version, r.version(), "kept verbatim");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "000", "10000", "-1", "+1", " 3", "3 ", "2.5", "1e2", "abc", "٣", "１"})
  void versionTextsThePortRefuses(String version) {
    for (Revision revision : Revision.values()) {
      assertRefused(
          "version", () -> MintRequest.builder("x").version(version).revision(revision).build());
    }
  }

  @Test
  void theVersionMessageSaysWhenThePageRefusesTooInR3() {
    String r3 =
        assertThrows(
                InvalidInputException.class, () -> MintRequest.builder("x").version("0").build())
            .getMessage();
    String r1 =
        assertThrows(
                InvalidInputException.class,
                () -> MintRequest.builder("x").version("0").revision(Revision.R1).build())
            .getMessage();
    assertTrue(r3.contains("the page r3 refuses it too"), r3);
    assertFalse(r1.contains("refuses it too"), r1);
  }

  @Test
  void intVersionsAreText() {
    assertEquals("12", MintRequest.builder("x").version(12).build().version());
    assertRefused("version", () -> MintRequest.builder("x").version(0).build());
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, 0, 11, 65, 1000})
  void lengthsOutsideTwelveToSixtyFourAreRefused(int length) {
    assertRefused("length", () -> MintRequest.builder("x").length(length).build());
  }

  @Test
  void atLeastOneClass() {
    assertRefused(
        "classes",
        () ->
            MintRequest.builder("x")
                .upper(false)
                .lower(false)
                .digits(false)
                .symbols(false)
                .build());
    MintRequest.builder("x").upper(false).lower(false).digits(false).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\r\n", "\u3000", "\uFEFF"})
  void blankSitesAreRefused(String site) {
    assertRefused("site", () -> MintRequest.builder(site).build());
  }

  @Test
  void siteWithOnlyJavaWhitespaceIsAccepted() {
    // U+0085 and U+200B are not JS whitespace, so the page accepts them as a site
    MintRequest.builder("\u0085").build();
    MintRequest.builder("\u200B").build();
  }

  @Test
  void nullsGiveTheDocumentedException() {
    assertRefused("site", () -> MintRequest.builder(null).build());
    assertRefused("version", () -> MintRequest.builder("x").version(null).build());
    assertRefused("level", () -> MintRequest.builder("x").level(null).build());
    assertRefused("revision", () -> MintRequest.builder("x").revision(null).build());
    MintRequest r = MintRequest.builder("x").build();
    assertRefused("phrase", () -> Mint.derive(r, null));
    assertRefused("request", () -> Mint.derive(null, "p".toCharArray()));
    assertRefused("engine", () -> Mint.derive(r, "p".toCharArray(), null));
    assertRefused("revision", () -> Stages.normalizeSite("x", null));
    assertRefused("site", () -> Stages.salt(null, "1"));
    assertRefused("derived", () -> Stages.encode(null, r));
    assertRefused("derived", () -> Stages.encode(new byte[63], r));
  }

  @Test
  void namesParse() {
    assertEquals(Revision.R1, Revision.parse("r1"));
    assertEquals(Level.HIGH, Level.parse("high"));
    assertRefused("revision", () -> Revision.parse("R4"));
    assertRefused("level", () -> Level.parse(null));
  }

  @Test
  void requestsAreValues() {
    MintRequest a = MintRequest.builder("x").version("").build();
    MintRequest b = MintRequest.builder("x").version(1).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a, a.toBuilder().build());
  }

  @Test
  void requestsThatDifferInAnyFieldAreNotEqual() {
    // found by the mutation run (docs/TESTING.md): equals returning true, or casting anything,
    // a constant hashCode and an empty toString went unseen
    MintRequest base = MintRequest.builder("x").build();
    List<MintRequest> others =
        List.of(
            MintRequest.builder("y").build(),
            base.toBuilder().version(2).build(),
            base.toBuilder().length(base.length() + 1).build(),
            base.toBuilder().upper(false).build(),
            base.toBuilder().lower(false).build(),
            base.toBuilder().digits(false).build(),
            base.toBuilder().symbols(false).build(),
            base.toBuilder().excludeAmbiguous(!base.excludeAmbiguous()).build(),
            base.toBuilder().level(Level.HIGH).build(),
            base.toBuilder().revision(Revision.R1).build());
    for (MintRequest other : others) {
      assertNotEquals(base, other, other.toString());
      assertNotEquals(other, base, other.toString());
    }
    assertNotEquals(base, "x");
    assertNotEquals(base, null);
    assertTrue(
        others.stream().mapToInt(MintRequest::hashCode).distinct().count() > 1,
        "the hash does not depend on the fields");
    String text = base.toString();
    assertTrue(text.startsWith("MintRequest{site=x, "), text);
    assertTrue(text.endsWith(", revision=" + base.revision().id() + "}"), text);
  }

  @Test
  void revisionsAreData() {
    assertEquals(27, Revision.R1.symbols().length());
    assertEquals(Revision.R1.symbols(), Revision.R2.symbols());
    assertEquals("!@#$%*-_=+.?", Revision.R3.symbols());
  }
}
