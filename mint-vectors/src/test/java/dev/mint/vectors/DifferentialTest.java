package dev.mint.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mint.Pbkdf2Engine;
import dev.mint.testing.NodeJs;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The port against an independent JavaScript implementation of SPEC.md running in node ({@code
 * test-vectors/js/mint-cli.mjs}): 100,000 random stage cases (random 64 derived bytes supplied to
 * both sides) through one node process, compared on everything a vector row holds: normalized site,
 * hardened bytes, salt, iterations, password, and refusals. The seed is printed; {@code
 * -Dmint.diff.seed=N} repeats a run and {@code -Dmint.diff.stage=N} changes the count. The
 * end-to-end cases (real PBKDF2 on both sides) are in {@link DifferentialPropertyTest}.
 */
class DifferentialTest {
  private static final Pbkdf2Engine ENGINE = Pbkdf2Engine.defaultEngine();

  @Test
  void randomStageCasesAgreeWithTheJavaScriptImplementation() {
    NodeJs.require();
    long seed = Long.getLong("mint.diff.seed", new SecureRandom().nextLong());
    int count = Integer.getInteger("mint.diff.stage", 100_000);
    long started = System.nanoTime();
    List<String> cases = DifferentialCases.batch(new SplittableRandom(seed), 0, count, "stage");
    double generated = (System.nanoTime() - started) / 1e9;
    List<String> rows = NodeJs.run("mint-cli.mjs", cases);
    double nodeSeconds = (System.nanoTime() - started) / 1e9 - generated;
    assertEquals(count, rows.size(), "node answers every case with one row");

    List<String> mismatches =
        IntStream.range(0, count)
            .parallel()
            .mapToObj(i -> compare(rows.get(i), i))
            .filter(m -> m != null)
            .collect(Collectors.toList());
    long refused = rows.stream().filter(r -> r.contains("\"error\":")).count();
    System.out.printf(
        "differential (stage): %d cases compared with node (%d refused by the page), "
            + "%d mismatches, seed %d (%s), %.1f s (generating %.1f s, node %.1f s)%n",
        count,
        refused,
        mismatches.size(),
        seed,
        DifferentialCases.describeSeed(seed),
        (System.nanoTime() - started) / 1e9,
        generated,
        nodeSeconds);
    System.out.println("  " + coverage(rows));
    mismatches.stream().limit(20).forEach(m -> System.out.println("  mismatch: " + m));
    assertEquals(
        0,
        mismatches.size(),
        () ->
            "mismatches, repeat with "
                + DifferentialCases.describeSeed(seed)
                + ": "
                + mismatches.stream().limit(5).toList());
  }

  /** The first difference for one row, or null when the port agrees with it. */
  static String compare(String rowJson, long expectedId) {
    VectorRow row;
    try {
      row = VectorFiles.parse(rowJson, "node", (int) expectedId + 1);
    } catch (VectorFormatException e) {
      return "case "
          + expectedId
          + ": node gave no row: "
          + e.getMessage()
          + " "
          + shortened(rowJson);
    }
    if (row.id() != expectedId) {
      return "case " + expectedId + ": node answered case " + row.id();
    }
    VectorCheck.Outcome outcome = VectorCheck.check(row, ENGINE);
    return outcome.passed() ? null : "case " + expectedId + ": " + outcome.describe();
  }

  /** How many rows reached the hard parts, read from the hardened bytes node computed. */
  static String coverage(List<String> rows) {
    int finalSigma = 0;
    int replacement = 0;
    int supplementary = 0;
    int undefinedSuffix = 0;
    int longKey = 0;
    for (String row : rows) {
      int at = row.indexOf("\"hardenedPhraseHex\":\"");
      if (at < 0) {
        continue;
      }
      at += "\"hardenedPhraseHex\":\"".length();
      String hex = row.substring(at, row.indexOf('"', at));
      boolean sigma = false;
      boolean fffd = false;
      boolean four = false;
      for (int i = 0; i + 1 < hex.length(); i += 2) {
        sigma |= hex.startsWith("cf82", i);
        fffd |= hex.startsWith("efbfbd", i);
        four |= hex.charAt(i) == 'f' && hex.charAt(i + 1) <= '4';
      }
      finalSigma += sigma ? 1 : 0;
      replacement += fffd ? 1 : 0;
      supplementary += four ? 1 : 0;
      undefinedSuffix += row.contains("undefined\",\"hardenedPhraseHex\"") ? 1 : 0;
      longKey += hex.length() > 128 ? 1 : 0;
    }
    return String.format(
        "hardened phrases with: final sigma %d, U+FFFD (lone surrogate) %d, a supplementary "
            + "character %d, 'undefined' as last suffix part %d, more than 64 bytes (HMAC key hashed) %d",
        finalSigma, replacement, supplementary, undefinedSuffix, longKey);
  }

  private static String shortened(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
