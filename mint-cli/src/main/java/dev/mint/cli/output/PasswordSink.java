package dev.mint.cli.output;

import dev.mint.Password;

/**
 * Where a minted password goes: standard output ({@link StdoutSink}), the clipboard ({@link
 * ClipboardSink}) or a QR code on the terminal ({@link QrSink}). A new target is one class.
 *
 * <p>A sink is made once the target is known to work (a clipboard tool found, a terminal), before
 * any phrase is read, so that no password is ever made that cannot be shown. It encodes the
 * password into arrays of its own, writes them as raw bytes (never through a {@code Writer}, whose
 * encoder would keep a copy nobody wipes) and wipes them.
 */
public interface PasswordSink {
  /** Sends {@code password} out; the caller still closes it. */
  void emit(Password password);

  /**
   * Refuses, before any phrase is read or password made, a password of {@code length} characters
   * that this target cannot show (a QR code wider than the terminal); nothing for most targets.
   *
   * @throws dev.mint.cli.io.CliException ({@link dev.mint.cli.io.ExitCodes#USAGE}) when it cannot
   */
  default void requireRoomFor(int length) {}
}
