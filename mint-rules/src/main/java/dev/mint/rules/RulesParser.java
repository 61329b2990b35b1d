package dev.mint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The password-rules language, read the way Apple's reference parser reads it (its {@code
 * parsePasswordRules(text, false)}), so that mint and the managers that use the same data agree on
 * every rule: what that parser skips with a console message is skipped here too and reported as a
 * problem. Written for mint from the grammar and the reference parser's observable behaviour.
 */
final class RulesParser {
  private enum Name {
    REQUIRED("required"),
    ALLOWED("allowed"),
    MAX_CONSECUTIVE("max-consecutive"),
    MIN_LENGTH("minlength"),
    MAX_LENGTH("maxlength");

    final String text;

    Name(String text) {
      this.text = text;
    }

    static Name of(String text) {
      for (Name name : values()) {
        if (name.text.equals(text)) {
          return name;
        }
      }
      return null;
    }
  }

  /** One value of a required or allowed rule before the rule is canonicalized. */
  private static final class Value {
    /** Set when the value is {@code unicode} or {@code ascii-printable}: it decides alone. */
    final CharSet whole;

    final CharSet chars;

    Value(CharSet whole, CharSet chars) {
      this.whole = whole;
      this.chars = chars;
    }
  }

  private static final class Raw {
    final Name name;
    final List<Value> values;
    final int number;

    Raw(Name name, List<Value> values, int number) {
      this.name = name;
      this.values = values;
      this.number = number;
    }
  }

  private final String in;
  private final int n;
  private final List<String> problems = new ArrayList<>();
  // set by the parse functions next to what they return
  private int pos;

  private RulesParser(String in) {
    this.in = in;
    this.n = in.length();
  }

  static PasswordRules parse(String text) {
    RulesParser parser = new RulesParser(text);
    List<Raw> raw = parser.rules();
    return parser.canonical(raw == null ? List.of() : raw);
  }

  private PasswordRules canonical(List<Raw> raw) {
    List<CharSet> required = new ArrayList<>();
    List<Value> allowed = new ArrayList<>();
    int maxConsecutive = 0;
    int minLength = 0;
    int maxLength = 0;
    for (Raw rule : raw) {
      switch (rule.name) {
        case MAX_CONSECUTIVE:
          maxConsecutive =
              maxConsecutive == 0 ? rule.number : Math.min(maxConsecutive, rule.number);
          break;
        case MIN_LENGTH:
          minLength = Math.max(minLength, rule.number);
          break;
        case MAX_LENGTH:
          maxLength = maxLength == 0 ? rule.number : Math.min(maxLength, rule.number);
          break;
        case REQUIRED:
          CharSet set = merge(rule.values);
          required.add(set);
          boolean whole = set.isUnicode() || set.isAsciiPrintable();
          allowed.add(new Value(whole ? set : null, set));
          break;
        case ALLOWED:
          allowed.addAll(rule.values);
          break;
      }
    }
    CharSet allowedSet = merge(allowed);
    if (allowedSet.isEmpty()) {
      allowedSet = CharSet.ASCII_PRINTABLE;
    }
    return new PasswordRules(
        required, allowedSet, maxConsecutive, minLength, maxLength, List.copyOf(problems));
  }

  /** The first {@code unicode} or {@code ascii-printable} decides; otherwise the union. */
  private static CharSet merge(List<Value> values) {
    CharSet union = CharSet.EMPTY;
    for (Value value : values) {
      if (value.whole != null) {
        return value.whole;
      }
      union = union.union(value.chars);
    }
    return union;
  }

  private void problem(String what, int at) {
    String near = at < n ? " near \"" + excerpt(at) + "\"" : " at the end";
    problems.add(what + " (character " + (at + 1) + near + ")");
  }

