package dev.mint.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Control C2's check (docs/THREAT_MODEL.md): text that must not hold a phrase is searched for a
 * marker hidden in it, in any case and as UTF-8 hex.
 */
public final class Leaks {
  private Leaks() {}

  /**
   * Fails when {@code text} holds the marker, plainly, as hex, or hardened to upper case as hex.
   */
  public static void assertNoMarker(String marker, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains(marker), () -> "the phrase's marker leaked: " + clip(text));
    String hex = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8));
    assertFalse(lower.contains(hex), () -> "the phrase's marker leaked as hex: " + clip(text));
    String upperHex =
        HexFormat.of().formatHex(marker.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    assertFalse(lower.contains(upperHex), () -> "the hardened marker leaked as hex: " + clip(text));
  }

  /** The exception's type, message, causes, suppressed exceptions and stack trace, as printed. */
  public static String everything(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return e + "\n" + out;
  }

  private static String clip(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
