package dev.mint.cli.output;

import dev.mint.cli.io.Wipe;
import dev.mint.internal.SecretSeam;
import io.nayuki.qrcodegen.QrCode;
import java.util.Arrays;

/**
 * A QR code drawn for a terminal with Unicode half blocks: each character is one module wide and
 * two modules tall ({@code █} both light, {@code ▀} top light, {@code ▄} bottom light, space both
 * dark), with a quiet zone of four light modules, as {@code qrencode -t UTF8} draws it: the blocks
 * are the light modules, so the code reads right on a terminal with a dark background.
 */
public final class QrDrawing {
  /** The light margin the QR standard asks for, in modules. */
  static final int QUIET_ZONE = 4;

  private static final byte[] FULL = {(byte) 0xE2, (byte) 0x96, (byte) 0x88}; // █ U+2588
  private static final byte[] UPPER = {(byte) 0xE2, (byte) 0x96, (byte) 0x80}; // ▀ U+2580
  private static final byte[] LOWER = {(byte) 0xE2, (byte) 0x96, (byte) 0x84}; // ▄ U+2584

  private QrDrawing() {}

  /**
   * The QR code of {@code data} (byte mode, error correction M or better), drawn as UTF-8 lines in
   * an exactly sized array the caller wipes: the drawing is as secret as the data.
   */
  public static byte[] draw(byte[] data) {
    QrCode qr = QrCode.encodeBinary(data, QrCode.Ecc.MEDIUM);
    int side = qr.size + 2 * QUIET_ZONE;
    int rows = (side + 1) / 2;
    byte[] out = SecretSeam.allocated(new byte[rows * (side * 3 + 1)]);
    int n = 0;
    for (int row = 0; row < rows; row++) {
      for (int x = 0; x < side; x++) {
        boolean top = light(qr, x - QUIET_ZONE, 2 * row - QUIET_ZONE, side);
        boolean bottom = light(qr, x - QUIET_ZONE, 2 * row + 1 - QUIET_ZONE, side);
        if (top || bottom) {
          byte[] glyph = top && bottom ? FULL : top ? UPPER : LOWER;
          System.arraycopy(glyph, 0, out, n, 3);
          n += 3;
        } else {
          out[n++] = ' ';
        }
      }
      out[n++] = '\n';
    }
    byte[] exact = SecretSeam.allocated(Arrays.copyOf(out, n));
    Wipe.bytes(out);
    return exact;
  }

  /**
   * How many columns the drawing of {@code length} bytes takes: the code's side and its quiet zone
   * (the code's size depends on the number of bytes only, not on their values).
   */
  public static int columns(int length) {
    return QrCode.encodeBinary(new byte[length], QrCode.Ecc.MEDIUM).size + 2 * QUIET_ZONE;
  }

  /** Light: a light module, or the quiet zone; below the drawing (odd height) is dark. */
  private static boolean light(QrCode qr, int x, int y, int side) {
    if (y + QUIET_ZONE >= side) {
      return false;
    }
    return !qr.getModule(x, y); // getModule is false (light) outside the code
  }
}
