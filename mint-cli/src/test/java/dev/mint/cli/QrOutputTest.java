package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --qr}: what mint draws is read back with ZXing's QR decoder (the half-block text turned
 * back into a bitmap, light where the blocks are) and gives the password; and it is refused when
 * standard output is not a terminal.
 */
class QrOutputTest {
  private static final String PHRASE = MintCliTest.MARKER;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(boolean stdoutIsTerminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Io io =
        Io.of(
            new ByteArrayInputStream((PHRASE + "\n").getBytes(StandardCharsets.UTF_8)),
            out,
            new PrintWriter(err, true),
            Map.<String, String>of()::get,
            () -> null,
            false,
            stdoutIsTerminal);
    int code = MintCli.run(io, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {12, 16, 20, 32, 64})
  void theDrawnCodeDecodesToThePassword(int length) throws Exception {
    Run run =
        run(
            true,
            "--phrase-stdin",
            "--quiet",
            "--qr",
            "--length",
            Integer.toString(length),
            "github.com");
    assertEquals(0, run.exitCode(), run.err());
    String password;
    try (Password p =
        Mint.derive(
            MintRequest.builder("github.com").length(length).build(), PHRASE.toCharArray())) {
      password = new String(p.toCharArray());
    }
    assertFalse(run.out().contains(password), "the password is printed as text too");
    assertTrue(run.out().matches("[ \u2580\u2584\u2588\n]+"), "only half blocks and spaces");
    assertEquals(password, decode(run.out()));
  }

  @Test
  void refusedWhenStandardOutputIsNotATerminal() {
    Run run = run(false, "--phrase-stdin", "--qr", "github.com");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("mint: --qr draws on a terminal only"), run.err());
  }

  @Test
  void qrAndClipExcludeEachOther() {
    Run run = run(true, "--phrase-stdin", "--qr", "--clip", "github.com");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("mint: --qr and --clip exclude each other"), run.err());
  }

  /** The text back into pixels (4 per module, light = white) and through ZXing's reader. */
  static String decode(String drawing) throws Exception {
    List<String> lines = drawing.lines().toList();
    int scale = 4;
    int width = lines.get(0).length() * scale;
    int height = lines.size() * 2 * scale;
    int[] pixels = new int[width * height];
    for (int row = 0; row < lines.size(); row++) {
      String line = lines.get(row);
      assertEquals(lines.get(0).length(), line.length(), "ragged line " + row);
      for (int x = 0; x < line.length(); x++) {
        char c = line.charAt(x);
        boolean top = c == '\u2588' || c == '\u2580';
        boolean bottom = c == '\u2588' || c == '\u2584';
        fill(pixels, width, x * scale, 2 * row * scale, scale, top);
        fill(pixels, width, x * scale, (2 * row + 1) * scale, scale, bottom);
      }
    }
    RGBLuminanceSource source = new RGBLuminanceSource(width, height, pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  }

  private static void fill(int[] pixels, int width, int x0, int y0, int scale, boolean light) {
    int rgb = light ? 0xFFFFFF : 0x000000;
    for (int y = y0; y < y0 + scale; y++) {
      for (int x = x0; x < x0 + scale; x++) {
        pixels[y * width + x] = rgb;
      }
    }
  }
}
