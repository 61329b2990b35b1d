package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled data is what PROVENANCE.md says it is: each file's SHA-256 as recorded there, and the
 * upstream repository, commit and licence named. A data file changed without its provenance fails.
 */
class DataProvenanceTest {
  private static final String DATA = "/dev/mint/rules/data/";

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DataProvenanceTest.class.getResourceAsStream(DATA + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void everyFileHasTheRecordedChecksum() throws IOException, NoSuchAlgorithmException {
    String provenance = new String(resource("PROVENANCE.md"), StandardCharsets.UTF_8);
    Map<String, String> recorded = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(provenance);
    while (m.find()) {
      recorded.put(m.group(2), m.group(1));
    }
    assertEquals(
        java.util.List.of(
            "password-rules.json",
            "shared-credentials.json",
            "shared-credentials-historical.json",
            "change-password-URLs.json",
            "LICENSE.md"),
        java.util.List.copyOf(recorded.keySet()));
    for (Map.Entry<String, String> e : recorded.entrySet()) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource(e.getKey()));
      assertEquals(e.getValue(), HexFormat.of().formatHex(digest), e.getKey());
    }
    assertTrue(provenance.contains("https://github.com/apple/password-manager-resources"));
    assertTrue(provenance.matches("(?s).*\n- commit: [0-9a-f]{40} \\(\\d{4}-\\d\\d-\\d\\d\\)\n.*"));
    assertTrue(provenance.contains("licence: MIT"));
  }
}
