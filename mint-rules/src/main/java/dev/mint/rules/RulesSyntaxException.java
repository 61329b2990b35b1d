package dev.mint.rules;

/**
 * Rules text that {@link PasswordRules#parseStrict} refuses, or data that {@link KnownSites} cannot
 * read. The message says what is wrong and where; it never holds a password or a phrase.
 */
public final class RulesSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message what is wrong, and where
   */
  public RulesSyntaxException(String message) {
    super(message);
  }

  /**
   * An exception with {@code message} and its cause.
   *
   * @param message what is wrong, and where
   * @param cause what went wrong underneath
   */
  public RulesSyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
