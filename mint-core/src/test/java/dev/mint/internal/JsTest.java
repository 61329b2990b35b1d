package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsTest {

  @Test
  void whitespaceIsExactlyEcmaScripts() {
    String js =
        "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
            + "\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
    int count = 0;
    for (int c = 0; c <= 0xFFFF; c++) {
      if (Js.isWhitespace((char) c)) {
        assertTrue(js.indexOf(c) >= 0, Integer.toHexString(c));
        count++;
      }
    }
    assertEquals(js.length(), count);
    for (char c : new char[] {'\u0085', '\u180E', '\u200B', '\u001C', '\u001F'}) {
      assertFalse(Js.isWhitespace(c), Integer.toHexString(c));
    }
  }

  @Test
  void parseIntIsJavaScripts() {
    assertEquals(2.0, Js.parseInt("2.5"));
    assertEquals(1.0, Js.parseInt("1e2"));
    assertEquals(3.0, Js.parseInt(" \u3000 3x"));
    assertEquals(-1.0, Js.parseInt("-1"));
    assertEquals(7.0, Js.parseInt("007"));
    assertTrue(Double.isNaN(Js.parseInt("abc")));
    assertTrue(Double.isNaN(Js.parseInt("")));
    assertTrue(Double.isNaN(Js.parseInt("-")));
  }

  @Test
  void utf8IsTextEncoders() {
    String valid = "aé€\uD83D\uDE00";
    assertArrayEquals(valid.getBytes(StandardCharsets.UTF_8), Js.utf8(valid));
    byte[] fffd = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    assertArrayEquals(fffd, Js.utf8("\uD800"));
    assertArrayEquals(fffd, Js.utf8("\uDC00"));
    // a low surrogate before a high one is two lone surrogates
    assertEquals(6, Js.utf8("\uDC00\uD800").length);
    assertEquals(6, Js.utf8Length("\uDC00\uD800"));
  }

  @Test
  void trimIsJavaScripts() {
    assertEquals("a b", Js.trim("\uFEFF\u2029 a b\u205F"));
    assertEquals("\u200Ba", Js.trim("\u200Ba"));
  }
}
