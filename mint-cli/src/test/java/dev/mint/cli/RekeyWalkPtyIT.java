package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive {@code mint rekey} on a real pseudo-terminal ({@link PtyTerminal}), as a person
 * walks a rotation: the phrases typed at the prompts, each site's two passwords shown, the question
 * answered. Ctrl-C at every step leaves a rotation that {@code mint rekey status} and the file
 * describe truly and that the next walk resumes (docs/THREAT_MODEL.md, C47); the passwords shown
 * are the script form's ({@code rekey show}), and neither stays on the screen or in its scrollback:
 * the transcript, played on a model of the terminal ({@link ScreenModel}), shows them nowhere once
 * erased (C46), while the raw bytes prove they were written.
 */
class RekeyWalkPtyIT {
  private static final String OLD = "correct horse battery staple";
  private static final String NEW = "tulip anchor velvet orbit";
  private static final int ROWS = 30;
  private static final int COLUMNS = 100;
  private static final String QUESTION =
      "changed on the site? d = done, s = skip for now, q = stop: ";

  @TempDir Path dir;
  private Path sites;
  private Map<String, String> env;

  @BeforeEach
  void aRotationOfThreeSites() throws Exception {
    sites = dir.resolve("config/mint/sites.json");
    env = Map.of("MINT_SITES", sites.toString());
    cli("site", "set", "github.com");
    cli("site", "set", "example.org", "--account", "alice");
    cli("site", "set", "wikipedia.org", "--length", "20");
    try (PtyTerminal t = terminal("rekey", "start")) {
      typePhrases(t);
      assertEquals(0, t.exit(), PtyTerminal.visible(t.text()));
      assertTrue(t.text().contains("rotation started: 3 sites to move"), t.text());
    }
  }

  private CliRun cli(String... args) {
    CliRun run = CliRun.run((OLD + "\n").getBytes(StandardCharsets.UTF_8), env, args);
    assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
    return run;
  }

  private PtyTerminal terminal(String... args) throws IOException {
    return new PtyTerminal(
        "stty rows " + ROWS + " cols " + COLUMNS + "; " + PtyTerminal.jarCommand(args), env);
  }

  /** The current phrase, then the new one twice, each at its prompt. */
  private static void typePhrases(PtyTerminal t) throws IOException {
    t.waitForNext("Master phrase: ").type(OLD + "\r");
    t.waitForNext("New master phrase: ").type(NEW + "\r");
    t.waitForNext("New master phrase again: ").type(NEW + "\r");
  }

  /** What {@code mint rekey status} prints. */
  private String status() {
    return cli("rekey", "status").out();
  }

  /** The script form's pair of passwords for {@code site}: the current one, the new one. */
  private List<String> show(String... site) {
    String[] args = new String[site.length + 6];
    args[0] = "rekey";
    args[1] = "show";
    System.arraycopy(site, 0, args, 2, site.length);
    args[site.length + 2] = "--phrase-stdin";
    args[site.length + 3] = "--new-phrase-fd";
    args[site.length + 4] = "4";
    args[site.length + 5] = "--quiet";
    CliRun run =
        CliRun.run(
            new ByteArrayInputStream((OLD + "\n").getBytes(StandardCharsets.UTF_8)),
            env::get,
            fd -> new ByteArrayInputStream((NEW + "\n").getBytes(StandardCharsets.UTF_8)),
            args);
    assertEquals(0, run.exitCode(), run.err());
    return run.out().lines().toList();
  }

  private byte[] file() throws IOException {
    return Files.readAllBytes(sites);
  }

  /** Ctrl-C; the JVM ends with SIGINT's status, 130. */
  private static void ctrlC(PtyTerminal t) throws Exception {
    t.type("\u0003");
    assertEquals(130, t.exit(), PtyTerminal.visible(t.text()));
  }

  /** Whatever the terminal shows, scrollback included, once the transcript has played. */
  private static String readable(PtyTerminal t) {
    return ScreenModel.of(t.text(), ROWS, COLUMNS).everything();
  }

  /**
   * Both passwords were written to the terminal, and neither can be read there any more; neither
   * phrase typed was ever echoed.
   */
  private static void shownThenErased(PtyTerminal t, List<String> pair) {
    for (String phrase : List.of(OLD, NEW)) {
      assertFalse(t.text().contains(phrase), "phrase echoed: " + PtyTerminal.visible(t.text()));
    }
    String readable = readable(t);
    for (String password : pair) {
      assertTrue(t.text().contains(password), "never shown: " + PtyTerminal.visible(t.text()));
      assertFalse(readable.contains(password), "left on the screen:\n" + readable);
    }
  }

