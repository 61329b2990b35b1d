package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.testing.NodeJs;
import dev.mint.testing.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * mint's compliance check against the JavaScript check on Apple's parse result (node), on generated
 * rules texts and passwords drawn to hit their edges: lengths around the limits, runs of identical
 * characters, characters inside and outside ASCII printable.
 */
class ComplianceDifferentialTest {
  static final long SEED = 17L;
  static final int CASES = 20_000;

  @Test
  void mintsCheckAgreesWithTheJavaScriptCheck() {
    NodeJs.require(); // skip (or fail on CI) before the work, not after it
    Random random = new Random(SEED);
    String pool = "aZ09!-_ ]^~\u00e9\u4e2d";
    List<String> texts = new ArrayList<>();
    List<char[]> passwords = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String limits =
          (random.nextBoolean() ? "max-consecutive: " + (1 + random.nextInt(4)) + "; " : "")
              + (random.nextBoolean() ? "minlength: " + random.nextInt(20) + "; " : "")
              + (random.nextBoolean() ? "maxlength: " + random.nextInt(24) + "; " : "");
      texts.add(random.nextBoolean() ? limits + RuleTexts.one(random) : limits);
      char[] p = new char[random.nextInt(24)];
      for (int j = 0; j < p.length; j++) {
        p[j] =
            j > 0 && random.nextInt(4) == 0 ? p[j - 1] : pool.charAt(random.nextInt(pool.length()));
      }
      passwords.add(p);
    }
    List<JsonNode> js = Oracle.check(texts, passwords);
    int mismatches = 0;
    int compliant = 0;
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < CASES; i++) {
      boolean mine = Compliance.complies(passwords.get(i), PasswordRules.parse(texts.get(i)));
      boolean theirs = js.get(i).path("ok").asBoolean();
      compliant += mine ? 1 : 0;
      if (mine != theirs && mismatches++ < 5) {
        first.append(
            String.format(
                "%n%s / %s: node %s", texts.get(i), new String(passwords.get(i)), js.get(i)));
      }
    }
    System.out.printf(
        "compliance differential: %d cases (seed %d, %d compliant), %d mismatches%n",
        CASES, SEED, compliant, mismatches);
    assertEquals(0, mismatches, first.toString());
  }
}
