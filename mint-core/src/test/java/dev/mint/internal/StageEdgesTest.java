package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.InvalidInputException;
import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.Revision;
import dev.mint.conformance.Stages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the stages that the page's rows do not pin down one by one: each limit on both sides
 * (version 1 and 9999 and their neighbours, 64 and 65 characters, the UTF-8 lengths at
 * U+007F/U+0080 and U+07FF/U+0800, one iteration, one byte of output), and the field each refusal
 * names. Written against the mutation run (docs/TESTING.md): each test kills mutants the other
 * tests left alive.
 */
class StageEdgesTest {

  @Test
  void theEngineArgumentsAreCheckedAtTheirLimits() {
    byte[] key = {1};
    byte[] salt = {2};
    Pbkdf2Arguments.check(key, salt, 1, new byte[1]); // the smallest allowed: no exception
    assertEquals(
        "iterations",
        assertThrows(
                InvalidInputException.class, () -> Pbkdf2Arguments.check(key, salt, 0, new byte[1]))
            .field());
    assertEquals(
        "out",
        assertThrows(
                InvalidInputException.class, () -> Pbkdf2Arguments.check(key, salt, 1, new byte[0]))
            .field());
    for (String field : new String[] {"password", "salt", "out"}) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () ->
                  Pbkdf2Arguments.check(
                      field.equals("password") ? null : key,
                      field.equals("salt") ? null : salt,
                      1,
                      field.equals("out") ? null : new byte[1]));
      assertEquals(field, e.field());
    }
    assertEquals(
        "iterations: must be at least 1",
        assertThrows(
                InvalidInputException.class,
                () -> Pbkdf2Arguments.check(key, salt, -5, new byte[1]))
            .getMessage());
    assertEquals(
        "out: must have room for at least 1 byte",
        assertThrows(
                InvalidInputException.class, () -> Pbkdf2Arguments.check(key, salt, 1, new byte[0]))
            .getMessage());
  }

  @Test
  void oneIterationAndOneByteOfOutputAreExact() {
    byte[] expected = new byte[1];
    BouncyCastlePbkdf2.INSTANCE.derive(new byte[] {7}, new byte[] {8}, 1, expected);
    for (Pbkdf2Engine engine :
        new Pbkdf2Engine[] {Pbkdf2Engine.fast(), Pbkdf2Engine.fastSequential()}) {
      byte[] out = new byte[1];
      engine.derive(new byte[] {7}, new byte[] {8}, 1, out);
      assertArrayEquals(expected, out, engine.name());
      assertEquals("Pbkdf2Engine[" + engine.name() + "]", engine.toString());
    }
  }

  @Test
  void versionsAreAcceptedFromOneTo9999AndNoFurther() {
    for (String ok : new String[] {"", "1", "9", "10", "9999", "0001", "0".repeat(60) + "9999"}) {
      assertTrue(VersionRule.portAccepts(ok), ok);
      assertEquals(ok.isEmpty() ? "1" : ok, VersionRule.effective(VersionRule.check(ok, null)));
    }
    for (String bad :
        new String[] {
          "0",
          "00",
          "10000",
          "99999",
          "/",
          ":",
          "1/",
          "1:",
          " 1",
          "+1",
          "1.0",
          "١",
          "0".repeat(61) + "9999"
        }) {
      assertFalse(VersionRule.portAccepts(bad), bad);
    }
    assertEquals(64, ("0".repeat(60) + "9999").length());
    assertEquals("password-mint::v1::github::0042", Stages.salt("github", "0042"));
    assertEquals("password-mint::v1::github::1", Stages.salt("github", ""));
    assertEquals(
        "site", assertThrows(InvalidInputException.class, () -> Stages.salt(null, "1")).field());
    assertEquals(
        "version", assertThrows(InvalidInputException.class, () -> Stages.salt("x", null)).field());
  }

  @Test
  void aVersionRefusedByThePageToo() {
    String plain = "version: must be a whole number from 1 to 9999 in ASCII digits (empty means 1)";
    assertEquals(
        plain,
        assertThrows(InvalidInputException.class, () -> VersionRule.check("0", null)).getMessage());
    assertEquals(
        plain,
        assertThrows(InvalidInputException.class, () -> VersionRule.check("2.5", Revision.R3))
            .getMessage());
    assertEquals(
        plain,
        assertThrows(InvalidInputException.class, () -> VersionRule.check("0", Revision.R1))
            .getMessage());
    assertEquals(
        plain + "; the page r3 refuses it too",
        assertThrows(InvalidInputException.class, () -> VersionRule.check("0", Revision.R3))
            .getMessage());
    assertEquals(
        plain + "; the page r3 refuses it too",
        assertThrows(InvalidInputException.class, () -> VersionRule.check("abc", Revision.R3))
            .getMessage());
    assertTrue(VersionRule.UNCHECKED.pageAccepts("abc"));
    assertTrue(VersionRule.PARSE_INT_AT_LEAST_ONE.pageAccepts(""));
    assertTrue(VersionRule.PARSE_INT_AT_LEAST_ONE.pageAccepts("1"));
    assertTrue(VersionRule.PARSE_INT_AT_LEAST_ONE.pageAccepts("2.5"));
    assertFalse(VersionRule.PARSE_INT_AT_LEAST_ONE.pageAccepts("0"));
    assertFalse(VersionRule.PARSE_INT_AT_LEAST_ONE.pageAccepts("-3"));
    assertFalse(VersionRule.PARSE_INT_AT_LEAST_ONE.pageAccepts("x"));
  }

  @Test
  void parseIntReadsOnlyAsciiDigitsAfterASign() {
    assertEquals(0.0, Js.parseInt("0"));
    assertEquals(9.0, Js.parseInt("9"));
    assertEquals(5.0, Js.parseInt("+5"));
    assertEquals(-0.0, Js.parseInt("-0"));
    assertEquals(12.0, Js.parseInt("12/3"));
    assertEquals(12.0, Js.parseInt("12:3"));
    assertTrue(Double.isNaN(Js.parseInt("/1")));
    assertTrue(Double.isNaN(Js.parseInt(":1")));
    assertTrue(Double.isNaN(Js.parseInt("+")));
    assertTrue(Double.isNaN(Js.parseInt("  ")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u007F",
        "\u0080",
        "\u07FF",
        "\u0800",
        "\uD7FF",
        "\uE000",
        "\uFFFF",
        "\uD800\uDC00",
        "\uDBFF\uDFFF",
        "a\u0080\u0800\uD83D\uDE00z"
      })
  void utf8AtEveryLengthBoundaryIsTheJdks(String valid) {
    byte[] expected = valid.getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected, Js.utf8(valid));
    assertEquals(expected.length, Js.utf8Length(valid));
  }

  @Test
  void aHighSurrogateAtTheEndIsLone() {
    byte[] fffd = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    assertArrayEquals(new byte[] {'a', fffd[0], fffd[1], fffd[2]}, Js.utf8("a\uD800"));
    assertEquals(4, Js.utf8Length("a\uD800"));
    assertArrayEquals(new byte[] {fffd[0], fffd[1], fffd[2], 'b'}, Js.utf8("\uD800b"));
    assertEquals(4, Js.utf8Length("\uD800b"));
  }

  @Test
  void trimAndBlankFollowJavaScript() {
    assertEquals("", Js.trim(""));
    assertEquals("", Js.trim(" \u3000 "));
    assertEquals("x", Js.trim("x"));
    assertEquals("x", Js.trim("\u2000x\u200A"));
    assertTrue(Js.isBlank(""));
    assertTrue(Js.isBlank("\uFEFF\u2028"));
    assertFalse(Js.isBlank(" x "));
    assertFalse(Js.isBlank("\u200B"));
    assertEquals(2, Js.trimStart("  ab  ", 0, 6));
    assertEquals(4, Js.trimEnd("  ab  ", 2, 6));
    assertEquals(3, Js.trimStart("   ", 0, 3));
    assertEquals(1, Js.trimEnd("   ", 1, 3));
  }

  @Test
  void sigmaUppercasesToItselfAndLowercasesByContext() {
    assertEquals("\u03A3", CaseMapping.toUpperCase("\u03A3"));
    assertEquals("\u03A3\u03A3", CaseMapping.toUpperCase("\u03C3\u03C2"));
    assertEquals("\u03C3", CaseMapping.toLowerCase("\u03A3"));
    assertEquals("a\u03C2", CaseMapping.toLowerCase("A\u03A3"));
    assertEquals("a\u03C3b", CaseMapping.toLowerCase("A\u03A3B"));
    // a case-ignorable apostrophe is skipped on both sides
    assertEquals("a'\u03C2'", CaseMapping.toLowerCase("A'\u03A3'"));
    assertEquals("a'\u03C3'b", CaseMapping.toLowerCase("A'\u03A3'B"));
    // a supplementary cased letter before the sigma counts as cased (𐐀, Deseret)
    assertEquals("\uD801\uDC28\u03C2", CaseMapping.toLowerCase("\uD801\uDC00\u03A3"));
    // and after it, so the sigma is not final
    assertEquals("a\u03C3\uD801\uDC28", CaseMapping.toLowerCase("A\u03A3\uD801\uDC00"));
    // a digit is neither cased nor case-ignorable: it ends the look in both directions
    assertEquals("1\u03C3", CaseMapping.toLowerCase("1\u03A3"));
    assertEquals("a\u03C21", CaseMapping.toLowerCase("A\u03A31"));
  }

  @Test
  void theOneToOneRunsApplyOnTheirStepsOnly() {
    // Latin Extended-A alternates upper and lower: a run with step 2
    assertEquals("\u0101\u0101\u0103\u0103", CaseMapping.toLowerCase("\u0100\u0101\u0102\u0103"));
    assertEquals("\u0100\u0100\u0102\u0102", CaseMapping.toUpperCase("\u0100\u0101\u0102\u0103"));
    // the ends of the ASCII runs
    assertEquals("@az[", CaseMapping.toLowerCase("@AZ["));
    assertEquals("`AZ{", CaseMapping.toUpperCase("`az{"));
    // one code point to several, and supplementary pairs both ways
    assertEquals("SS", CaseMapping.toUpperCase("\u00DF"));
    assertEquals("i\u0307", CaseMapping.toLowerCase("\u0130"));
    assertEquals("\uD801\uDC00", CaseMapping.toUpperCase("\uD801\uDC28"));
    assertEquals(
        new String(Character.toChars(0x1E922)),
        CaseMapping.toLowerCase(new String(Character.toChars(0x1E900))));
  }

  @Test
  void aRangeEndsWhereItSaysEvenInsideAPair() {
    char[] s = "A\uD801\uDC00B".toCharArray();
    // the range ends between the halves of the pair: the high half stays lone, unmapped
    assertArrayEquals("a\uD801".toCharArray(), CaseMapping.toLowerCase(s, 0, 2));
    // it starts between them: the low half stays lone
    assertArrayEquals("\uDC00b".toCharArray(), CaseMapping.toLowerCase(s, 2, 4));
    assertArrayEquals("\uD801\uDC28".toCharArray(), CaseMapping.toLowerCase(s, 1, 3));
    // final sigma does not look before the range's start, even into a pair's first half
    char[] t = "\uD801\uDC00\u03A3".toCharArray();
    assertArrayEquals("\uDC00\u03C3".toCharArray(), CaseMapping.toLowerCase(t, 1, 3));
    assertArrayEquals("\u03C3".toCharArray(), CaseMapping.toLowerCase(t, 2, 3));
    assertArrayEquals("\uD801\uDC28\u03C2".toCharArray(), CaseMapping.toLowerCase(t, 0, 3));
    char[] u = "A\u03A3\uD801\uDC00".toCharArray();
    assertArrayEquals("a\u03C2\uD801".toCharArray(), CaseMapping.toLowerCase(u, 0, 3));
    assertArrayEquals("a\u03C3\uD801\uDC28".toCharArray(), CaseMapping.toLowerCase(u, 0, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> CaseMapping.toLowerCase(s, 3, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> CaseMapping.toLowerCase(s, 0, 5));
  }

  @Test
  void casedAndCaseIgnorableAtTheirRangeEnds() {
    assertTrue(CaseMapping.isCased('A'));
    assertTrue(CaseMapping.isCased('Z'));
    assertFalse(CaseMapping.isCased('@'));
    assertFalse(CaseMapping.isCased('['));
    assertFalse(CaseMapping.isCased(0));
    assertTrue(CaseMapping.isCaseIgnorable('\''));
    assertTrue(CaseMapping.isCaseIgnorable('.'));
    assertFalse(CaseMapping.isCaseIgnorable('a'));
    assertFalse(CaseMapping.isCaseIgnorable(0));
    assertFalse(CaseMapping.isCased(Character.MAX_CODE_POINT));
  }

  @Test
  void encodingTakesOneCharacterFromEachPoolThenShuffles() {
    byte[] derived = new byte[64];
    for (int i = 0; i < 64; i++) {
      derived[i] = (byte) (i * 37 + 11);
    }
    MintRequest all = MintRequest.builder("x").length(64).excludeAmbiguous(false).build();
    String[] pools = Encoding.pools(all);
    assertEquals(4, pools.length);
    assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZ", pools[0]);
    assertEquals("0123456789", pools[2]);
    MintRequest unambiguous = all.toBuilder().excludeAmbiguous(true).build();
    assertEquals("ABCDEFGHJKLMNPQRSTUVWXYZ", Encoding.pools(unambiguous)[0]);
    assertEquals("abcdefghijkmnopqrstuvwxyz", Encoding.pools(unambiguous)[1]);
    assertEquals("23456789", Encoding.pools(unambiguous)[2]);
    assertEquals(
        1, Encoding.pools(all.toBuilder().upper(false).lower(false).digits(false).build()).length);
    char[] password = Encoding.encode(derived, all);
    assertEquals(64, password.length);
    assertThrows(InvalidInputException.class, () -> Encoding.encode(new byte[65], all));
    assertThrows(InvalidInputException.class, () -> Encoding.encode(null, all));
    assertThrows(InvalidInputException.class, () -> Encoding.encode(derived, null));
  }
}
