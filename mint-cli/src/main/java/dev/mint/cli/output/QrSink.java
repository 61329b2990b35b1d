package dev.mint.cli.output;

import dev.mint.Password;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;

/** The password as a QR code drawn on the terminal (standard output must be one). */
public final class QrSink implements PasswordSink {
  private final Io io;
  private final int columns;

  /** {@code columns}: the terminal's width, 0 when unknown (nothing is then refused). */
  public QrSink(Io io, int columns) {
    this.io = io;
    this.columns = columns;
  }

  /**
   * Refuses a code wider than the terminal, whose lines the terminal would wrap into a picture no
   * camera reads; the message names the width needed.
   */
  @Override
  public void requireRoomFor(int length) {
    int needed = QrDrawing.columns(length);
    if (columns > 0 && needed > columns) {
      throw CliException.usage(
          "--qr: the QR code of a "
              + length
              + "-character password is "
              + needed
              + " columns wide and the terminal "
              + columns
              + "; widen the terminal to "
              + needed
              + " columns or more, or use --clip");
    }
  }

  @Override
  public void emit(Password password) {
    char[] chars = Utf8.chars(password);
    byte[] bytes = null;
    byte[] drawing = null;
    try {
      bytes = Utf8.of(chars);
      drawing = QrDrawing.draw(bytes);
      StdoutSink.writeRaw(io, drawing, "cannot write the QR code to standard output");
    } finally {
      Wipe.chars(chars);
      Wipe.bytes(bytes);
      Wipe.bytes(drawing);
    }
  }
}
