package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.conformance.Stages;
import dev.mint.internal.Hardening;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Control C4 (docs/THREAT_MODEL.md): input far beyond any real use is refused up front with an
 * error naming the field and the limit, before mint copies or transforms it, so a pasted file or a
 * hostile caller cannot make mint allocate in proportion to the input or work in proportion to its
 * square. (The vector reader's limits are in VectorFilesTest.)
 */
class OversizedInputTest {
  /** Ten million code units: four times what any limit allows, small enough for a test heap. */
  private static final int HUGE = 10_000_000;

  private static void assertRefused(String field, String limit, Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    assertEquals(field, e.field());
    assertTrue(e.getMessage().startsWith(field + ": must be"), e.getMessage());
    assertTrue(e.getMessage().contains(limit), e.getMessage());
  }

  @Test
  void aPhraseOverTheLimitIsRefused() {
    char[] justOver = new char[Hardening.MAX_PHRASE_LENGTH + 1];
    Arrays.fill(justOver, 'a');
    assertRefused("phrase", "at most 4096", () -> Stages.hardenPhrase(justOver));
    char[] huge = new char[HUGE];
    Arrays.fill(huge, 'ß'); // uppercases to two characters: the worst case for growth
    assertRefused("phrase", "at most 4096", () -> Stages.hardenPhrase(huge));
    assertRefused(
        "phrase", "at most 4096", () -> Mint.derive(MintRequest.builder("x").build(), huge));
  }

  @Test
  void aPhraseAtTheLimitWorksAndGrowsBoundedly() {
    char[] worst = new char[Hardening.MAX_PHRASE_LENGTH];
    Arrays.fill(worst, 'ŉ'); // one code unit, uppercases to two, three UTF-8 bytes for the first
    byte[] hardened = Stages.hardenPhrase(worst);
    // one word: only its first unit is uppercased; the rest stays two bytes a unit
    assertTrue(hardened.length <= 3 * Hardening.MAX_PHRASE_LENGTH + 32, "" + hardened.length);
    char[] words = ("ŉŉ ".repeat(Hardening.MAX_PHRASE_LENGTH / 3)).toCharArray();
    assertTrue(Stages.hardenPhrase(words).length <= 4 * Hardening.MAX_PHRASE_LENGTH + 32);
  }

  @Test
  void aSiteOverTheLimitIsRefused() {
    String justOver = "a".repeat(MintRequest.MAX_SITE_LENGTH + 1);
    assertRefused("site", "at most 2048", () -> MintRequest.builder(justOver).build());
    String huge = "a.".repeat(HUGE / 2);
    assertRefused("site", "at most 2048", () -> MintRequest.builder(huge).build());
    assertRefused("site", "at most 2048", () -> Stages.normalizeSite(huge, Revision.R3));
    assertEquals(
        MintRequest.MAX_SITE_LENGTH, MintRequest.builder("a".repeat(2048)).build().site().length());
  }

  @Test
  void aVersionOverTheLimitIsRefused() {
    String huge = "9".repeat(HUGE);
    for (Revision revision : Revision.values()) {
      assertRefused(
          "version",
          "1 to 9999",
          () -> MintRequest.builder("x").version(huge).revision(revision).build());
    }
    assertRefused("version", "1 to 9999", () -> Stages.salt("x", huge));
    assertRefused("version", "1 to 9999", () -> Stages.salt("x", "0".repeat(64) + "1"));
  }

  @Test
  void namesOfRevisionsAndLevelsAreNotEchoed() {
    String huge = "r".repeat(HUGE);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Revision.parse(huge));
    assertTrue(e.getMessage().length() < 200, "the message repeats the input");
    e = assertThrows(InvalidInputException.class, () -> Level.parse(huge));
    assertTrue(e.getMessage().length() < 200, "the message repeats the input");
  }
}
