package dev.mint.cli.output;

import dev.mint.cli.io.Wipe;
import dev.mint.internal.SecretSeam;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The secret bytes a clipboard tool (or the clearing helper) is given on its standard input or
 * sends back on its standard output, moved through arrays mint wipes, so that neither direction
 * leaves a copy in the JDK's process stream buffers.
 */
final class ToolStreams {
  /** The largest clipboard content read back (to compare or restore), in bytes. */
  static final int MAX_READ = 1 << 20;

  private ToolStreams() {}

  /**
   * Writes {@code data} to the process's standard input and closes it, leaving no copy behind. The
   * JDK's stream there is a {@code BufferedOutputStream}: a short write is copied into its buffer,
   * which {@code close()} flushes but does not clear. Once closed, the buffer is empty, so writing
   * zeros of the same length copies them over that copy and sends nothing (the stream is closed).
   * ClipboardHeapIT checks a heap dump for the password.
   */
  static void writeAndClose(Process process, byte[] data) {
    OutputStream in = process.getOutputStream();
    try {
      in.write(data);
      in.close();
    } catch (IOException e) {
      // the tool ended without reading (it failed): its exit status says so
    } finally {
      try {
        in.write(new byte[data.length]);
      } catch (IOException ignored) {
        // a write that reaches the closed pipe fails: nothing was in the buffer then
      }
    }
  }

  /**
   * All of {@code in} in an exactly sized array the caller wipes, or null when longer than {@link
   * #MAX_READ}. Asks for at least 8 KiB at a time, into arrays of our own, so the JDK's {@code
   * BufferedInputStream} mostly passes the bytes through without a copy in its buffer (not always:
   * docs/THREAT_MODEL.md says what the JDK's process streams may keep).
   */
  static byte[] readAll(InputStream in) throws IOException {
    byte[] buffer = SecretSeam.allocated(new byte[64 * 1024]);
    int n = 0;
    try {
      while (true) {
        if (buffer.length - n < 8192) {
          if (buffer.length > MAX_READ) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
          }
          byte[] larger = SecretSeam.allocated(Arrays.copyOf(buffer, buffer.length * 2));
          Wipe.bytes(buffer);
          buffer = larger;
        }
        int r = in.read(buffer, n, buffer.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      if (n > MAX_READ) {
        return null;
      }
      return SecretSeam.allocated(Arrays.copyOf(buffer, n));
    } finally {
      Wipe.bytes(buffer);
    }
  }
}
