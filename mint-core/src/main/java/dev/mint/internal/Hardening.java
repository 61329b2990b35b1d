package dev.mint.internal;

import dev.mint.InvalidInputException;
import java.nio.CharBuffer;

/**
 * Phrase hardening, identical in every revision (SPEC.md section 4): trim, lowercase, collapse
 * whitespace, seed a djb2-style hash, uppercase one or two words chosen by the hash, append a
 * three-part suffix, encode as {@code TextEncoder} does.
 *
 * <p>Works on {@code char[]} throughout and wipes every buffer it allocates.
 */
public final class Hardening {
  /** The limit on the phrase, in UTF-16 code units: far above any real phrase, far below harm. */
  public static final int MAX_PHRASE_LENGTH = 4096;

  private static final String SYMBOLS = "!@#$%^&*";
  private static final String DIGITS = "23456789";
  private static final char[] UNDEFINED = "undefined".toCharArray();

  private Hardening() {}

  /** The exact bytes the page hands to PBKDF2 as the password; the caller wipes them. */
  static byte[] harden(char[] phrase) {
    Inputs.requireNonNull(phrase, "phrase");
    if (phrase.length > MAX_PHRASE_LENGTH) {
      throw new InvalidInputException(
          "phrase", "must be at most " + MAX_PHRASE_LENGTH + " UTF-16 code units long");
    }
    CharBuffer view = CharBuffer.wrap(phrase);
    int start = Js.trimStart(view, 0, phrase.length);
    int end = Js.trimEnd(view, start, phrase.length);
    if (start == end) {
      throw new InvalidInputException(
          "phrase",
          "must hold a character that is not whitespace (the port refuses blank phrases)");
    }
    char[] lower = null;
    char[] normalized = null;
    char[] hardened = null;
    try {
      lower = Secrets.allocated(Js.toLowerCase(phrase, start, end));
      normalized = collapseWhitespace(lower);
      hardened = uppercaseAndSuffix(normalized);
      return Secrets.allocated(Js.utf8(CharBuffer.wrap(hardened)));
    } finally {
      Secrets.wipe(lower, normalized, hardened);
    }
  }

  /**
   * Every maximal run of JS whitespace becomes one U+0020, written where the run starts. The input
   * is trimmed, but nothing here depends on it: a leading or trailing run would become one space.
   */
  private static char[] collapseWhitespace(char[] s) {
    int length = 0;
    boolean afterWhitespace = false;
    for (char c : s) {
      boolean whitespace = Js.isWhitespace(c);
      if (!whitespace || !afterWhitespace) {
        length++;
      }
      afterWhitespace = whitespace;
    }
    char[] out = Secrets.allocated(new char[length]);
    int o = 0;
    afterWhitespace = false;
    for (char c : s) {
      boolean whitespace = Js.isWhitespace(c);
      if (!whitespace) {
        out[o++] = c;
      } else if (!afterWhitespace) {
        out[o++] = ' ';
      }
      afterWhitespace = whitespace;
    }
    return out;
  }

  /** {@code h = ((h * 33) mod 2^32) XOR c} over the UTF-16 code units, from 5381. */
  static long seed(char[] normalized) {
    int h = 5381;
    for (char c : normalized) {
      h = (h * 33) ^ c;
    }
    return Integer.toUnsignedLong(h);
  }

  private static char[] uppercaseAndSuffix(char[] n) {
    long h = seed(n);
    int wordCount = 1;
    for (char c : n) {
      if (c == ' ') {
        wordCount++;
      }
    }
    char[][] words = new char[wordCount][];
    try {
      int from = 0;
      for (int k = 0; k < wordCount; k++) {
        int to = from;
        while (to < n.length && n[to] != ' ') {
          to++;
        }
        words[k] = Secrets.allocated(java.util.Arrays.copyOfRange(n, from, to));
        from = to + 1;
      }
      if (wordCount == 1) {
        words[0] = uppercaseFirstUnit(words[0]);
      } else {
        int p1 = (int) (h % wordCount);
        int p2 = (int) ((h / wordCount) % wordCount);
        words[p1] = uppercase(words[p1]);
        if (p2 != p1 && wordCount > 2) {
          words[p2] = uppercase(words[p2]);
        }
      }
      return joinWithSuffix(words, suffix(h));
    } finally {
      Secrets.wipe(words);
    }
  }

  private static char[] uppercase(char[] word) {
    try {
      return Secrets.allocated(Js.toUpperCase(word, 0, word.length));
    } finally {
      Secrets.wipe(word);
    }
  }

  /**
   * A one-word phrase: only its first UTF-16 code unit is uppercased (a lone high surrogate stays).
   */
  private static char[] uppercaseFirstUnit(char[] word) {
    char[] first = Secrets.allocated(Js.toUpperCase(word, 0, 1));
    char[] out = Secrets.allocated(new char[first.length + word.length - 1]);
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(word, 1, out, first.length, word.length - 1);
    Secrets.wipe(first, word);
    return out;
  }

  /**
   * The three suffix parts. The page indexes strings with {@code (x >> 4) % 8} and {@code (x >> 8)
   * % 8} on the signed hash, which are negative for about half the phrases; a string indexed with a
   * negative number is {@code undefined}, and concatenation spells it out.
   */
  private static char[] suffix(long h) {
    int x = (int) h;
    char[] first = Secrets.allocated(new char[] {SYMBOLS.charAt((int) (h % 8))});
    int r2 = (x >> 4) % 8;
    int r3 = (x >> 8) % 8;
    char[] second = r2 >= 0 ? Secrets.allocated(new char[] {DIGITS.charAt(r2)}) : UNDEFINED;
    char[] third = r3 >= 0 ? Secrets.allocated(new char[] {SYMBOLS.charAt(r3)}) : UNDEFINED;
    char[] out = Secrets.allocated(new char[first.length + second.length + third.length]);
    System.arraycopy(first, 0, out, 0, 1);
    System.arraycopy(second, 0, out, 1, second.length);
    System.arraycopy(third, 0, out, 1 + second.length, third.length);
    Secrets.wipe(first);
    if (second != UNDEFINED) {
      Secrets.wipe(second);
    }
    if (third != UNDEFINED) {
      Secrets.wipe(third);
    }
    return out;
  }

  private static char[] joinWithSuffix(char[][] words, char[] suffix) {
    int length = words.length - 1 + suffix.length;
    for (char[] word : words) {
      length += word.length;
    }
    char[] out = Secrets.allocated(new char[length]);
    int o = 0;
    for (int k = 0; k < words.length; k++) {
      if (k > 0) {
        out[o++] = ' ';
      }
      System.arraycopy(words[k], 0, out, o, words[k].length);
      o += words[k].length;
    }
    System.arraycopy(suffix, 0, out, o, suffix.length);
    Secrets.wipe(suffix);
    return out;
  }
}
