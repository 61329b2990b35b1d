package dev.mint.cli.output;

import dev.mint.Password;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;

/**
 * The password on the system clipboard, cleared (or what it held put back) after a delay by {@link
 * ClipboardClearer}, unless it no longer holds the password.
 */
public final class ClipboardSink implements PasswordSink {
  /** The clipboard's messages name no option; the user sees which one failed. */
  private static final String OPTION = "--clip: ";

  private final Io io;
  private final Clipboard clipboard;
  private final int seconds;

  /**
   * A sink to the clipboard {@link Clipboard#detect} finds for {@code io}'s environment.
   *
   * @throws dev.mint.cli.io.CliException (exit 4) when there is no clipboard
   */
  public ClipboardSink(Io io, int seconds) {
    this(io, seconds, false);
  }

  /**
   * A sink to the clipboard {@link Clipboard#detect} finds for {@code io}'s environment, whose
   * display is probed ({@link Clipboard#probe}) before any phrase is read; with {@code quiet} the
   * "copied" line is not written.
   *
   * @throws dev.mint.cli.io.CliException (exit 4) when there is no clipboard, or its display cannot
   *     be opened
   */
  public ClipboardSink(Io io, int seconds, boolean quiet) {
    this.io = io;
    try {
      this.clipboard = Clipboard.detect(io.env());
      clipboard.probe();
    } catch (CliException e) {
      throw e.withPrefix(OPTION);
    }
    this.seconds = seconds;
    this.quiet = quiet;
  }

  private final boolean quiet;

  @Override
  public void emit(Password password) {
    char[] chars = Utf8.chars(password);
    byte[] bytes = null;
    try {
      bytes = Utf8.of(chars);
      ClipboardClearer.copyAndScheduleClear(clipboard, bytes, seconds, io.env());
    } catch (CliException e) {
      throw e.withPrefix(OPTION);
    } finally {
      Wipe.chars(chars);
      Wipe.bytes(bytes);
    }
    if (!quiet) {
      io.err().println("copied to the clipboard; clears in " + seconds + " s");
      io.err().flush();
    }
  }
}
