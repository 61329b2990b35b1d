package dev.mint.cli.output;

import dev.mint.Password;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;

/** The password as a QR code drawn on the terminal (standard output must be one). */
public final class QrSink implements PasswordSink {
  private final Io io;

  public QrSink(Io io) {
    this.io = io;
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
