package dev.mint.cli.output;

import dev.mint.Password;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;
import java.io.IOException;
import java.io.OutputStream;

/** The password and a line break on standard output, UTF-8, as raw bytes. */
public final class StdoutSink implements PasswordSink {
  private final Io io;

  public StdoutSink(Io io) {
    this.io = io;
  }

  @Override
  public void emit(Password password) {
    char[] chars = Utf8.chars(password);
    try {
      writeLine(io, chars);
    } finally {
      Wipe.chars(chars);
    }
  }

  /** {@code chars} and a line break, UTF-8, straight to the raw standard output. */
  public static void writeLine(Io io, char[] chars) {
    io.out().flush(); // text written before stays before
    byte[] bytes = Utf8.of(chars, '\n');
    try {
      writeRaw(io, bytes, "cannot write the password to standard output");
    } finally {
      Wipe.bytes(bytes);
    }
  }

  /** {@code bytes} straight to the raw standard output, after any text written before. */
  static void writeRaw(Io io, byte[] bytes, String failure) {
    io.out().flush();
    try {
      OutputStream out = io.stdout();
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw CliException.io(failure);
    }
  }
}
