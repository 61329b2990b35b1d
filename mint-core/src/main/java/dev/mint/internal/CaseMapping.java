package dev.mint.internal;

/**
 * JavaScript's {@code toLowerCase} and {@code toUpperCase} on UTF-16 code units, from tables read
 * out of a JavaScript engine ({@link CaseTables}), so that the mapping follows the engine's Unicode
 * version (17) on every JDK rather than the JDK's own (Unicode 13 on JDK 17).
 *
 * <p>Both are the Unicode default full case mapping: a code point may map to several (ß to SS, İ to
 * i̇), a surrogate pair maps as its code point, a lone surrogate stays as it is. The one
 * context-dependent rule in the root locale is final sigma: Σ lowercases to ς when a cased code
 * point precedes it and none follows it, skipping case-ignorable code points on both sides. A code
 * point that is both cased and case-ignorable (U+0345, modifier letters) counts as case-ignorable,
 * as in ICU, which the engines use.
 *
 * <p>Works on {@code char[]}: nothing here makes a {@link String} of its input, so a phrase never
 * lands in a string the caller cannot wipe.
 */
final class CaseMapping {
  private static final int CAPITAL_SIGMA = 0x03A3;
  private static final char SMALL_SIGMA = '\u03C3';
  private static final char FINAL_SIGMA = '\u03C2';

  private static final Mapping LOWER = new Mapping(CaseTables.LOWER_RUNS, CaseTables.LOWER_SPECIAL);
  private static final Mapping UPPER = new Mapping(CaseTables.UPPER_RUNS, CaseTables.UPPER_SPECIAL);
  private static final Ranges CASED = new Ranges(CaseTables.CASED);
  private static final Ranges CASE_IGNORABLE = new Ranges(CaseTables.CASE_IGNORABLE);

  private CaseMapping() {}

  /** {@code toLowerCase} of {@code s[from, to)} as a new array; the caller wipes it. */
  static char[] toLowerCase(char[] s, int from, int to) {
    return map(s, from, to, LOWER, true);
  }

  /** {@code toUpperCase} of {@code s[from, to)} as a new array; the caller wipes it. */
  static char[] toUpperCase(char[] s, int from, int to) {
    return map(s, from, to, UPPER, false);
  }

  /** {@code toLowerCase} of a string that is not secret (the site). */
  static String toLowerCase(String s) {
    char[] chars = s.toCharArray();
    return new String(toLowerCase(chars, 0, chars.length));
  }

  /** {@code toUpperCase} of a string that is not secret. */
  static String toUpperCase(String s) {
    char[] chars = s.toCharArray();
    return new String(toUpperCase(chars, 0, chars.length));
  }

  /** Whether the code point is Cased, as the engine's {@code \p{Cased}}. */
  static boolean isCased(int cp) {
    return CASED.contains(cp);
  }

  /** Whether the code point is Case_Ignorable, as the engine's {@code \p{Case_Ignorable}}. */
  static boolean isCaseIgnorable(int cp) {
    return CASE_IGNORABLE.contains(cp);
  }

  /** Two passes, one to size the result and one to fill it, so nothing is copied twice. */
  private static char[] map(char[] s, int from, int to, Mapping mapping, boolean lower) {
    java.util.Objects.checkFromToIndex(from, to, s.length);
    int length = 0;
    for (int i = from; i < to; ) {
      int cp = codePointAt(s, i, to);
      int width = Character.charCount(cp);
      length += mappedLength(cp, mapping);
      i += width;
    }
    char[] out = new char[length];
    int o = 0;
    for (int i = from; i < to; ) {
      int cp = codePointAt(s, i, to);
      int width = Character.charCount(cp);
      if (lower && cp == CAPITAL_SIGMA) {
        out[o++] = isFinalSigma(s, from, to, i) ? FINAL_SIGMA : SMALL_SIGMA;
      } else {
        char[] special = mapping.special(cp);
        if (special != null) {
          System.arraycopy(special, 0, out, o, special.length);
          o += special.length;
        } else {
          o += Character.toChars(mapping.simple(cp), out, o);
        }
      }
      i += width;
    }
    return out;
  }

  /**
   * The units {@code cp} maps to. Σ needs no case of its own here: whichever of σ and ς {@link
   * #map} writes, it is one unit, as is Σ's simple lowercase σ in the table.
   */
  private static int mappedLength(int cp, Mapping mapping) {
    char[] special = mapping.special(cp);
    return special != null ? special.length : Character.charCount(mapping.simple(cp));
  }

