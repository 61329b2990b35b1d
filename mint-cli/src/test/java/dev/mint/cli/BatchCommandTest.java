package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.MintRequest;
import dev.mint.cli.io.Io;
import dev.mint.rules.KnownSites;
import dev.mint.vectors.VectorRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mint batch} in-process; BatchIT runs it as a real process against the vectors. */
class BatchCommandTest {
  private static final String PHRASE = MintCliTest.MARKER;

  @TempDir Path dir;

  private CliRun batch(String sites, String... args) throws Exception {
    Path file = Files.writeString(dir.resolve("sites.txt"), sites);
    List<String> all = new ArrayList<>(List.of("batch", file.toString(), "--phrase-stdin"));
    all.addAll(List.of(args));
    return CliRun.withStdin(PHRASE + "\n", all.toArray(String[]::new));
  }

  @Test
  void onePasswordPerSiteInInputOrderBadLinesNumberedExit3() throws Exception {
    CliRun run =
        batch(
            String.join(
                "\n",
                "# my sites",
                "github.com",
                "",
                "   # indented comment",
                "example.org --length 20 --no-symbols",
                "bad.example --length 5",
                "'my bank' --site-version 2",
                "bad.example " + PHRASE,
                "gitlab.com --revision r1"));
    String expected =
        "github.com\t"
            + SessionCommandTest.derive(MintRequest.builder("github.com").build())
            + "\nexample.org\t"
            + SessionCommandTest.derive(
                MintRequest.builder("example.org").length(20).symbols(false).build())
            + "\nmy bank\t"
            + SessionCommandTest.derive(MintRequest.builder("my bank").version("2").build())
            + "\ngitlab.com\t"
            + SessionCommandTest.derive(
                MintRequest.builder("gitlab.com").revision(dev.mint.Revision.R1).build())
            + "\n";
    assertAll(
        () -> assertEquals(3, run.exitCode(), run.err()),
        () -> assertEquals(expected, run.out()),
        () -> assertTrue(run.err().startsWith("mint: line 6: length:"), run.err()),
        () ->
            assertTrue(
                run.err().contains("\nmint: line 8: 3 unexpected arguments, not shown"), run.err()),
        () -> assertFalse(run.err().contains("Marker"), run.err()));
  }

  @Test
  void allGoodLinesExit0AndOneThreadGivesTheSame() throws Exception {
    CliRun two = batch("a.example\nb.example\nc.example\n", "--threads", "2");
    CliRun one = batch("a.example\nb.example\nc.example\n", "--threads", "1");
    assertAll(
        () -> assertEquals(0, two.exitCode(), two.err()),
        () -> assertEquals(3, two.out().split("\n").length),
        () -> assertEquals(two.out(), one.out()),
        () -> assertEquals("", two.err()));
  }

  @Test
  void sitesFromStandardInputAfterThePhraseLine() {
    CliRun run = CliRun.withStdin(PHRASE + "\ngithub.com\n", "batch", "--phrase-stdin");
    assertEquals(
        "github.com\t"
            + SessionCommandTest.derive(MintRequest.builder("github.com").build())
            + "\n",
        run.out());
  }

