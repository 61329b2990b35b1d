package dev.mint.internal;

import dev.mint.InvalidInputException;

/** The argument checks the stages and engines share, with {@link InvalidInputException}'s words. */
public final class Inputs {
  private Inputs() {}

  /**
   * {@code value}, or {@code field: must not be null}.
   *
   * @throws InvalidInputException when {@code value} is null
   */
  public static <T> T requireNonNull(T value, String field) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    return value;
  }
}
