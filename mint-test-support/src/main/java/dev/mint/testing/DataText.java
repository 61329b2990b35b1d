package dev.mint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The rules text of a domain exactly as mint-rules' bundled password-rules.json holds it (read from
 * the class path, so mint-rules must be on it: the tests of mint-rules and mint-cli).
 */
public final class DataText {
  private static JsonNode data;

  private DataText() {}

  public static synchronized String of(String domain) {
    if (data == null) {
      try (InputStream in =
          DataText.class.getResourceAsStream("/dev/mint/rules/data/password-rules.json")) {
        data = Oracle.JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return data.path(domain).path("password-rules").asText();
  }
}
