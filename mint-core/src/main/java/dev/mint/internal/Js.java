package dev.mint.internal;

/**
 * The few ECMAScript string operations the page relies on, reproduced exactly (SPEC.md section 7):
 * whitespace, trim, case mapping, {@code parseInt} and {@code TextEncoder}'s UTF-8.
 *
 * <p>Java's own {@code trim}, {@code strip}, {@code Character.isWhitespace}, regex {@code \s} and
 * {@code getBytes(UTF_8)} each differ from JavaScript, so none of them is used.
 */
public final class Js {
  private Js() {}

  /** ECMAScript WhiteSpace and LineTerminator: what {@code trim} removes and {@code \s} matches. */
  public static boolean isWhitespace(char c) {
    switch (c) {
      case '\t':
      case '\n':
      case '\u000B':
      case '\f':
      case '\r':
      case ' ':
      case '\u00A0':
      case '\u1680':
      case '\u2028':
      case '\u2029':
      case '\u202F':
      case '\u205F':
      case '\u3000':
      case '\uFEFF':
        return true;
      default:
        return c >= '\u2000' && c <= '\u200A';
    }
  }

  /** Index of the first code unit of {@code s[from, to)} that is not whitespace, or {@code to}. */
  static int trimStart(CharSequence s, int from, int to) {
    while (from < to && isWhitespace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  /** One past the last code unit of {@code s[from, to)} that is not whitespace, or {@code from}. */
  static int trimEnd(CharSequence s, int from, int to) {
    while (to > from && isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /** {@code String.prototype.trim}. */
  static String trim(String s) {
    int start = trimStart(s, 0, s.length());
    return s.substring(start, trimEnd(s, start, s.length()));
  }

  /** Whether {@code trim} would leave nothing. */
  static boolean isBlank(CharSequence s) {
    return trimStart(s, 0, s.length()) == s.length();
  }

  /**
   * {@code String.prototype.toLowerCase}: full, context-sensitive default case mapping at the
   * JavaScript engine's Unicode version (see {@link CaseMapping}), for text that is not secret.
   */
  static String toLowerCase(String s) {
    return CaseMapping.toLowerCase(s);
  }

  /** {@code toLowerCase} of {@code s[from, to)}, never through a String; the caller wipes it. */
  static char[] toLowerCase(char[] s, int from, int to) {
    return CaseMapping.toLowerCase(s, from, to);
  }

  /** {@code toUpperCase} of {@code s[from, to)}, never through a String; the caller wipes it. */
  static char[] toUpperCase(char[] s, int from, int to) {
    return CaseMapping.toUpperCase(s, from, to);
  }

  /**
   * {@code parseInt(text, 10)}: leading whitespace, an optional sign, then the longest run of ASCII
   * digits. Returns {@code NaN} when there is no digit.
   */
  static double parseInt(String text) {
    int i = trimStart(text, 0, text.length());
    boolean negative = false;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int digitsStart = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i == digitsStart) {
      return Double.NaN;
    }
    double value = Double.parseDouble(text.substring(digitsStart, i));
    return negative ? -value : value;
  }

  /** The number of bytes {@link #utf8} writes for {@code s}. */
  static int utf8Length(CharSequence s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (isPairAt(s, i)) {
        length += 4;
        i++;
      } else {
        length += 3; // includes a lone surrogate, written as U+FFFD
      }
    }
    return length;
  }

  /**
   * {@code new TextEncoder().encode(s)}: UTF-8 of the UTF-16 code units, where a lone surrogate
   * becomes U+FFFD ({@code EF BF BD}).
   */
  public static byte[] utf8(CharSequence s) {
    byte[] out = new byte[utf8Length(s)];
    int o = 0;
    for (int i = 0; i < s.length(); i++) {
      int c = s.charAt(i);
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | (c >>> 6));
        out[o++] = (byte) (0x80 | (c & 0x3F));
      } else if (isPairAt(s, i)) {
        int cp = Character.toCodePoint((char) c, s.charAt(++i));
        out[o++] = (byte) (0xF0 | (cp >>> 18));
        out[o++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
        out[o++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
        out[o++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        if (Character.isSurrogate((char) c)) {
          c = 0xFFFD;
        }
        out[o++] = (byte) (0xE0 | (c >>> 12));
        out[o++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
        out[o++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return out;
  }

  private static boolean isPairAt(CharSequence s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
