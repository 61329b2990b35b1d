package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.output.XServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive {@code mint rekey} with a clipboard (a real X server, {@link XServer}) on a real
 * pseudo-terminal ({@link PtyTerminal}): a site's current password goes on the clipboard first, its
 * new one after Enter, and neither is ever written to the terminal (docs/THREAT_MODEL.md, C46);
 * Ctrl-C at the Enter prompt leaves the rotation as {@code mint rekey status} tells it (C47).
 */
class RekeyWalkClipboardIT {
  @RegisterExtension static final XServer X = XServer.forEachClass();

  private static final String OLD = "correct horse battery staple";
  private static final String NEW = "tulip anchor velvet orbit";
  private static final String ENTER = "Enter for the new one ";
  private static final String QUESTION =
      "changed on the site? d = done, s = skip for now, q = stop: ";

  @TempDir Path dir;
  private Map<String, String> env;

  @BeforeEach
  void aRotationOfTwoSites() {
    Map<String, String> sites =
        Map.of("MINT_SITES", dir.resolve("config/mint/sites.json").toString());
    env = new HashMap<>(sites);
    env.putAll(X.env(dir.resolve("runtime")));
    for (String site : List.of("github.com", "wikipedia.org")) {
      CliRun set = CliRun.run(new byte[0], sites, "site", "set", site);
      assertEquals(0, set.exitCode(), set.err());
    }
    CliRun start = withBothPhrases("rekey", "start", "--phrase-stdin", "--new-phrase-fd", "4");
    assertTrue(start.err().contains("rotation started: 2 sites"), start.err());
  }

  /** {@code mint ARGS} in this JVM, no display, the phrases on stdin and descriptor 4. */
  private CliRun withBothPhrases(String... args) {
    CliRun run =
        CliRun.run(
            new ByteArrayInputStream((OLD + "\n").getBytes(StandardCharsets.UTF_8)),
            name -> name.equals("MINT_SITES") ? env.get(name) : null,
            fd -> new ByteArrayInputStream((NEW + "\n").getBytes(StandardCharsets.UTF_8)),
            args);
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  private List<String> pair(String site) {
    return withBothPhrases(
            "rekey", "show", site, "--phrase-stdin", "--new-phrase-fd", "4", "--quiet")
        .out()
        .lines()
        .toList();
  }

  @Test
  void theCurrentPasswordThenAfterEnterTheNewOneGoOnTheClipboardAndNeverOnTheTerminal()
      throws Exception {
    List<String> github = pair("github.com");
    List<String> wikipedia = pair("wikipedia.org");
    String command = "stty rows 30 cols 100; " + PtyTerminal.jarCommand("rekey");
    try (PtyTerminal t = new PtyTerminal(command, env)) {
      t.waitFor("Master phrase: ", 1).type(OLD + "\r");
      t.waitFor("New master phrase: ", 1).type(NEW + "\r");
      t.waitFor("New master phrase again: ", 1).type(NEW + "\r");
      t.waitFor(ENTER, 1);
      assertEquals(github.get(0), X.read(), "the current password first");
      t.type("\r").waitFor(QUESTION, 1);
      assertEquals(github.get(1), X.read(), "the new one after Enter");
      t.type("d\r").waitFor("github.com: moved to the new phrase (1 of 2)", 1);
      t.waitFor(ENTER, 2);
      assertEquals(wikipedia.get(0), X.read());
      t.type("\u0003");
      assertEquals(130, t.exit(), PtyTerminal.visible(t.text()));
      for (String password : List.of(github.get(0), github.get(1), wikipedia.get(0))) {
        assertFalse(t.text().contains(password), "on the terminal: " + t.text());
      }
    } finally {
      XServer.endHelper(dir.resolve("runtime"));
    }
    String status = withBothPhrases("rekey", "status").out();
    assertTrue(status.contains("moved 1 of 2 sites"), status);
    assertTrue(status.contains("  wikipedia.org\n"), status);
  }
}
