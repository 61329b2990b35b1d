package dev.mint.internal;

import dev.mint.InvalidInputException;
import dev.mint.MintRequest;
import dev.mint.Setting;

/**
 * From the 64 derived bytes to the password (SPEC.md section 6): one character from each enabled
 * pool, the rest from the combined pool, then a Fisher-Yates shuffle, all driven by 16-bit words
 * read from the derived bytes, which wrap around after 64 bytes.
 */
public final class Encoding {
  static final int DERIVED_LENGTH = 64;

  private Encoding() {}

  /** The enabled pools of {@code request}, in the page's fixed order. */
  public static String[] pools(MintRequest request) {
    return Setting.CLASSES.stream()
        .filter(request::get)
        .map(c -> request.revision().pool(c, request.excludeAmbiguous()))
        .toArray(String[]::new);
  }

  /** The password for {@code derived} (exactly 64 bytes); the caller wipes the result. */
  static char[] encode(byte[] derived, MintRequest request) {
    Inputs.requireNonNull(derived, "derived");
    Inputs.requireNonNull(request, "request");
    if (derived.length != DERIVED_LENGTH) {
      throw new InvalidInputException("derived", "must be exactly 64 bytes");
    }
    String[] pools = pools(request);
    String combined = String.join("", pools);
    int length = request.length();
    char[] password = Secrets.allocated(new char[length]);
    WordStream words = new WordStream(derived);
    for (int i = 0; i < pools.length; i++) {
      password[i] = pools[i].charAt(words.next() % pools[i].length());
    }
    for (int i = pools.length; i < length; i++) {
      password[i] = combined.charAt(words.next() % combined.length());
    }
    for (int i = length - 1; i >= 1; i--) {
      int j = words.next() % (i + 1);
      char swap = password[i];
      password[i] = password[j];
      password[j] = swap;
    }
    return password;
  }

  /** Big-endian 16-bit words over the derived bytes, wrapping after the last byte. */
  private static final class WordStream {
    private final byte[] bytes;
    private int k;

    WordStream(byte[] bytes) {
      this.bytes = bytes;
    }

    int next() {
      int hi = bytes[k % bytes.length] & 0xFF;
      int lo = bytes[(k + 1) % bytes.length] & 0xFF;
      k += 2;
      return (hi << 8) | lo;
    }
  }
}
