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

  private static final String SIGMA = "\u03A3";

  @Test
  void everyCodePointMapsAsNodeRecordedIt() throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    int lines = 0;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String x = new String(Character.toChars(cp));
      String lower = CaseMapping.toLowerCase(x);
      String upper = CaseMapping.toUpperCase(x);
      String p1 = CaseMapping.toLowerCase(x + SIGMA);
      String p2 = CaseMapping.toLowerCase("A" + x + SIGMA);
      String p3 = CaseMapping.toLowerCase("A" + SIGMA + x);
      String p4 = CaseMapping.toLowerCase("A" + SIGMA + x + "a");
      boolean plain =
          lower.equals(x)
              && upper.equals(x)
              && p1.equals(x + "\u03C3")
              && p2.equals("a" + x + "\u03C3")
              && p3.equals("a\u03C2" + x)
              && p4.equals("a\u03C2" + x + "a");
      if (!plain) {
        String line =
            Integer.toHexString(cp)
                + " "
                + String.join(
                    " ", units(lower), units(upper), units(p1), units(p2), units(p3), units(p4))
                + "\n";
        sha256.update(line.getBytes(StandardCharsets.US_ASCII));
        lines++;
      }
    }
    assertEquals(7158, lines, "code points that are not plain");
    assertEquals(NODE_20_UNICODE_17, HexFormat.of().formatHex(sha256.digest()));
  }

  private static String units(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0) {
        b.append('.');
      }
      b.append(Integer.toHexString(s.charAt(i)));
    }
    return b.toString();
  }
}
