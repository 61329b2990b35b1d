package dev.mint.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of characters as the password-rules language names them: either {@code unicode} (every
 * character) or a set of ASCII printable characters, {@code ' '} to {@code '~'}. Immutable.
 *
 * <p>Its canonical form is the one Apple's parser gives: {@code ascii-printable} when it holds all
 * 95 printable characters, otherwise the named classes it holds whole ({@code upper}, {@code
 * lower}, {@code digit}, {@code special}, in that order) followed by one custom class of the rest
 * (partial upper, lower, digits, then specials in ASCII order).
 */
public final class CharSet {
  private static final char FIRST = ' ';
  private static final char LAST = '~';

  /** Every character: the rules' {@code unicode}. */
  public static final CharSet UNICODE = new CharSet(true, 0L, 0L);

  /** No character. */
  public static final CharSet EMPTY = new CharSet(false, 0L, 0L);

  /** {@code A} to {@code Z}: the rules' {@code upper}. */
  public static final CharSet UPPER = range('A', 'Z');

  /** {@code a} to {@code z}: the rules' {@code lower}. */
  public static final CharSet LOWER = range('a', 'z');

  /** {@code 0} to {@code 9}: the rules' {@code digit}. */
  public static final CharSet DIGIT = range('0', '9');

  /** The 33 ASCII printable characters that are neither letters nor digits, space included. */
  public static final CharSet SPECIAL =
      range(' ', '/').union(range(':', '@')).union(range('[', '`')).union(range('{', '~'));

  /** The 95 ASCII printable characters: the rules' {@code ascii-printable}. */
  public static final CharSet ASCII_PRINTABLE = range(FIRST, LAST);

  private final boolean unicode;
  // bit c of low for c < 64, bit (c - 64) of high for 64 <= c < 128; printable characters only
  private final long low;
  private final long high;

  private CharSet(boolean unicode, long low, long high) {
    this.unicode = unicode;
    this.low = unicode ? 0L : low;
    this.high = unicode ? 0L : high;
  }

  private static CharSet range(char first, char last) {
    long low = 0;
    long high = 0;
    for (char c = first; c <= last; c++) {
      if (c < 64) {
        low |= 1L << c;
      } else {
        high |= 1L << (c - 64);
      }
    }
    return new CharSet(false, low, high);
  }

