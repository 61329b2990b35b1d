package dev.mint.internal;

import dev.mint.InvalidInputException;

/** The arguments every engine of mint takes, checked the same way by each. */
final class Pbkdf2Arguments {
  private Pbkdf2Arguments() {}

  /**
   * Refuses a null array, fewer than 1 iteration or an empty {@code out}.
   *
   * @throws InvalidInputException naming the argument
   */
  static void check(byte[] password, byte[] salt, int iterations, byte[] out) {
    Inputs.requireNonNull(password, "password");
    Inputs.requireNonNull(salt, "salt");
    Inputs.requireNonNull(out, "out");
    if (iterations < 1) {
      throw new InvalidInputException("iterations", "must be at least 1");
    }
    if (out.length < 1) {
      throw new InvalidInputException("out", "must have room for at least 1 byte");
    }
  }
}
