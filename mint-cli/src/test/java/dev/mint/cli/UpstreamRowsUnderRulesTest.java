package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mint.rules.KnownSites;
import dev.mint.vectors.VectorRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The byte-identical rule of the password rules (mint-only): every accepted upstream e2e row,
 * through the in-process CLI with the rules on (the default), prints the page's password on
 * standard output and nothing else; for a site the rules data does not know (all of them today),
 * standard error is exactly the line mint printed before the rules. One named test per row.
 */
class UpstreamRowsUnderRulesTest {
  @TestFactory
  Stream<DynamicTest> everyUpstreamRowPrintsWhatItPrintedBeforeTheRules() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String revision : List.of("r1", "r2", "r3")) {
      for (VectorRow row : CliRows.e2eRows(revision, -1)) {
        tests.add(DynamicTest.dynamicTest(revision + " " + row.id(), () -> check(revision, row)));
      }
    }
    return tests.stream();
  }

  private static void check(String revision, VectorRow row) {
    CliRun run =
        CliRun.run(CliRows.stdin(row), Map.of(), CliRows.deriveArgs(row).toArray(String[]::new));
    boolean known = KnownSites.bundled().rules(row.input().site()).isPresent();
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(row.password() + "\n", run.out()),
        () -> {
          if (!known) {
            assertEquals(
                "normalized site: " + row.normalizedSite() + " (revision " + revision + ")\n",
                run.err());
          }
        });
  }
}
