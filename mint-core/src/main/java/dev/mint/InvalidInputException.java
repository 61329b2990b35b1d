package dev.mint;

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

  InvalidInputException(String field, String whatIsAllowed) {
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
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    return value;
  }
}
