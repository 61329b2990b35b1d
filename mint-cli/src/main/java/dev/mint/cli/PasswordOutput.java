package dev.mint.cli;

import dev.mint.Password;
import dev.mint.internal.SecretSeam;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * How a minted password leaves mint (a picocli mixin): today, one line on standard output.
 *
 * <p>The password is encoded into a byte array of our own, written to the raw standard output
 * and wiped; it never passes through a {@code Writer}, whose encoder would keep a copy in a
 * buffer nobody wipes.
 */
@Command // a mixin with no option of its own yet
final class PasswordOutput {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** Writes {@code password} and a line break to standard output; does not close it. */
  void emit(Io io, Password password) {
    char[] chars = SecretSeam.allocated(password.toCharArray());
    try {
      writeLine(io, chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** {@code chars} and a line break, UTF-8, straight to the raw standard output. */
  static void writeLine(Io io, char[] chars) {
    io.out().flush(); // text written before stays before
    byte[] bytes = utf8(chars, '\n');
    try {
      OutputStream out = io.stdout();
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw CliException.io("cannot write the password to standard output");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * {@code chars} followed by {@code end}, in UTF-8, in an exactly sized array the caller wipes.
   * Every intermediate buffer is wiped.
   */
  static byte[] utf8(char[] chars, char end) {
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
      Arrays.fill(buffer, (byte) 0);
    }
  }
}