  @Test
  void refusesATerminalWithoutToTerminal() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Io terminal =
        Io.of(
            new ByteArrayInputStream((PHRASE + "\ngithub.com\n").getBytes(StandardCharsets.UTF_8)),
            out,
            new PrintWriter(err, true),
            name -> null,
            () -> null,
            false,
            true);
    int refused = MintCli.run(terminal, "batch", "--phrase-stdin");
    assertEquals(2, refused);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString().contains("--to-terminal"), err.toString());

    int allowed = MintCli.run(terminal, "batch", "--phrase-stdin", "--to-terminal");
    assertEquals(0, allowed, err.toString());
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("github.com\t"));
  }

  @Test
  void aMissingFileIsAnIoErrorBeforeThePhraseIsRead() {
    CliRun run =
        CliRun.withStdin(PHRASE + "\n", "batch", dir.resolve("nope").toString(), "--phrase-stdin");
    assertEquals(4, run.exitCode());
    assertTrue(run.err().endsWith("nope: no such file\n"), run.err());
  }

  /**
   * Every upstream e2e row a batch line can express, through the real command line in this JVM, one
   * batch per phrase (rows of all three revisions with one phrase share a batch: a line carries
   * --revision): the page's password, in input order. BatchIT does some through the jar.
   */
  /**
   * The first column of a row: the site with each control or Unicode format character as {@code ?}
   * (a row of the page's vectors starts with a vertical tab, which the page trims).
   */
  static String shown(String site) {
    StringBuilder s = new StringBuilder();
    site.codePoints()
        .forEach(
            c ->
                s.appendCodePoint(
                    Character.isISOControl(c)
                            || c == 0x2028
                            || c == 0x2029
                            || Character.getType(c) == Character.FORMAT
                        ? '?'
                        : c));
    return s.toString();
  }

  @Test
  void everyExpressibleUpstreamRowGivesThePagesPassword() throws Exception {
    Map<String, List<VectorRow>> byPhrase = new LinkedHashMap<>();
    int rows = 0;
    for (String revision : List.of("r1", "r2", "r3")) {
      for (VectorRow row : CliRows.e2eRows(revision, -1)) {
        if (BatchLines.expressible(row)) {
          byPhrase.computeIfAbsent(row.input().phrase(), p -> new ArrayList<>()).add(row);
          rows++;
        }
      }
    }
    assertTrue(rows >= 240, "rows: " + rows); // 240 of the 345 the page accepted (2026-11)
    for (Map.Entry<String, List<VectorRow>> group : byPhrase.entrySet()) {
      StringBuilder lines = new StringBuilder();
      StringBuilder expected = new StringBuilder();
      for (VectorRow row : group.getValue()) {
        lines.append(BatchLines.line(row)).append('\n');
        expected.append(shown(row.input().site())).append('\t').append(row.password()).append('\n');
      }
      Path file = Files.writeString(dir.resolve("rows.txt"), lines);
      CliRun run =
          CliRun.run(
              (group.getKey() + "\n").getBytes(StandardCharsets.UTF_8),
              Map.of(),
              "batch",
              file.toString(),
              "--phrase-stdin");
      String ids =
          group.getValue().stream().map(r -> r.revision() + "#" + r.id()).toList().toString();
      assertEquals(0, run.exitCode(), ids + ": " + run.err());
      assertEquals(expected.toString(), run.out(), ids);
      // with the password rules (on by default), a batch of sites the data does not know says
      // exactly what it said before the rules: nothing
      if (group.getValue().stream()
          .noneMatch(r -> KnownSites.bundled().rules(r.input().site()).isPresent())) {
        assertEquals("", run.err(), ids);
      }
    }
  }

  /** Every expressible row the page refused (or the port refuses by design): exit 3, no output. */
  @Test
  void everyExpressibleRefusedRowIsRefused() throws Exception {
    for (String revision : List.of("r1", "r2", "r3")) {
      for (VectorRow row : CliRows.e2eRows(revision, -1, false)) {
        if (!BatchLines.expressible(row)) {
          continue;
        }
        Path file = Files.writeString(dir.resolve("row.txt"), BatchLines.line(row) + "\n");
        CliRun run =
            CliRun.run(
                (row.input().phrase() + "\n").getBytes(StandardCharsets.UTF_8),
                Map.of(),
                "batch",
                file.toString(),
                "--phrase-stdin");
        String id = revision + "#" + row.id();
        assertEquals(3, run.exitCode(), id + ": " + run.err());
        assertEquals("", run.out(), id);
      }
    }
  }

  /**
   * A batch line that says --save would rewrite a stored entry from a file anyone may have written,
   * with one line of notice. It is refused; the file stays as it was and the other lines are still
   * printed.
   */
  @Test
  void aLineWithSaveIsRefusedAndTheFileKept() throws Exception {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString());
    assertEquals(
        0, CliRun.run(new byte[0], env, "site", "set", "github.com", "--length", "20").exitCode());
    Path sites = dir.resolve("config/mint/sites.json");
    byte[] before = Files.readAllBytes(sites);
    Path file =
        Files.writeString(
            dir.resolve("sites.txt"), "github.com --length 12 --no-symbols --save\nb.example\n");
    CliRun run =
        CliRun.run(
            (PHRASE + "\n").getBytes(StandardCharsets.UTF_8),
            env,
            "batch",
            file.toString(),
            "--phrase-stdin");
    assertAll(
        () -> assertEquals(3, run.exitCode(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: line 1: --save is refused"), run.err()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () ->
            assertEquals(
                "b.example\t"
                    + SessionCommandTest.derive(MintRequest.builder("b.example").build())
                    + "\n",
                run.out()),
        () -> assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(sites)));
  }

  /** Stored profiles reach batch lines and session lines, as they reach derive; --all. */
  @Test
  void storedProfilesAndAll() throws Exception {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString());
    byte[] none = new byte[0];
    assertEquals(
        0,
        CliRun.run(none, env, "site", "set", "github.com", "--length", "20", "--no-symbols")
            .exitCode());
    assertEquals(
        0,
        CliRun.run(
                none, env, "site", "set", "example.org", "--account", "work", "--site-version", "3")
            .exitCode());
    assertEquals(
        0, CliRun.run(none, env, "site", "set", "example.org", "--account", "home").exitCode());
    byte[] phrase = (PHRASE + "\n").getBytes(StandardCharsets.UTF_8);
    String github = CliRun.run(phrase, env, "--phrase-stdin", "-q", "www.github.com").out();
    String work =
        CliRun.run(phrase, env, "--phrase-stdin", "-q", "--account", "work", "example.org").out();
    String home =
        CliRun.run(phrase, env, "--phrase-stdin", "-q", "--account", "home", "example.org").out();
    assertEquals(
        github,
        CliRun.run(
                phrase,
                env,
                "--phrase-stdin",
                "-q",
                "--no-profile",
                "--length",
                "20",
                "--no-symbols",
                "github.com")
            .out());
    assertTrue(github.length() > 20 && !work.equals(home));

    CliRun listed = CliRun.run(phrase, env, "batch", "--all", "--phrase-stdin");
    assertEquals(0, listed.exitCode(), listed.err());
    assertEquals(
        "github.com\t"
            + github
            + "example.org (account work)\t"
            + work
            + "example.org (account home)\t"
            + home,
        listed.out());

    byte[] lines =
        (PHRASE
                + "\nwww.github.com\nexample.org\nexample.org --account home\n"
                + "github.com --no-profile\n")
            .getBytes(StandardCharsets.UTF_8);
    CliRun batch = CliRun.run(lines, env, "batch", "--phrase-stdin");
    assertEquals(3, batch.exitCode(), batch.err());
    assertEquals(
        "www.github.com\t"
            + github
            + "example.org (account home)\t"
            + home
            + "github.com\t"
            + SessionCommandTest.derive(MintRequest.builder("github.com").build())
            + "\n",
        batch.out());
    assertTrue(
        batch
            .err()
            .startsWith(
                "mint: line 1: github.com's stored entry weakens its password: no symbols (from"
                    + " sites.json)\nmint: line 2: the site matches 2 entries"),
        batch.err());

    CliRun session = CliRun.run(lines, env, "session", "--phrase-stdin");
    assertEquals(
        github + home + SessionCommandTest.derive(MintRequest.builder("github.com").build()) + "\n",
        session.out());
    assertTrue(
        session
            .err()
            .startsWith(
                "github (r3): length 20, no symbols (from sites.json)\n"
                    + "mint: the site matches 2 entries"),
        session.err());

    CliRun both = CliRun.run(phrase, env, "batch", "--all", "sites.txt", "--phrase-stdin");
    assertEquals(2, both.exitCode(), both.err());
  }

  @Test
  void allWithoutASitesFileIsAnIoError() {
    CliRun run =
        CliRun.run(
            (PHRASE + "\n").getBytes(StandardCharsets.UTF_8),
            Map.of("XDG_CONFIG_HOME", dir.resolve("empty").toString()),
            "batch",
            "--all",
            "--phrase-stdin");
    assertEquals(4, run.exitCode(), run.err());
    assertTrue(run.err().contains("no sites file"), run.err());
  }

  /** The rows of a batch with {@code phrase} and {@code lines}, with more arguments. */
  private CliRun batchWith(String phrase, String lines, String... args) throws Exception {
    Path file = Files.writeString(dir.resolve("rules.txt"), lines);
    List<String> all = new ArrayList<>(List.of("batch", file.toString(), "--phrase-stdin"));
    all.addAll(List.of(args));
    return CliRun.run(
        (phrase + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of("MINT_SITES", dir.resolve("sites.json").toString()),
        all.toArray(String[]::new));
  }

  /**
   * In batch, a row whose password breaks its site's known rules gets derive's lines (the broken
   * rules, the complying version and its command) after 'mint: line N: ', on the printing thread in
   * input order; the password is still printed, stdout as without the rules.
   */
  @Test
  void aRowThatBreaksItsSitesRulesGetsDerivesLinesNumberedAndIsStillPrinted() throws Exception {
    String phrase = SiteRulesCliTest.breakingPhrase();
    String bofa = SiteRulesCliTest.BOFA;
    String lines = "github.com\n# a comment\n" + bofa + "\na.example\n";
    CliRun run = batchWith(phrase, lines, "--threads", "2");
    CliRun off = batchWith(phrase, lines, "--no-rules");
    CliRun derive =
        CliRun.run(
            (phrase + "\n").getBytes(StandardCharsets.UTF_8),
            Map.of("MINT_SITES", dir.resolve("sites.json").toString()),
            "--phrase-stdin",
            "-q",
            bofa);
    String expectedErr =
        derive
            .err()
            .lines()
            .map(l -> l.replaceFirst("^mint: ", "mint: line 3: ") + "\n")
            .reduce("", String::concat);
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(off.out(), run.out()),
        () -> assertEquals(3, run.out().lines().count(), run.out()),
        () -> assertTrue(run.out().contains(bofa + "\t" + derive.out()), run.out()),
        () ->
            assertTrue(expectedErr.startsWith("mint: line 3: this password breaks"), derive.err()),
        () -> assertEquals(expectedErr, run.err()),
        () -> assertEquals("", off.err()));
    CliRun lineOff = batchWith(phrase, bofa + " --no-rules\n");
    assertEquals("", lineOff.err());
    assertEquals(0, lineOff.exitCode());
  }

  @Test
  void strictWithholdsTheRowsThatBreakTheRulesAndExits7() throws Exception {
    String phrase = SiteRulesCliTest.breakingPhrase();
    String bofa = SiteRulesCliTest.BOFA;
    CliRun run = batchWith(phrase, "github.com\n" + bofa + "\na.example\n", "--strict");
    assertAll(
        () -> assertEquals(7, run.exitCode(), run.err()),
        () -> assertEquals(2, run.out().lines().count(), run.out()),
        () -> assertFalse(run.out().contains(bofa), run.out()),
        () ->
            assertTrue(
                run.err()
                    .endsWith(
                        "mint: line 2: --strict: not printing a password "
                            + bofa
                            + "'s rules refuse\n"),
                run.err()));
    // a refused line as well: the input is what must be fixed first
    CliRun both =
        batchWith(phrase, "github.com --length 5\n" + bofa + "\n", "--strict", "--threads", "1");
    assertEquals(3, both.exitCode(), both.err());
    assertEquals("", both.out());
  }

  /**
   * A line over 8,192 characters is a bad line like any other: numbered, not shown, the other rows
   * printed, exit 3; from a file and from standard input.
   */
  @ParameterizedTest(name = "[{index}] from standard input: {0}")
  @ValueSource(booleans = {false, true})
  void aLineOverTheLimitIsNumberedAndTheOtherRowsArePrinted(boolean fromStdin) throws Exception {
    String sites = "github.com\n" + "a".repeat(8193) + "\nexample.org\n";
    CliRun run =
        fromStdin
            ? CliRun.withStdin(PHRASE + "\n" + sites, "batch", "--phrase-stdin")
            : batch(sites);
    assertAll(
        () -> assertEquals(3, run.exitCode(), run.err()),
        () ->
            assertEquals(
                "github.com\t"
                    + SessionCommandTest.derive(MintRequest.builder("github.com").build())
                    + "\nexample.org\t"
                    + SessionCommandTest.derive(MintRequest.builder("example.org").build())
                    + "\n",
                run.out()),
        () -> assertEquals("mint: line 2: longer than 8192 characters (not shown)\n", run.err()));
  }
}
