package dev.mint.cli.io;

import java.util.Arrays;

/**
 * The one way the CLI wipes a secret it holds in an array (a phrase, a password, their encodings):
 * zeros over every element; null is allowed, so a {@code finally} needs no check.
 */
public final class Wipe {
  private Wipe() {}

  /** Overwrites {@code bytes} with zeros; nothing when null. */
  public static void bytes(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Overwrites {@code chars} with U+0000; nothing when null. */
  public static void chars(char[] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }
}
