package dev.mint.cli.output;

import dev.mint.cli.io.Wipe;
import dev.mint.internal.SecretSeam;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A password's characters as UTF-8, in exactly sized arrays the caller wipes. */
final class Utf8 {
  private Utf8() {}

  /** {@code chars} in UTF-8; every intermediate buffer is wiped. */
  static byte[] of(char[] chars) {
    byte[] withEnd = of(chars, '\n');
    try {
      return SecretSeam.allocated(Arrays.copyOf(withEnd, withEnd.length - 1));
    } finally {
      Wipe.bytes(withEnd);
    }
  }

  /** {@code chars} followed by {@code end}, in UTF-8; every intermediate buffer is wiped. */
  static byte[] of(char[] chars, char end) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] buffer = SecretSeam.allocated(new byte[chars.length * 3 + 3]);
    try {
      ByteBuffer out = ByteBuffer.wrap(buffer);
      if (encoder.encode(CharBuffer.wrap(chars), out, false).isError()
          || encoder.encode(CharBuffer.wrap(new char[] {end}), out, true).isError()
          || encoder.flush(out).isError()) {
        throw new IllegalStateException("a password holds a lone surrogate"); // a bug
      }
      return SecretSeam.allocated(Arrays.copyOf(buffer, out.position()));
    } finally {
      Wipe.bytes(buffer);
    }
  }

  /** The password's characters, in an array the caller wipes. */
  static char[] chars(dev.mint.Password password) {
    return SecretSeam.allocated(password.toCharArray());
  }
}
