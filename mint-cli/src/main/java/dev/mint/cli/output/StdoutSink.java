package dev.mint.cli.output;

import dev.mint.Password;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

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

  /**
   * {@code bytes} straight to the raw standard output, after any text written before. A real
   * standard output (a {@link FileOutputStream}) is written through its channel from a direct
   * buffer of our own, wiped after the write: {@code FileOutputStream.write} copies the bytes to a
   * buffer on the thread's native stack that nothing clears, where a scan of the process's memory
   * found the last password printed (docs/THREAT_MODEL.md, R24).
   */
  static void writeRaw(Io io, byte[] bytes, String failure) {
    io.out().flush();
    try {
      OutputStream out = io.stdout();
      if (out instanceof FileOutputStream file) {
        writeWiped(file.getChannel(), bytes);
      } else {
        out.write(bytes);
        out.flush();
      }
    } catch (IOException e) {
      throw CliException.io(failure);
    }
  }

  /**
   * {@code bytes} through {@code channel} from a direct buffer, which the channel hands to the
   * system call as it is (no copy of its own), zeroed after.
   */
  /**
   * Before the phrase is read: sets up the path {@link #emit} takes to standard output (the channel
   * of its file descriptor, the native buffer's classes) with a write of no bytes, so that a fresh
   * JVM does not load and link them between Enter and the password. Writes nothing; a failure is
   * left for the password's own write to report.
   */
  public static void prepare(Io io) {
    if (io.stdout() instanceof FileOutputStream file) {
      try {
        file.getChannel().write(ByteBuffer.allocateDirect(0)); // no bytes: no system call
      } catch (IOException | RuntimeException e) {
        // the real write says what is wrong
      }
    }
  }

  private static void writeWiped(FileChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
    try {
      buffer.put(bytes).flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } finally {
      buffer.clear();
      buffer.put(new byte[bytes.length]);
    }
  }
}