  private String excerpt(int at) {
    String rest = in.substring(at, Math.min(n, at + 20));
    StringBuilder shown = new StringBuilder();
    for (char c : rest.toCharArray()) {
      shown.append(
          CharSet.isAsciiPrintable(c) ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return shown.toString();
  }

  private static boolean isIdentifier(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\f' || c == '\n' || c == '\r' || c == '\t';
  }

  private int skipWhitespace(int p) {
    while (p < n && isWhitespace(in.charAt(p))) {
      p++;
    }
    return p;
  }

  private String identifier(int p) {
    int start = p;
    while (p < n && isIdentifier(in.charAt(p))) {
      p++;
    }
    pos = p;
    return in.substring(start, p);
  }

  /** The rules in order, or null when the text breaks off in a way that voids it all. */
  private List<Raw> rules() {
    List<Raw> rules = new ArrayList<>();
    int p = skipWhitespace(0);
    while (p < n) {
      if (!isIdentifier(in.charAt(p))) {
        problem("expected a rule name; the rest is ignored", p);
        return rules;
      }
      Raw rule = rule(p);
      p = pos;
      if (rule != null) {
        rules.add(rule);
      }
      p = skipWhitespace(p);
      if (p >= n) {
        break;
      }
      if (in.charAt(p) == ';') {
        p = skipWhitespace(p + 1);
        if (p >= n) {
          return rules;
        }
        continue;
      }
      problem("expected ';' between rules; the whole text is ignored", p);
      return null;
    }
    return rules;
  }

  /** One rule from {@code p}, or null when it has no usable value; sets {@link #pos}. */
  private Raw rule(int p) {
    int start = p;
    String word = identifier(p);
    p = pos;
    Name name = Name.of(word);
    if (name == null) {
      problem("unknown rule name '" + word + "'", start);
      pos = start;
      return null;
    }
    if (p >= n || in.charAt(p) != ':') {
      problem("'" + word + "' is not followed by ':'", p);
      pos = p;
      return null;
    }
    p = skipWhitespace(p + 1);
    if (p >= n || in.charAt(p) == ';') {
      problem("'" + word + "' has no value", p);
      pos = p;
      return null;
    }
    if (name == Name.REQUIRED || name == Name.ALLOWED) {
      List<Value> values = values(p);
      return values == null ? null : new Raw(name, values, 0);
    }
    int number = integer(p);
    if (number == 0) {
      problem("'" + word + "' of 0 is ignored", p);
    }
    if (number <= 0) {
      return null;
    }
    return new Raw(name, List.of(), number);
  }

  /**
   * The number from {@code p}, -1 when there is none; sets {@link #pos}. Saturates at int's
   * maximum.
   */
  private int integer(int p) {
    int start = p;
    if (!isDigit(in.charAt(p))) {
      problem("not a number", p);
      pos = p;
      return -1;
    }
    long value = 0;
    do {
      value = Math.min(Integer.MAX_VALUE, 10 * value + (in.charAt(p) - '0'));
      p++;
    } while (p < n && in.charAt(p) != ';' && isDigit(in.charAt(p)));
    pos = p;
    if (p >= n || in.charAt(p) == ';') {
      return (int) value;
    }
    problem("not a number (a number ends right before ';')", start);
    return -1;
  }

  /** The values of a required or allowed rule, or null when they are malformed; sets pos. */
  private List<Value> values(int p) {
    List<Value> values = new ArrayList<>();
    while (true) {
      char c = in.charAt(p);
      if (isIdentifier(c)) {
        int start = p;
        String word = identifier(p);
        p = pos;
        CharSet named = named(word.toLowerCase(Locale.ROOT));
        if (named == null) {
          problem("unknown character class '" + word + "'", start);
          pos = start;
          return null;
        }
        boolean whole = named.isUnicode() || named.isAsciiPrintable();
        values.add(new Value(whole ? named : null, named));
      } else if (c == '[') {
        String chars = custom(p);
        p = pos;
        if (chars != null && !chars.isEmpty()) {
          values.add(new Value(null, CharSet.of(chars)));
        } else if (chars != null) {
          problem("an empty character class is ignored", c == '[' ? p - 1 : p);
        }
      } else {
        problem("expected a character class", p);
        pos = p;
        return null;
      }
      p = skipWhitespace(p);
      if (p >= n || in.charAt(p) == ';') {
        pos = p;
        return values;
      }
      if (in.charAt(p) == ',') {
        p = skipWhitespace(p + 1);
        if (p >= n) {
          problem("expected a character class after ','", p);
          pos = p;
          return null;
        }
        continue;
      }
      problem("expected ',' or ';' after a character class", p);
      pos = p;
      return null;
    }
  }

  private static CharSet named(String name) {
    switch (name) {
      case "upper":
        return CharSet.UPPER;
      case "lower":
        return CharSet.LOWER;
      case "digit":
        return CharSet.DIGIT;
      case "special":
        return CharSet.SPECIAL;
      case "ascii-printable":
        return CharSet.ASCII_PRINTABLE;
      case "unicode":
        return CharSet.UNICODE;
      default:
        return null;
    }
  }

  /**
   * A custom class {@code [...]} from {@code p} (at its {@code [}): its characters, or null when it
   * does not end; sets {@link #pos}. Characters that are not ASCII printable are skipped, a {@code
   * -} anywhere but first is skipped, the first {@code ]} ends the class unless another {@code ]}
   * follows it, which makes it a member.
   */
  private String custom(int p) {
    int open = p;
    p++;
    if (p >= n) {
      problem("'[' at the end of the text", open);
      pos = p;
      return null;
    }
    int first = p;
    boolean skipped = false;
    StringBuilder chars = new StringBuilder();
    do {
      char c = in.charAt(p);
      if (!CharSet.isAsciiPrintable(c)) {
        if (!skipped) {
          problem("characters that are not ASCII printable are ignored", p);
          skipped = true;
        }
        p++;
        continue;
      }
      if (c == '-' && p > first) {
        problem("'-' is only allowed first in a character class; ignored", p);
        p++;
        continue;
      }
      chars.append(c);
      p++;
      if (c == ']') {
        break;
      }
    } while (p < n);
    if (p < n && in.charAt(p) != ']' || p == n && in.charAt(p - 1) == ']') {
      chars.setLength(chars.length() - 1);
      if (p < n) {
        char next = in.charAt(p);
        if (!isWhitespace(next) && next != ',' && next != ';') {
          problem("unexpected character after ']' (write ']]' at the end for a literal ']')", p);
        }
      }
      pos = p;
      return chars.toString();
    }
    if (p < n && in.charAt(p) == ']') {
      pos = p + 1;
      return chars.toString();
    }
    problem("'[' without its ']'; the class is ignored", open);
    pos = p;
    return null;
  }
}
