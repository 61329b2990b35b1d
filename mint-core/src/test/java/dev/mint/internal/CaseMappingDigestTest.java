package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@link CaseMappingExhaustiveTest} without node: the port's lines for every code point that is not
 * plain, in the format of {@code test-vectors/js/case-probe.mjs}, hash to the SHA-256 of what
 * case-probe.mjs printed (after its {@code unicode} line) on Node 20.20.2 (Unicode 17.0), recorded
 * on 2026-12-02 with {@code node case-probe.mjs | tail -n +2 | sha256sum}. A few seconds, no child
 * process: it is the case-mapping check of the mutation run (docs/TESTING.md), and a check where
 * node is missing.
 */
class CaseMappingDigestTest {
  /** The SHA-256 of case-probe.mjs's 7,158 lines on Node 20.20.2 (Unicode 17.0). */
  private static final String NODE_20_UNICODE_17 =
      "f2c63cce1481210547cd9f0faec2582dcf3b8f0cd65fccfab1186cd8d998739b";

  @Test
  void everyCodePointMapsAsNodeRecordedIt() throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    int lines = 0;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String line = CaseProbe.line(cp);
      if (line != null) {
        sha256.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
        lines++;
      }
    }
    assertEquals(7158, lines, "code points that are not plain");
    assertEquals(NODE_20_UNICODE_17, HexFormat.of().formatHex(sha256.digest()));
  }
}
