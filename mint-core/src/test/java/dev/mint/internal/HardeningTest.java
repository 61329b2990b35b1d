package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.InvalidInputException;
import dev.mint.conformance.Stages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HardeningTest {

  private static String harden(String phrase) {
    return new String(Stages.hardenPhrase(phrase.toCharArray()), StandardCharsets.UTF_8);
  }

  @Test
  void specExamples() {
    assertEquals("MY IPHONE purchase*2!", harden("my iphone purchase"));
    assertEquals(
        "my iphone PURCHASE in INDIA$2undefined", harden("  My iPhone  purchase in INDIA  "));
  }

  @Test
  void theExampleInThePagesOwnDocumentationIsNotWhatThePageComputes() {
    assertFalse(harden("my iphone purchase").equals("my IPHONE purchase!7@"));
  }

  @Test
  void aOneWordPhraseUppercasesItsFirstCodeUnitOnly() {
    assertTrue(harden("horse").startsWith("Horse"));
    assertTrue(harden("ßtraße").startsWith("SStraße"), "ß uppercases to SS");
    // a supplementary first character: its high surrogate alone has no uppercase
    assertTrue(harden("\uD801\uDC28x").startsWith("\uD801\uDC28x"));
  }

  @Test
  void aTwoWordPhraseGetsExactlyOneWordUppercased() {
    String hardened = harden("alpha beta");
    assertTrue(hardened.startsWith("ALPHA beta") || hardened.startsWith("alpha BETA"), hardened);
  }

  @Test
  void jsWhitespaceIsTrimmedAndCollapsedButJavaOnlyWhitespaceIsNot() {
    String js = "\u00A0\u2000one\u3000\u2028\uFEFFtwo\u205F";
    assertEquals(harden("one two"), harden(js));
    // U+0085, U+180E and U+200B are not JS whitespace: they stay inside the word
    assertFalse(harden("one\u0085two").contains(" "));
    assertFalse(harden("one\u200Btwo").contains(" "));
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacterBytes() {
    byte[] bytes = Stages.hardenPhrase("ab\uD800c".toCharArray());
    byte[] expectedStart = {'A', 'b', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, 'c'};
    byte[] start = java.util.Arrays.copyOf(bytes, expectedStart.length);
    assertArrayEquals(expectedStart, start);
  }

  @Test
  void theSeedIsDjb2WithXorOverUtf16CodeUnits() {
    assertEquals(5381L, Hardening.seed(new char[0]));
    assertEquals(((5381L * 33) & 0xFFFFFFFFL) ^ 'a', Hardening.seed(new char[] {'a'}));
  }

  @Test
  void theSuffixSpellsOutUndefinedForNegativeIndexes() {
    java.util.Random random = new java.util.Random(42);
    int withUndefined = 0;
    for (int i = 0; i < 200; i++) {
      StringBuilder phrase = new StringBuilder();
      for (int n = 5 + random.nextInt(20); n > 0; n--) {
        phrase.append((char) ('a' + random.nextInt(26)));
      }
      if (harden(phrase.toString()).contains("undefined")) {
        withUndefined++;
      }
    }
    assertTrue(withUndefined > 20 && withUndefined < 180, "about 4 in 10: " + withUndefined);
  }

  @Test
  void thePhraseArrayIsNotModified() {
    char[] phrase = "  Correct Horse  ".toCharArray();
    Stages.hardenPhrase(phrase);
    assertArrayEquals("  Correct Horse  ".toCharArray(), phrase);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "\u3000\uFEFF\u00A0"})
  void blankPhrasesAreRefused(String blank) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Stages.hardenPhrase(blank.toCharArray()));
    assertEquals("phrase", e.field());
  }

  @Test
  void anOverlongPhraseIsRefused() {
    char[] phrase = new char[Hardening.MAX_PHRASE_LENGTH + 1];
    java.util.Arrays.fill(phrase, 'a');
    assertEquals(
        "phrase",
        assertThrows(InvalidInputException.class, () -> Stages.hardenPhrase(phrase)).field());
  }
}
