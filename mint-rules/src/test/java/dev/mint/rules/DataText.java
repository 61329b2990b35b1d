package dev.mint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The rules text of a domain exactly as the bundled password-rules.json holds it (shared with
 * mint-cli's acceptance test through mint-rules' test jar).
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