  /**
   * The set of the ASCII printable characters of {@code chars}; other characters are left out.
   *
   * @param chars any characters
   * @return their set
   */
  public static CharSet of(CharSequence chars) {
    long low = 0;
    long high = 0;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (isAsciiPrintable(c)) {
        if (c < 64) {
          low |= 1L << c;
        } else {
          high |= 1L << (c - 64);
        }
      }
    }
    return new CharSet(false, low, high);
  }

  static boolean isAsciiPrintable(char c) {
    return c >= FIRST && c <= LAST;
  }

  /**
   * Whether this is {@code unicode}, every character.
   *
   * @return true for {@link #UNICODE}
   */
  public boolean isUnicode() {
    return unicode;
  }

  /**
   * Whether this holds all 95 ASCII printable characters and is not {@code unicode}.
   *
   * @return true for {@code ascii-printable}
   */
  public boolean isAsciiPrintable() {
    return !unicode && low == ASCII_PRINTABLE.low && high == ASCII_PRINTABLE.high;
  }

  /**
   * Whether this holds no character.
   *
   * @return true for the empty set
   */
  public boolean isEmpty() {
    return !unicode && low == 0 && high == 0;
  }

  /**
   * Whether {@code c} is in this set.
   *
   * @param c a character
   * @return true when the set holds it
   */
  public boolean contains(char c) {
    if (unicode) {
      return true;
    }
    if (c < 64) {
      return (low & (1L << c)) != 0;
    }
    return c < 128 && (high & (1L << (c - 64))) != 0;
  }

  /**
   * Whether every character of {@code chars} is in this set.
   *
   * @param chars characters
   * @return true when the set holds them all (also when {@code chars} is empty)
   */
  public boolean containsAll(CharSequence chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (!contains(chars.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether some character of {@code chars} is in this set.
   *
   * @param chars characters
   * @return true when at least one is
   */
  public boolean containsAny(CharSequence chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (contains(chars.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The characters of {@code chars} that are in this set, in their order.
   *
   * @param chars characters
   * @return those this set holds
   */
  public String retain(CharSequence chars) {
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < chars.length(); i++) {
      if (contains(chars.charAt(i))) {
        kept.append(chars.charAt(i));
      }
    }
    return kept.toString();
  }

  /**
   * This set and {@code other} together.
   *
   * @param other another set
   * @return their union
   */
  public CharSet union(CharSet other) {
    if (unicode || other.unicode) {
      return UNICODE;
    }
    return new CharSet(false, low | other.low, high | other.high);
  }

  boolean containsAllOf(CharSet other) {
    if (unicode) {
      return true;
    }
    return !other.unicode && (other.low & ~low) == 0 && (other.high & ~high) == 0;
  }

  /**
   * The ASCII characters of this set in ASCII order ({@code unicode} gives all 95 printable ones).
   *
   * @return the characters
   */
  public String chars() {
    StringBuilder all = new StringBuilder();
    for (char c = FIRST; c <= LAST; c++) {
      if (contains(c)) {
        all.append(c);
      }
    }
    return all.toString();
  }

  /**
   * The canonical parts, as Apple's parser gives them: {@code "unicode"}, {@code
   * "ascii-printable"}, or the named classes held whole and then {@code "[...]"} holding the rest
   * verbatim (no escaping), as described in the class comment.
   *
   * @return the parts; empty for the empty set
   */
  public List<String> parts() {
    List<String> parts = new ArrayList<>();
    if (unicode) {
      parts.add("unicode");
      return parts;
    }
    if (isAsciiPrintable()) {
      parts.add("ascii-printable");
      return parts;
    }
    StringBuilder rest = new StringBuilder();
    String[] names = {"upper", "lower", "digit", "special"};
    CharSet[] sets = {UPPER, LOWER, DIGIT, SPECIAL};
    for (int i = 0; i < sets.length; i++) {
      if (containsAllOf(sets[i])) {
        parts.add(names[i]);
      } else {
        for (char c : sets[i].chars().toCharArray()) {
          if (contains(c)) {
            rest.append(c);
          }
        }
      }
    }
    if (rest.length() > 0) {
      parts.add("[" + rest + "]");
    }
    return parts;
  }

  /**
   * The set as the password-rules language writes it: its {@link #parts()} joined with {@code ",
   * "}, the custom class escaped ({@code -} first, {@code ]} last and doubled); {@code []} for the
   * empty set. Parsing this text gives this set back.
   *
   * @return the canonical text
   */
  @Override
  public String toString() {
    List<String> parts = parts();
    if (parts.isEmpty()) {
      return "[]";
    }
    StringBuilder text = new StringBuilder();
    for (String part : parts) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(part.startsWith("[") ? escaped(part.substring(1, part.length() - 1)) : part);
    }
    return text.toString();
  }

  private static String escaped(String chars) {
    StringBuilder text = new StringBuilder("[");
    if (chars.indexOf('-') >= 0) {
      text.append('-');
    }
    for (char c : chars.toCharArray()) {
      if (c != '-' && c != ']') {
        text.append(c);
      }
    }
    return text.append(chars.indexOf(']') >= 0 ? "]]" : "]").toString();
  }

  /**
   * The set in words, for messages: {@code "any character"}, {@code "uppercase letters"}, or the
   * classes and characters it holds.
   *
   * @return a short description
   */
  public String describe() {
    if (unicode) {
      return "any character";
    }
    if (isAsciiPrintable()) {
      return "any ASCII printable character";
    }
    List<String> words = new ArrayList<>();
    for (String part : parts()) {
      switch (part) {
        case "upper":
          words.add("uppercase letters");
          break;
        case "lower":
          words.add("lowercase letters");
          break;
        case "digit":
          words.add("digits");
          break;
        case "special":
          words.add("all ASCII symbols and space");
          break;
        default:
          words.add(part.replace(" ", "space "));
      }
    }
    return words.isEmpty() ? "no character" : String.join(", ", words);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CharSet
        && ((CharSet) o).unicode == unicode
        && ((CharSet) o).low == low
        && ((CharSet) o).high == high;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(unicode) * 31 * 31 + Long.hashCode(low) * 31 + Long.hashCode(high);
  }
}
