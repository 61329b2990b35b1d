package dev.mint.internal;

import dev.mint.InvalidInputException;
import dev.mint.Revision;

/**
 * What a revision of the page itself does with the version field. The port accepts the same version
 * texts in every revision ({@link #portAccepts}); the revision's rule only says whether the page
 * would have refused a text too, so that the error can say so.
 */
public enum VersionRule {
  /** r1 and r2: any text is used as it is. */
  UNCHECKED {
    @Override
    boolean pageAccepts(String text) {
      return true;
    }
  },
  /** r3: {@code parseInt(text, 10)} must be a number of at least 1. */
  PARSE_INT_AT_LEAST_ONE {
    @Override
    boolean pageAccepts(String text) {
      return text.isEmpty() || Js.parseInt(text) >= 1; // NaN compares false
    }
  };

  static final int MAX = 9999;
  static final int MAX_TEXT_LENGTH = 64;

  abstract boolean pageAccepts(String text);

  /**
   * The rule of {@code revision}'s page. A switch expression without a default: a new revision does
   * not compile until it has its rule.
   */
  static VersionRule of(Revision revision) {
    return switch (revision) {
      case R1, R2 -> UNCHECKED;
      case R3 -> PARSE_INT_AT_LEAST_ONE;
    };
  }

  /** The page turns an empty version field into {@code "1"}; any other text is used verbatim. */
  public static String effective(String text) {
    return text.isEmpty() ? "1" : text;
  }

  /** Empty, or ASCII digits only with a value from 1 to 9999 (leading zeros allowed, kept). */
  static boolean portAccepts(String text) {
    if (text.isEmpty()) {
      return true;
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      return false;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = Math.min(value * 10 + (c - '0'), MAX + 1);
    }
    return value >= 1 && value <= MAX;
  }

  /**
   * The checked version text, or the field's exception; {@code revision} may be null when the page
   * revision is not known.
   */
  public static String check(String text, Revision revision) {
    Inputs.requireNonNull(text, "version");
    if (portAccepts(text)) {
      return text;
    }
    String allowed = "must be a whole number from 1 to 9999 in ASCII digits (empty means 1)";
    if (revision != null && !of(revision).pageAccepts(text)) {
      allowed += "; the page " + revision.id() + " refuses it too";
    }
    throw new InvalidInputException("version", allowed);
  }
}
