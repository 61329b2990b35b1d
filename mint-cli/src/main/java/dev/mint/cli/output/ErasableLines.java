package dev.mint.cli.output;

import dev.mint.Password;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;

/**
 * Lines shown on the terminal of standard output and erased from its screen afterwards, for
 * passwords that must be read but must not stay: the interactive {@code mint rekey} shows a site's
 * current and new password side by side until the user says the change is made, then erases them
 * (cursor up over every row written since the first line, then clear to the end of the screen), so
 * neither stays on the screen or scrolls into the terminal's scrollback. Ctrl-C, a kill or any
 * other exit of the JVM while they are shown erases them too (a shutdown hook).
 *
 * <p>Every row written is counted, a line wider than the terminal as the rows it wraps into, and
 * the prompt's own row once it is answered. Passwords are written as raw bytes from arrays of our
 * own, wiped after, as {@link StdoutSink} writes them; labels and prompts, which are not secret,
 * through {@link Io#out()}.
 */
public final class ErasableLines implements AutoCloseable {
  /** Cursor up N rows (N filled in). */
  private static final String UP = "\u001b[%dA";

  /** Clear from the cursor to the end of the screen. */
  private static final String CLEAR_DOWN = "\u001b[J";

  private final Io io;
  private final int columns;
  private final Thread hook = new Thread(this::erase, "mint-erase-lines");
  private boolean hooked;

  /** Complete rows written since the first line shown (or since the last {@link #erase}). */
  private int rows;

  /** Columns written on the current row (a prompt not yet answered). */
  private int pending;

  /**
   * Lines for the terminal {@code io}'s standard output goes to, {@code columns} wide (0 when
   * unknown: a line is then taken as one row).
   */
  public ErasableLines(Io io, int columns) {
    this.io = io;
    this.columns = columns;
  }

  /** A line of text that is not secret, erased with the rest. */
  public synchronized void text(String line) {
    hook();
    io.out().print(line);
    io.out().print('\n');
    io.out().flush();
    rows += rowsOf(pending + line.length());
    pending = 0;
  }

  /** {@code label} followed by {@code password} on one line; the caller still closes it. */
  public synchronized void secret(String label, Password password) {
    hook();
    io.out().print(label);
    io.out().flush();
    char[] chars = Utf8.chars(password);
    try {
      StdoutSink.writeLine(io, chars);
      rows += rowsOf(pending + label.length() + chars.length);
      pending = 0;
    } finally {
      Wipe.chars(chars);
    }
  }

  /** {@code prompt} without a line break: the user's answer and its Enter follow on its row. */
  public synchronized void prompt(String prompt) {
    hook();
    io.out().print(prompt);
    io.out().flush();
    pending += prompt.length();
  }

  /**
   * The user answered the prompt with {@code answer} and Enter, which the terminal echoed: the
   * cursor is on the row after.
   */
  public synchronized void answered(String answer) {
    rows += rowsOf(pending + (answer == null ? 0 : answer.length()));
    pending = 0;
  }

  /**
   * Erases every row written since the first line (or the last erase), the current one included,
   * and leaves the cursor at the start of the first; nothing when nothing is shown. Idempotent.
   */
  public synchronized void erase() {
    if (rows == 0 && pending == 0) {
      return;
    }
    StringBuilder codes = new StringBuilder("\r");
    if (rows > 0) {
      codes.append(String.format(UP, rows));
    }
    codes.append(CLEAR_DOWN);
    io.out().print(codes);
    io.out().flush();
    rows = 0;
    pending = 0;
  }

  /** Erases what is shown and drops the shutdown hook. */
  @Override
  public synchronized void close() {
    erase();
    if (hooked && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook erases, and finds nothing left
      }
      hooked = false;
    }
  }

  private void hook() {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(hook);
      hooked = true;
    }
  }

  private int rowsOf(int width) {
    return columns <= 0 || width <= columns ? 1 : (width + columns - 1) / columns;
  }
}
