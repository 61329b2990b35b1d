package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.testing.JarProcess;
import dev.mint.vectors.VectorRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar run as its own process: phrase on stdin, exact stdout, stderr, exit codes.
 *
 * <p>{@code -Dmint.cli.e2eRows=N} sets how many e2e rows of each revision are run, of those the
 * port accepts and of those it refuses (default 4 and 2; {@code all} for every one).
 */
class MintJarIT {
  private static final String MARKER = MintCliTest.MARKER;

  @TempDir Path dir;

  private static int rowsPerRevision(int byDefault) {
    String n = System.getProperty("mint.cli.e2eRows", "");
    return n.equals("all") ? -1 : n.isEmpty() ? byDefault : Integer.parseInt(n);
  }

  /** What a test checks of the jar's run on one e2e row of {@code revision}. */
  private interface RowCheck {
    void check(String revision, VectorRow row, JarProcess run) throws Throwable;
  }

  /**
   * One test a row, for {@code rows} (or -Dmint.cli.e2eRows) e2e rows of every revision that the
   * port accepts or, unless {@code accepted}, refuses: the jar derives the row, then {@code check}.
   */
  private static Stream<DynamicTest> eachE2eRow(int rows, boolean accepted, RowCheck check)
      throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String revision : List.of("r1", "r2", "r3")) {
      for (VectorRow row : CliRows.e2eRows(revision, rowsPerRevision(rows), accepted)) {
        tests.add(
            DynamicTest.dynamicTest(
                row.name(),
                () ->
                    check.check(
                        revision,
                        row,
                        JarProcess.run(
                            CliRows.stdin(row), Map.of(), List.of(), CliRows.deriveArgs(row)))));
      }
    }
    return tests.stream();
  }

  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicTest> printsExactlyThePagesPasswordForE2eRowsOfEveryRevision() throws Exception {
    return eachE2eRow(
        4,
        true,
        (revision, row, run) ->
            assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                () -> assertEquals(row.password() + "\n", run.out()),
                () ->
                    assertEquals(
                        "normalized site: "
                            + row.normalizedSite()
                            + " (revision "
                            + revision
                            + ")\n",
                        run.err())));
  }

  /** Rows the page refused, or that lie outside the port's domain: refused, nothing printed. */
  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicTest> refusesTheE2eRowsThePortMustRefuse() throws Exception {
    return eachE2eRow(
        2,
        false,
        (revision, row, run) ->
            assertAll(
                () -> assertEquals(3, run.exitCode(), run.err()),
                () -> assertEquals("", run.out()),
                () -> assertEquals(1, run.err().lines().count(), run.err()),
                () ->
                    assertTrue(
                        run.err().matches("mint: (site|phrase|version): [^\\n]*\\n"), run.err())));
  }

  /** Exit status, then arguments; the marker phrase is offered on stdin every time. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "2|--phrase-stdin",
        "2|--phrase-stdin --no-such-option github.com",
        "2|--phrase-stdin --revision=r0 github.com",
        "2|github.com",
        "2|--phrase=" + MARKER,
        "3|--phrase-stdin --length=70 github.com",
        "3|--phrase-stdin --site-version=0 github.com",
        "3|--phrase-stdin --no-upper --no-lower --no-digits --no-symbols github.com",
        "3|--phrase-stdin \t",
        "4|verify /nonexistent/vectors.jsonl",
      })
  void badInputGivesOneLineAndItsExitStatus(String testCase) throws Exception {
    String[] parts = testCase.split("\\|", 2);
    JarProcess run = JarProcess.run(MARKER + "\n", parts[1].split(" "));
    assertAll(
        () -> assertEquals(Integer.parseInt(parts[0]), run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: "), run.err()),
        () -> assertFalse(run.err().contains(MARKER), run.err()));
  }

  @Test
  void stdinEdgeCasesKeepThePhraseOutOfEveryOutput() throws Exception {
    JarProcess empty = JarProcess.run("", "--phrase-stdin", "github.com");
    assertEquals(4, empty.exitCode(), empty.err());
    JarProcess blank = JarProcess.run(" \u3000 \r\n", "--phrase-stdin", "github.com");
    assertEquals(3, blank.exitCode(), blank.err());
    JarProcess tooLong = JarProcess.run(MARKER.repeat(300) + "\n", "--phrase-stdin", "github.com");
    assertEquals(3, tooLong.exitCode(), tooLong.err());
    assertFalse(tooLong.err().contains(MARKER));
    JarProcess notUtf8 =
        JarProcess.run(
            new byte[] {'a', (byte) 0xff, '\n'},
            Map.of(),
            List.of(),
            List.of("--phrase-stdin", "github.com"));
    assertEquals(3, notUtf8.exitCode(), notUtf8.err());
  }

  @Test
  void aMarkerPhraseNeverShowsInOutputOfASuccessfulRun() throws Exception {
    JarProcess run =
        JarProcess.run(
            MARKER + "\n", "--phrase-stdin", "--revision=r1", "https://www.Example.co.uk/login");
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertTrue(run.out().matches("[!-~]{16}\n"), run.out()),
        () -> assertEquals("normalized site: example.co.uk (revision r1)\n", run.err()),
        () -> assertFalse(run.out().contains(MARKER)),
        () -> assertFalse(run.err().contains(MARKER)));
    // the same phrase from the environment gives the same password
    JarProcess fromEnv =
        JarProcess.run(
            new byte[0],
            Map.of("MINT_IT_PHRASE", MARKER),
            List.of(),
            List.of(
                "-q",
                "--phrase-env",
                "MINT_IT_PHRASE",
                "--revision=r1",
                "https://www.Example.co.uk/login"));
    assertEquals(run.out(), fromEnv.out());
    assertEquals("", fromEnv.err());
  }

  /**
   * C1 in the real process (where {@code System.getenv} is the environment): a phrase in any
   * variable is not used unless named with --phrase-env.
   */
  @Test
  void theEnvironmentIsUsedOnlyWhenNamed() throws Exception {
    JarProcess run =
        JarProcess.run(
            new byte[0],
            CliSecurityControlsTest.TEMPTING_ENVIRONMENT,
            List.of(),
            List.of("github.com"));
    assertAll(
        () -> assertEquals(2, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertTrue(run.err().contains("no console"), run.err()),
        () -> assertFalse(run.err().contains(MARKER), run.err()));
  }

  @Test
  void aNonAsciiSiteUnderTheCLocaleIsRefusedNotMisread() throws Exception {
    assumeTrue(
        "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
        "this JVM must pass arguments as UTF-8");
    JarProcess run =
        JarProcess.run(
            (MARKER + "\n").getBytes(),
            Map.of("LC_ALL", "C"),
            List.of(),
            List.of("--phrase-stdin", "m\u00fcnchen.de"));
    assertEquals(3, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("mint: site: holds U+FFFD"), run.err());
    assertEquals("", run.out());
    JarProcess utf8 =
        JarProcess.run(
            (MARKER + "\n").getBytes(),
            Map.of("LC_ALL", "C.UTF-8"),
            List.of(),
            List.of("normalize", "m\u00fcnchen.de"));
    assertEquals("m\u00fcnchen\n", utf8.out());
  }

  @Test
  void deriveLoadsNoJsonClasses() throws Exception {
    Path log = dir.resolve("classes.log");
    JarProcess run =
        JarProcess.run(
            (MARKER + "\n").getBytes(),
            Map.of(),
            List.of("-Xlog:class+load=info:file=" + log),
            List.of("--phrase-stdin", "github.com"));
    assertEquals(0, run.exitCode(), run.err());
    String loaded = Files.readString(log);
    assertTrue(loaded.contains("dev.mint.cli.command.DeriveCommand "), "the log lists our classes");
    assertTrue(loaded.contains("dev.mint.Mint "), "the log lists our classes");
    assertFalse(loaded.contains("com.fasterxml."), "Jackson loaded on the derive path");
    assertFalse(loaded.contains("dev.mint.vectors."), "vector reader loaded on the derive path");
  }

  @Test
  void verifyChecksTheUpstreamStageFilesAndEndsWithTheTotal() throws Exception {
    Path up = CliRows.upstreamDir();
    JarProcess run =
        JarProcess.run(
            "",
            "verify",
            up.resolve("r1-stage.jsonl").toString(),
            up.resolve("r2-stage.jsonl").toString(),
            up.resolve("r3-stage.jsonl").toString());
    List<String> lines = run.out().lines().toList();
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(4, lines.size(), run.out()),
        () -> assertEquals(up.resolve("r2-stage.jsonl") + ": 3000 passed, 0 failed", lines.get(1)),
        () -> assertEquals("9000 passed, 0 failed", lines.get(3)),
        () -> assertEquals("", run.err()));
  }

  @Test
  void verifyExitsOneOnAFailingRow() throws Exception {
    String line =
        Files.readAllLines(CliRows.upstreamDir().resolve("r3-stage.jsonl")).stream()
            .filter(l -> l.contains("\"password\": \""))
            .findFirst()
            .orElseThrow();
    String broken = line.replaceFirst("\"password\": \"[^\"]*\"", "\"password\": \"-\"");
    Path file = dir.resolve("one.jsonl");
    Files.writeString(file, broken + "\n");
    JarProcess run = JarProcess.run("", "verify", file.toString());
    List<String> lines = run.out().lines().toList();
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(lines.get(0).startsWith("FAIL " + file + " #"), lines.get(0));
    assertTrue(lines.get(0).contains("): password: expected \"-\", got \""), lines.get(0));
    assertEquals("0 passed, 1 failed", lines.get(lines.size() - 1));
  }
}