  @Test
  void ctrlCAtEveryStepLeavesARotationThatStatusTellsTrulyAndTheWalkResumes() throws Exception {
    byte[] started = file();
    String none = "moved 0 of 3 sites";

    // at the current phrase's prompt, then at the new phrase's: nothing changes
    try (PtyTerminal t = terminal("rekey")) {
      t.waitFor("Master phrase: ", 1);
      ctrlC(t);
    }
    assertArrayEquals(started, file());
    assertTrue(status().contains(none), status());
    try (PtyTerminal t = terminal("rekey")) {
      t.waitFor("Master phrase: ", 1).type(OLD + "\r");
      t.waitFor("New master phrase: ", 1);
      ctrlC(t);
    }
    assertArrayEquals(started, file());
    assertTrue(status().contains(none), status());
    try (PtyTerminal t = terminal("rekey")) {
      t.waitFor("Master phrase: ", 1).type(OLD + "\r");
      t.waitFor("New master phrase: ", 1).type(NEW + "\r");
      t.waitFor("New master phrase again: ", 1);
      ctrlC(t);
      assertFalse(t.text().contains(OLD) || t.text().contains(NEW), t.text());
    }
    assertArrayEquals(started, file());
    assertTrue(status().contains(none), status());

    // at the first site's question, its two passwords on the screen: erased, nothing moved
    List<String> github = show("github.com");
    try (PtyTerminal t = terminal("rekey")) {
      typePhrases(t);
      t.waitFor(QUESTION, 1);
      assertTrue(t.text().contains("[1/3] github.com (0 of 3 moved)"), t.text());
      ctrlC(t);
      shownThenErased(t, github);
    }
    String status = status();
    assertTrue(status.contains(none), status);
    assertTrue(status.contains("  github.com\n"), status);

    // github.com done, then Ctrl-C at the second site's question: one moved, the others listed
    List<String> example = show("example.org", "--account", "alice");
    try (PtyTerminal t = terminal("rekey")) {
      typePhrases(t);
      t.waitFor(QUESTION, 1).type("d\r");
      t.waitFor("github.com: moved to the new phrase (1 of 3)", 1);
      t.waitFor(QUESTION, 2);
      ctrlC(t);
      shownThenErased(t, github);
      shownThenErased(t, example);
    }
    status = status();
    assertTrue(status.contains("moved 1 of 3 sites"), status);
    assertFalse(status.contains("  github.com\n"), status);
    assertTrue(status.contains("example.org"), status);
    assertTrue(status.contains("  wikipedia.org\n"), status);

    // the walk resumes with the two left: a word that is no answer asks again, skip, then done
    List<String> wikipedia = show("wikipedia.org");
    try (PtyTerminal t = terminal("rekey")) {
      typePhrases(t);
      t.waitFor(QUESTION, 1);
      assertTrue(t.text().contains("[1/2] example.org"), t.text());
      t.type("maybe\r").waitFor(QUESTION, 2).type("s\r");
      t.waitFor("skipped for now, still on the current phrase", 1);
      t.waitFor(QUESTION, 3).type("d\r");
      t.waitFor("2 of 3 sites moved", 1);
      assertEquals(0, t.exit(), PtyTerminal.visible(t.text()));
      shownThenErased(t, example);
      shownThenErased(t, wikipedia);
      assertTrue(readable(t).contains("wikipedia.org: moved to the new phrase (2 of 3)"));
    }
    status = status();
    assertTrue(status.contains("moved 2 of 3 sites"), status);
    assertTrue(status.contains("example.org"), status);
    assertFalse(status.contains("  wikipedia.org\n"), status);

    // Ctrl-D at the question stops as q does: nothing more moved
    byte[] before = file();
    try (PtyTerminal t = terminal("rekey")) {
      typePhrases(t);
      t.waitFor(QUESTION, 1).type("\u0004");
      t.waitFor("not moved; stopped", 1);
      assertEquals(0, t.exit(), PtyTerminal.visible(t.text()));
      shownThenErased(t, example);
    }
    assertArrayEquals(before, file());
  }

  /** A wrong current phrase is refused before any site, and the file is left as it was. */
  @Test
  void aWrongPhraseIsRefusedBeforeAnySite() throws Exception {
    byte[] started = file();
    try (PtyTerminal t = terminal("rekey")) {
      t.waitFor("Master phrase: ", 1).type("correct horse battery stapler\r");
      assertEquals(3, t.exit(), PtyTerminal.visible(t.text()));
      assertTrue(t.text().contains("phrase check mismatch"), t.text());
      assertFalse(t.text().contains("[1/3]"), t.text());
    }
    assertArrayEquals(started, file());
  }

  /** Without a terminal, the walk refuses (exit 2) and names the script form. */
  @Test
  void withoutATerminalTheWalkNamesTheScriptForm() {
    CliRun run = CliRun.run((OLD + "\n").getBytes(StandardCharsets.UTF_8), env, "rekey");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("mint rekey show SITE"), run.err());
  }
}
