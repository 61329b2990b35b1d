package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The rules of the Unicode default full case mapping that the tables alone do not show, checked
 * without a JavaScript engine: one-to-many mappings, final sigma in and out of context, surrogates,
 * and sub-ranges of a {@code char[]}. (The mapping of every code point is compared with the engine
 * by {@link CaseMappingExhaustiveTest}.)
 */
class CaseMappingTest {
  private static String lower(String s) {
    return new String(CaseMapping.toLowerCase(s.toCharArray(), 0, s.length()));
  }

  private static String upper(String s) {
    return new String(CaseMapping.toUpperCase(s.toCharArray(), 0, s.length()));
  }

  @Test
  void oneCodePointCanBecomeSeveral() {
    assertEquals("STRASSE", upper("straße"));
    assertEquals("FISH", upper("\uFB01sh"));
    assertEquals("\u02BCN", upper("\u0149"));
    assertEquals("i\u0307stanbul", lower("\u0130stanbul"));
    assertEquals("\u0399\u0308\u0301", upper("\u0390"));
  }

  @Test
  void finalSigmaDependsOnWhatSurroundsIt() {
    assertEquals("\u03BF\u03B4\u03BF\u03C2", lower("\u039F\u0394\u039F\u03A3"));
    assertEquals("\u03C3", lower("\u03A3"), "alone: not preceded by a cased letter");
    assertEquals("\u03C3\u03B1", lower("\u03A3\u0391"), "at the start of a word");
    assertEquals("\u03B1\u03C3\u03B1", lower("\u0391\u03A3\u0391"), "inside a word");
    assertEquals("\u03B1\u03C2 \u03B1", lower("\u0391\u03A3 \u0391"), "before a space");
    assertEquals("a'\u03C2", lower("A'\u03A3"), "case-ignorable apostrophe skipped before");
    assertEquals("a\u03C3'b", lower("A\u03A3'B"), "case-ignorable apostrophe skipped after");
    assertEquals(
        "a\u03C2.", lower("A\u03A3."), "a dot is case-ignorable, and nothing cased follows");
    assertEquals(
        "1\u0345\u03C3",
        lower("1\u0345\u03A3"),
        "U+0345 is cased and case-ignorable: it is skipped, as in ICU");
    assertEquals("\uD801\uDC28\u03C2", lower("\uD801\uDC00\u03A3"), "a cased supplementary letter");
  }

  @Test
  void finalSigmaLooksOnlyInsideTheRange() {
    char[] s = "AB\u03A3C".toCharArray();
    assertEquals("b\u03C2", new String(CaseMapping.toLowerCase(s, 1, 3)));
    assertEquals("\u03C3", new String(CaseMapping.toLowerCase(s, 2, 3)));
  }

  @Test
  void surrogatesMapAsCodePointsOrStayAlone() {
    assertEquals("\uD801\uDC28", lower("\uD801\uDC00"), "Deseret, a pair");
    assertEquals("\uD801", lower("\uD801"), "a lone high surrogate stays");
    assertEquals("\uDC00\uD801", upper("\uDC00\uD801"), "a reversed pair is two lone units");
    char[] pair = {'\uD801', '\uDC00'};
    assertArrayEquals(
        new char[] {'\uD801'},
        CaseMapping.toUpperCase(pair, 0, 1),
        "the first unit of a pair alone is a lone surrogate");
  }

  @Test
  void emptyAndBadRanges() {
    assertEquals(0, CaseMapping.toLowerCase(new char[0], 0, 0).length);
    assertThrows(IndexOutOfBoundsException.class, () -> CaseMapping.toUpperCase(new char[2], 1, 3));
  }
}
