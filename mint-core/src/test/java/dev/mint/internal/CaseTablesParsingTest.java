package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * How {@link CaseMapping} reads its tables, on tables written here. CaseMapping parses the
 * generated tables once, when the class is initialized, so the tests that map text
 * (CaseMappingTest, the page's rows, the digest of every code point) run the parser only once per
 * JVM and never with a table it must refuse; and the generated runs all have a step of 1 or 2,
 * where {@code cp - start} and {@code cp + start} have the same parity. Found by the mutation run
 * (docs/TESTING.md).
 */
class CaseTablesParsingTest {

  @Test
  void aRunMapsEveryStepThCodePointFromItsStartToItsEnd() {
    // 0x10, 0x13, 0x16, 0x19, 0x1C map to the next code point; those in between, and those
    // outside the run, map to themselves
    CaseMapping.Mapping mapping = new CaseMapping.Mapping("10,1c,3,1", "");
    int[] mapped = {0x10, 0x13, 0x16, 0x19, 0x1C};
    for (int cp : mapped) {
      assertEquals(cp + 1, mapping.simple(cp), Integer.toHexString(cp));
    }
    for (int cp : new int[] {0x0F, 0x11, 0x12, 0x14, 0x15, 0x1B, 0x1D, 0x1F, 0x10FFFF}) {
      assertEquals(cp, mapping.simple(cp), Integer.toHexString(cp));
    }
    assertEquals(0x0, mapping.simple(0x0));
  }

  @Test
  void runsApplyTheirOwnDeltaAndReadEveryFieldAsHex() {
    CaseMapping.Mapping mapping = new CaseMapping.Mapping(" 41,5a,1,20  c0,de,2,-1f ", "");
    assertEquals('a', mapping.simple('A'));
    assertEquals('z', mapping.simple('Z'));
    assertEquals(0xC0 - 0x1F, mapping.simple(0xC0));
    assertEquals(0xC1, mapping.simple(0xC1));
    assertEquals(0xDE - 0x1F, mapping.simple(0xDE));
    assertEquals(0xDF, mapping.simple(0xDF));
  }

  @Test
  void specialMappingsGiveTheirUnitsAndOnlyForTheirCodePoint() {
    CaseMapping.Mapping mapping = new CaseMapping.Mapping("", "df:53.53 130:69.307 1f0:4a");
    assertArrayEquals(new char[] {'S', 'S'}, mapping.special(0xDF));
    assertArrayEquals(new char[] {'i', '\u0307'}, mapping.special(0x130));
    assertArrayEquals(new char[] {'J'}, mapping.special(0x1F0));
    assertNull(mapping.special(0xE0));
    assertNull(mapping.special(0x131));
    assertEquals(0xDF, mapping.simple(0xDF), "no run: the simple mapping is the identity");
  }

  @Test
  void emptyTablesMapNothing() {
    CaseMapping.Mapping mapping = new CaseMapping.Mapping(" ", "");
    assertEquals('A', mapping.simple('A'));
    assertNull(mapping.special('A'));
    CaseMapping.Ranges ranges = new CaseMapping.Ranges("");
    assertFalse(ranges.contains(0));
    assertFalse(ranges.contains('A'));
  }

  @Test
  void rangesAreInclusiveAtBothEnds() {
    CaseMapping.Ranges ranges = new CaseMapping.Ranges("41,5a 61,61  100,10ffff");
    for (int cp : new int[] {0x41, 0x50, 0x5A, 0x61, 0x100, 0x10FFFF}) {
      assertTrue(ranges.contains(cp), Integer.toHexString(cp));
    }
    for (int cp : new int[] {0x0, 0x40, 0x5B, 0x60, 0x62, 0xFF}) {
      assertFalse(ranges.contains(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void tablesOutOfOrderOrOverlappingAreRefused() {
    // a lookup by binary search is only right on sorted, disjoint entries: a table that is not
    // (a generator gone wrong) stops the class from loading rather than mapping text wrongly
    assertRefused(
        "case runs overlap at 5a,60,1,1",
        () -> new CaseMapping.Mapping("41,5a,1,20 5a,60,1,1", ""));
    assertRefused(
        "case runs overlap at 30,39,1,1",
        () -> new CaseMapping.Mapping("41,5a,1,20 30,39,1,1", ""));
    assertRefused(
        "special mappings out of order at df:53",
        () -> new CaseMapping.Mapping("", "df:53.53 df:53"));
    assertRefused(
        "special mappings out of order at 130:69",
        () -> new CaseMapping.Mapping("", "1f0:4a 130:69"));
    assertRefused("ranges out of order at 5a,60", () -> new CaseMapping.Ranges("41,5a 5a,60"));
    assertRefused("ranges out of order at 30,39", () -> new CaseMapping.Ranges("41,5a 30,39"));
    // touching but not overlapping is fine
    new CaseMapping.Mapping("41,5a,1,20 5b,60,1,1", "df:53.53 e0:41");
    assertTrue(new CaseMapping.Ranges("41,5a 5b,60").contains(0x5B));
  }

  @Test
  void theGeneratedTablesParseToTheMappingsTheClassUses() {
    CaseMapping.Mapping lower =
        new CaseMapping.Mapping(CaseTables.LOWER_RUNS, CaseTables.LOWER_SPECIAL);
    CaseMapping.Mapping upper =
        new CaseMapping.Mapping(CaseTables.UPPER_RUNS, CaseTables.UPPER_SPECIAL);
    assertEquals('a', lower.simple('A'));
    assertEquals('\u03C3', lower.simple('\u03A3'), "Σ: its one-unit simple lowercase");
    assertArrayEquals(new char[] {'i', '\u0307'}, lower.special(0x130));
    assertEquals('A', upper.simple('a'));
    assertArrayEquals(new char[] {'S', 'S'}, upper.special(0xDF));
    assertTrue(new CaseMapping.Ranges(CaseTables.CASED).contains('A'));
    assertFalse(new CaseMapping.Ranges(CaseTables.CASED).contains('1'));
    assertTrue(new CaseMapping.Ranges(CaseTables.CASE_IGNORABLE).contains('\''));
    assertFalse(new CaseMapping.Ranges(CaseTables.CASE_IGNORABLE).contains('A'));
  }

  private static void assertRefused(String message, Runnable parse) {
    assertEquals(message, assertThrows(IllegalStateException.class, parse::run).getMessage());
  }
}