  /** The code point at {@code i}: a pair when both halves lie before {@code to}, else one unit. */
  private static int codePointAt(char[] s, int i, int to) {
    char c = s[i];
    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s[i + 1])) {
      return Character.toCodePoint(c, s[i + 1]);
    }
    return c;
  }

  /** The code point that ends just before {@code i}, not reaching before {@code from}. */
  private static int codePointBefore(char[] s, int from, int i) {
    char c = s[i - 1];
    if (Character.isLowSurrogate(c) && i - 2 >= from && Character.isHighSurrogate(s[i - 2])) {
      return Character.toCodePoint(s[i - 2], c);
    }
    return c;
  }

  /**
   * Unicode's Final_Sigma for the Σ at {@code at}: preceded by a cased code point and not followed
   * by one, with case-ignorable code points skipped in both directions.
   */
  private static boolean isFinalSigma(char[] s, int from, int to, int at) {
    boolean casedBefore = false;
    for (int i = at; i > from; ) {
      int cp = codePointBefore(s, from, i);
      i -= Character.charCount(cp);
      if (!isCaseIgnorable(cp)) {
        casedBefore = isCased(cp);
        break;
      }
    }
    if (!casedBefore) {
      return false;
    }
    for (int i = at + 1; i < to; ) {
      int cp = codePointAt(s, i, to);
      i += Character.charCount(cp);
      if (!isCaseIgnorable(cp)) {
        return !isCased(cp);
      }
    }
    return true;
  }

  /**
   * One direction of the mapping: runs of one-to-one mappings and a list of one-to-many. Not
   * private so that CaseTablesParsingTest can parse tables of its own: the constructor runs once
   * per JVM on the generated tables, which cannot show that it refuses a disordered one.
   */
  static final class Mapping {
    private final int[] starts;
    private final int[] ends;
    private final int[] steps;
    private final int[] deltas;
    private final int[] specialCodePoints;
    private final char[][] specialResults;

    Mapping(String runs, String special) {
      String[] runTokens = tokens(runs);
      starts = new int[runTokens.length];
      ends = new int[runTokens.length];
      steps = new int[runTokens.length];
      deltas = new int[runTokens.length];
      for (int k = 0; k < runTokens.length; k++) {
        String[] f = runTokens[k].split(",", -1);
        starts[k] = hex(f[0]);
        ends[k] = hex(f[1]);
        steps[k] = hex(f[2]);
        deltas[k] = hex(f[3]);
        if (k > 0 && starts[k] <= ends[k - 1]) {
          throw new IllegalStateException("case runs overlap at " + runTokens[k]);
        }
      }
      String[] specialTokens = tokens(special);
      specialCodePoints = new int[specialTokens.length];
      specialResults = new char[specialTokens.length][];
      for (int k = 0; k < specialTokens.length; k++) {
        int colon = specialTokens[k].indexOf(':');
        specialCodePoints[k] = hex(specialTokens[k].substring(0, colon));
        String[] units = specialTokens[k].substring(colon + 1).split("\\.", -1);
        specialResults[k] = new char[units.length];
        for (int u = 0; u < units.length; u++) {
          specialResults[k][u] = (char) hex(units[u]);
        }
        if (k > 0 && specialCodePoints[k] <= specialCodePoints[k - 1]) {
          throw new IllegalStateException("special mappings out of order at " + specialTokens[k]);
        }
      }
    }

    /** The one-to-one mapping of {@code cp} (itself when it has none). */
    int simple(int cp) {
      int k = lastAtOrBelow(starts, cp);
      if (k >= 0 && cp <= ends[k] && (cp - starts[k]) % steps[k] == 0) {
        return cp + deltas[k];
      }
      return cp;
    }

    /** The several units {@code cp} maps to, or null; the array is shared, never handed out. */
    char[] special(int cp) {
      int k = java.util.Arrays.binarySearch(specialCodePoints, cp);
      return k >= 0 ? specialResults[k] : null;
    }
  }

  /** A set of code points as sorted, disjoint, inclusive ranges (not private: as Mapping). */
  static final class Ranges {
    private final int[] starts;
    private final int[] ends;

    Ranges(String text) {
      String[] t = tokens(text);
      starts = new int[t.length];
      ends = new int[t.length];
      for (int k = 0; k < t.length; k++) {
        int comma = t[k].indexOf(',');
        starts[k] = hex(t[k].substring(0, comma));
        ends[k] = hex(t[k].substring(comma + 1));
        if (k > 0 && starts[k] <= ends[k - 1]) {
          throw new IllegalStateException("ranges out of order at " + t[k]);
        }
      }
    }

    boolean contains(int cp) {
      int k = lastAtOrBelow(starts, cp);
      return k >= 0 && cp <= ends[k];
    }
  }

  /** The index of the last element {@code <= key} in a sorted array, or -1. */
  private static int lastAtOrBelow(int[] sorted, int key) {
    int k = java.util.Arrays.binarySearch(sorted, key);
    return k >= 0 ? k : -k - 2;
  }

  private static String[] tokens(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split(" +");
  }

  private static int hex(String s) {
    return Integer.parseInt(s, 16);
  }
}
