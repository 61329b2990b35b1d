package dev.mint;

import dev.mint.internal.Inputs;

/**
 * The one exception mint-core raises for input it does not accept.
 *
 * <p>The message always starts with the name of the offending field and says what is allowed. It
 * never contains the master phrase, nor anything computed from it.
 */
public final class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The name of the rejected field (part of the serialized form). */
  private final String field;

  /**
   * An exception for {@code field}: its message is {@code field + ": " + whatIsAllowed}. Public so
   * that a {@link Pbkdf2Engine} of the caller's can refuse its arguments as mint's own engines do.
   *
   * @param field the name of the rejected field, such as {@code "out"}
   * @param whatIsAllowed what the field may hold; never the rejected value when it may be secret
   */
  public InvalidInputException(String field, String whatIsAllowed) {
    super(field + ": " + whatIsAllowed);
    this.field = field;
  }

  /**
   * The name of the field that was rejected.
   *
   * @return the field's name, for example {@code "site"} or {@code "version"}
   */
  public String field() {
    return field;
  }

  static <T> T requireNonNull(T value, String field) {
    return Inputs.requireNonNull(value, field);
  }
}
