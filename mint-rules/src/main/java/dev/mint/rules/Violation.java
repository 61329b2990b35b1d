package dev.mint.rules;

import java.util.Objects;

/** One way a password breaks a site's rules, with the reason in words. Immutable. */
public final class Violation {
  /** Which rule is broken. */
  public enum Kind {
    /** Shorter than {@code minlength}. */
    TOO_SHORT,
    /** Longer than {@code maxlength}. */
    TOO_LONG,
    /** Holds a character outside {@code allowed}. */
    NOT_ALLOWED,
    /** Holds no character of one {@code required} set. */
    REQUIRED_MISSING,
    /** More identical characters in a row than {@code max-consecutive}. */
    TOO_MANY_IN_A_ROW
  }

  private final Kind kind;
  private final String message;

  Violation(Kind kind, String message) {
    this.kind = Objects.requireNonNull(kind);
    this.message = Objects.requireNonNull(message);
  }

  /**
   * The rule broken.
   *
   * @return its kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The reason in words, e.g. {@code "3 identical characters in a row; at most 2"}. A {@link
   * Kind#NOT_ALLOWED} message names the character (one of the page's symbols, or a letter or
   * digit); no other message shows any character of the password.
   *
   * @return the reason
   */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
