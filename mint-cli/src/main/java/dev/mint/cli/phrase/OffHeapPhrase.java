package dev.mint.cli.phrase;

import dev.mint.cli.io.Wipe;
import dev.mint.internal.SecretSeam;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * The phrase kept outside the Java heap while a command still needs it but works on something else
 * for long (derive's phrase check, after a version search): a heap array alive through many
 * collections is moved by each one, and every move leaves a copy behind that no wipe reaches. The
 * characters sit in a direct buffer, which the collector never moves, and are copied into a
 * short-lived array for each use.
 */
public final class OffHeapPhrase implements AutoCloseable {
  private final ByteBuffer chars;
  private final int length;

  /** Moves {@code phrase} off the heap: copies it, then wipes {@code phrase}. */
  public OffHeapPhrase(char[] phrase) {
    length = phrase.length;
    chars = ByteBuffer.allocateDirect(Math.max(1, 2 * length));
    for (char c : phrase) {
      chars.putChar(c);
    }
    Wipe.chars(phrase);
  }

  /** {@code use} of the phrase, in an array wiped when {@code use} returns. */
  public <T> T apply(Function<char[], T> use) {
    char[] phrase = SecretSeam.allocated(new char[length]);
    try {
      for (int i = 0; i < length; i++) {
        phrase[i] = chars.getChar(2 * i);
      }
      return use.apply(phrase);
    } finally {
      Wipe.chars(phrase);
    }
  }

  /** Zeroes the buffer. Idempotent. */
  @Override
  public void close() {
    for (int i = 0; i < chars.capacity(); i++) {
      chars.put(i, (byte) 0);
    }
  }
}
