package dev.mint.cli.io;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The process's controlling terminal, {@code /dev/tty}: where mint asks for the phrase when
 * standard input is a terminal but standard output is not ({@code mint batch FILE > out}), as
 * {@code ssh}, {@code gpg} and {@code sudo} do. Java's console needs both streams to be terminals;
 * this one is opened by name, and its echo is set with {@code stty} on it (Java has no termios).
 * Bytes are read one at a time into the caller's array, so no copy of a line stays in a buffer.
 */
public final class ControllingTerminal implements AutoCloseable {
  private static final File TTY = new File("/dev/tty");

  private final FileInputStream in;
  private final FileOutputStream out;

  private ControllingTerminal(FileInputStream in, FileOutputStream out) {
    this.in = in;
    this.out = out;
  }

  /**
   * The controlling terminal, opened for reading and writing; null when the process has none (a
   * daemon, a job started with {@code setsid}) or cannot open it.
   */
  public static ControllingTerminal open() {
    if (!TTY.exists()) {
      return null;
    }
    FileInputStream in = null;
    try {
      in = new FileInputStream(TTY);
      return new ControllingTerminal(in, new FileOutputStream(TTY));
    } catch (FileNotFoundException | SecurityException e) {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // nothing was read
        }
      }
      return null;
    }
  }

  /** Writes {@code text} (UTF-8) to the terminal at once; a terminal gone is ignored. */
  public void write(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // the terminal is gone: nothing to show anything on
    }
  }

  /**
   * Reads one line typed at the terminal into {@code line}: the bytes up to the first {@code \n},
   * without it, no further. Bytes past {@code line.length} are read and dropped up to the line's
   * end, and counted.
   *
   * @return the line's length (more than {@code line.length} when it did not fit), or -1 at end of
   *     input before any byte
   */
  public int readLine(byte[] line) throws IOException {
    int n = 0;
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        return n;
      }
      if (n < line.length) {
        line[n] = (byte) b;
      }
      n++;
    }
    return n == 0 ? -1 : n;
  }

  /**
   * Turns the terminal's echo off until the returned handle is closed, which puts back the
   * terminal's settings as they were; so does a shutdown hook on Ctrl-C, a kill or any other exit
   * while the echo is off.
   *
   * @throws IOException when {@code stty} cannot read or change the terminal's settings
   */
  public EchoOff echoOff() throws IOException {
    String saved = stty("-g").strip();
    EchoOff handle = new EchoOff(saved);
    Runtime.getRuntime().addShutdownHook(handle.hook);
    stty("-echo");
    return handle;
  }

  /** The echo turned off by {@link #echoOff()}; {@link #close()} turns it back on. */
  public final class EchoOff implements AutoCloseable {
    private final String saved;
    private final Thread hook;
    private boolean closed;

    private EchoOff(String saved) {
      this.saved = saved;
      this.hook = new Thread(this::restore, "mint-tty-echo");
    }

    private void restore() {
      try {
        stty(saved);
      } catch (IOException e) {
        // the terminal is gone, and its echo with it
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      restore();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is exiting: the hook restores the echo too
      }
    }
  }

  /** The terminal's width in columns, or 0 when {@code stty} cannot tell. */
  public int columns() {
    try {
      String[] size = stty("size").strip().split(" ");
      return size.length == 2 ? Integer.parseInt(size[1]) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** Runs {@code stty} on the terminal; returns what it printed. */
  private static String stty(String... args) throws IOException {
    return Stty.run(ProcessBuilder.Redirect.from(TTY), args);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing more to read
    }
    try {
      out.close();
    } catch (IOException e) {
      // nothing more to write
    }
  }
}
