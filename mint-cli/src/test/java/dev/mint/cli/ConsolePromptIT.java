package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.PhraseCheck;
import dev.mint.Revision;
import dev.mint.testing.JarProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console prompt, on a real pseudo-terminal: util-linux {@code script} runs the jar with a pty
 * as its standard input and output, as a person's terminal would. What the person types is sent
 * only once the prompt shows (Java turns echo off before printing it), and the screen is then
 * checked: the phrase must not be on it, the password must.
 */
class ConsolePromptIT {
  private static final Path SCRIPT = Path.of("/usr/bin/script");
  private static final String PHRASE = MintCliTest.MARKER;
  private static final String CTRL_C = "\u0003";

  /** The jar under {@code script}; the phrase is typed after each prompt; returns the screen. */
  private static Screen type(String[] lines, String... args) throws Exception {
    return typeThen("", lines, args);
  }

  /**
   * {@link #type}, with {@code then} (shell words, as they are) after the command: a redirection of
   * its standard output, or a command run after it.
   */
  private static Screen typeThen(String then, String[] lines, String... args) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    StringBuilder command = new StringBuilder();
    // the shell ignores Ctrl-C, so it runs what follows mint; mint gets SIGINT's default back
    command
        .append("trap '' INT; ")
        .append(Sigint.RESTORE)
        .append(' ')
        .append(JarProcess.shellCommand(List.of(args)))
        .append(then);
    ProcessBuilder builder =
        new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", command.toString(), "/dev/null")
            .redirectErrorStream(true);
    JarProcess.isolate(builder.environment());
    Process process = builder.start();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (OutputStream keyboard = process.getOutputStream()) {
      InputStream terminal = process.getInputStream();
      int prompts = 0;
      for (String line : lines) {
        prompts++;
        waitFor(terminal, screen, "Master phrase", prompts);
        // Ctrl-C alone: an Enter after it would reach whatever reads the terminal next
        keyboard.write((line.equals(CTRL_C) ? line : line + "\r").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
      }
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("mint did not finish; screen: " + screen);
      }
      terminal.transferTo(screen);
    }
    return new Screen(process.exitValue(), screen.toString(StandardCharsets.UTF_8));
  }

  /** Reads the terminal until {@code word} has appeared {@code times} times. */
  private static void waitFor(
      InputStream terminal, ByteArrayOutputStream screen, String word, int times)
      throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (count(screen.toString(StandardCharsets.UTF_8), word) < times) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no prompt; screen: " + screen);
      }
      int b = terminal.read();
      if (b < 0) {
        throw new AssertionError("mint ended before its prompt; screen: " + screen);
      }
      screen.write(b);
    }
  }

  private static int count(String text, String word) {
    int n = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      n++;
    }
    return n;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private record Screen(int exitCode, String text) {}

  private static String expectedPassword() {
    MintRequest request = MintRequest.builder("github.com").revision(Revision.R3).build();
    try (Password password = Mint.derive(request, PHRASE.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  @Test
  void promptsWithoutEchoAndPrintsThePassword() throws Exception {
    Screen screen = type(new String[] {PHRASE}, "--quiet", "github.com");
    assertEquals(0, screen.exitCode(), screen.text());
    assertTrue(screen.text().startsWith("Master phrase: "), screen.text());
    assertFalse(screen.text().contains(PHRASE), "the phrase was echoed: " + screen.text());
    assertTrue(screen.text().contains(expectedPassword() + "\r\n"), screen.text());
  }

  @Test
  void aTypedPhraseGetsItsCheckOnStderrAfterThePassword() throws Exception {
    Screen screen = type(new String[] {PHRASE}, "github.com");
    assertEquals(0, screen.exitCode(), screen.text());
    String check = "phrase check: " + PhraseCheck.of(PHRASE.toCharArray()) + "\r\n";
    int password = screen.text().indexOf(expectedPassword() + "\r\n");
    assertTrue(password >= 0, screen.text());
    assertTrue(screen.text().indexOf(check) > password, screen.text());
    assertFalse(screen.text().contains(PHRASE), screen.text());

    Screen quiet = type(new String[] {PHRASE}, "--quiet", "github.com");
    assertFalse(quiet.text().contains("phrase check"), quiet.text());
  }

  @Test
  void checkAsksOnTheConsoleAndPrintsTheCheck() throws Exception {
    Screen screen = type(new String[] {"correct horse battery staple"}, "check");
    assertEquals(0, screen.exitCode(), screen.text());
    assertTrue(screen.text().endsWith("upshot article (f40c)\r\n"), screen.text());
  }

  @Test
  void confirmRefusesAMismatchAndAcceptsAMatch() throws Exception {
    String[] threeMismatches = {PHRASE, PHRASE + "x", PHRASE, PHRASE + "y", PHRASE + "z", PHRASE};
    Screen mismatch = type(threeMismatches, "--confirm", "github.com");
    assertEquals(3, mismatch.exitCode(), mismatch.text());
    assertEquals(3, count(mismatch.text(), "Master phrase again: "), mismatch.text());
    assertTrue(
        mismatch.text().contains("mint: phrase: the two entries differ (3 tries"), mismatch.text());
    assertFalse(mismatch.text().contains(PHRASE), mismatch.text());
    assertFalse(mismatch.text().contains(expectedPassword()), mismatch.text());

    Screen match = type(new String[] {PHRASE, PHRASE}, "--confirm", "--quiet", "github.com");
    assertEquals(0, match.exitCode(), match.text());
    assertTrue(match.text().contains(expectedPassword() + "\r\n"), match.text());
    assertFalse(match.text().contains(PHRASE), match.text());
  }

  /** A mismatch asks for both entries again; the phrase typed twice alike then counts. */
  @Test
  void confirmAsksAgainAfterAMismatch() throws Exception {
    Screen screen =
        type(
            new String[] {PHRASE, PHRASE + "x", PHRASE, PHRASE},
            "--confirm",
            "--quiet",
            "github.com");
    assertEquals(0, screen.exitCode(), screen.text());
    assertTrue(
        screen.text().contains("mint: the two entries differ; type both again (2 tries left)\r\n"),
        screen.text());
    assertEquals(2, count(screen.text(), "Master phrase again: "), screen.text());
    assertTrue(screen.text().contains(expectedPassword() + "\r\n"), screen.text());
    assertFalse(screen.text().contains(PHRASE), screen.text());
  }

  /** Ctrl-C at the prompt ends its line: the shell's prompt that follows starts on its own. */
  @Test
  void ctrlCAtThePhrasePromptEndsTheLine() throws Exception {
    Screen screen = typeThen("; echo after-mint", new String[] {CTRL_C}, "github.com");
    assertTrue(screen.text().contains("Master phrase: \r\nafter-mint"), screen.text());
  }

  /**
   * Standard output redirected to a file, standard input the terminal: the phrase is asked on the
   * terminal (/dev/tty) without echo, and the password goes to the file only.
   */
  @Test
  void aRedirectedStandardOutputStillGetsThePrompt() throws Exception {
    Path out = Files.createTempFile("mint-out", ".txt");
    try {
      Screen screen =
          typeThen(" > " + quote(out.toString()), new String[] {PHRASE}, "--quiet", "github.com");
      assertEquals(0, screen.exitCode(), screen.text());
      assertTrue(screen.text().startsWith("Master phrase: "), screen.text());
      assertFalse(screen.text().contains(PHRASE), "the phrase was echoed: " + screen.text());
      assertFalse(screen.text().contains(expectedPassword()), screen.text());
      assertEquals(expectedPassword() + "\n", Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The same for batch (the case met most), check, and --confirm's second prompt. */
  @Test
  void batchAndCheckAskOnTheTerminalWhenRedirected() throws Exception {
    Path sites = Files.createTempFile("mint-sites", ".txt");
    Path out = Files.createTempFile("mint-out", ".txt");
    try {
      Files.writeString(sites, "github.com --revision r3\n");
      Screen batch =
          typeThen(
              " > " + quote(out.toString()),
              new String[] {PHRASE, PHRASE},
              "batch",
              "--confirm",
              sites.toString());
      assertEquals(0, batch.exitCode(), batch.text());
      assertFalse(batch.text().contains(PHRASE), batch.text());
      assertTrue(Files.readString(out).contains(expectedPassword()), Files.readString(out));

      Screen check =
          typeThen(
              " > " + quote(out.toString()),
              new String[] {"correct horse battery staple"},
              "check");
      assertEquals(0, check.exitCode(), check.text());
      assertEquals("upshot article (f40c)\n", Files.readString(out));
    } finally {
      Files.deleteIfExists(sites);
      Files.deleteIfExists(out);
    }
  }

  /** Ctrl-C at the terminal's prompt puts the echo back, and ends the prompt's line. */
  @Test
  void ctrlCAtTheTerminalsPromptPutsTheEchoBack() throws Exception {
    Path out = Files.createTempFile("mint-out", ".txt");
    try {
      Screen screen =
          typeThen(
              " > " + quote(out.toString()) + "; echo \"exit $?\"; stty -a",
              new String[] {CTRL_C},
              "github.com");
      assertTrue(screen.text().contains("Master phrase: \r\nexit 130"), screen.text());
      assertTrue(
          java.util.regex.Pattern.compile(
                  "(^|[^-a-z])echo( |;|\r|$)", java.util.regex.Pattern.MULTILINE)
              .matcher(screen.text().substring(screen.text().indexOf("exit 130")))
              .find(),
          "the echo is still off: " + screen.text());
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
