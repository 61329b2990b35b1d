package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.MintRequest;
import dev.mint.testing.HeapScan;
import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mint session} on a real pseudo-terminal, as a person uses it: util-linux {@code script}
 * runs the jar (or a child JVM that dumps its heap) with a pty, the test types the phrase at the
 * prompt and sites at {@code site> }, and reads the screen. The phrase must never be on it.
 */
class SessionPtyIT {
  private static final Path SCRIPT = Path.of("/usr/bin/script");
  private static final String PHRASE = MintCliTest.MARKER;

  @TempDir Path dir;

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A running {@code script} session and what its screen showed so far. */
  private static final class Terminal implements AutoCloseable {
    final Process process;
    final OutputStream keyboard;
    final InputStream screenIn;
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    Terminal(String command) throws IOException {
      assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
      process =
          new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", command, "/dev/null")
              .redirectErrorStream(true)
              .start();
      keyboard = process.getOutputStream();
      screenIn = process.getInputStream();
    }

    String text() {
      return screen.toString(StandardCharsets.UTF_8);
    }

    /** Reads until {@code word} has been on the screen {@code times} times. */
    void waitFor(String word, int times) throws IOException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (count(text(), word) < times) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no '" + word + "' x" + times + "; screen: " + text());
        }
        int b = screenIn.read();
        if (b < 0) {
          throw new AssertionError("ended before '" + word + "'; screen: " + text());
        }
        screen.write(b);
      }
    }

    void type(String keys) throws IOException {
      keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    }

    /** Types the phrase at its prompt and waits for the first {@code site> }. */
    void typePhrase() throws IOException {
      waitFor("Master phrase: ", 1);
      type(PHRASE + "\r");
      waitFor("site> ", 1);
    }

    /** At the first {@code site> }: github.com, then quit; the session ends with exit 0. */
    void githubThenQuit() throws Exception {
      type("github.com\r");
      waitFor("site> ", 2);
      type("quit\r");
      assertEquals(0, exit(), text());
    }

    int exit() throws Exception {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("did not end; screen: " + text());
      }
      screenIn.transferTo(screen);
      return process.exitValue();
    }

    @Override
    public void close() throws IOException {
      keyboard.close();
      process.destroyForcibly();
    }
  }

  private static int count(String text, String word) {
    int n = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      n++;
    }
    return n;
  }

  private static String java() {
    // SIGINT's default back: the Ctrl-C tests must end the JVM from any shell (Sigint)
    return Sigint.RESTORE
        + " "
        + quote(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        + " "
        + quote(TestHome.javaOption());
  }

  private static String jarCommand(String... args) {
    StringBuilder command =
        new StringBuilder(java()).append(" -jar ").append(quote(JarProcess.jar().toString()));
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    return command.toString();
  }

  private static String password(MintRequest request) {
    return SessionCommandTest.derive(request);
  }

  @Test
  void phraseOnceThenOnePasswordPerSiteLineAndQuit() throws Exception {
    try (Terminal t = new Terminal(jarCommand("session", "--confirm", "--quiet"))) {
      t.waitFor("Master phrase: ", 1);
      t.type(PHRASE + "\r");
      t.waitFor("Master phrase again: ", 1);
      t.type(PHRASE + "\r");
      t.waitFor("site> ", 1);
      t.type("github.com\r");
      t.waitFor("site> ", 2);
      t.type("example.org --length 20 --no-symbols\r");
      t.waitFor("site> ", 3);
      t.type("example.org --bogus\r");
      t.waitFor("site> ", 4);
      t.type("quit\r");
      assertEquals(0, t.exit(), t.text());
      String screen = t.text();
      assertTrue(
          screen.contains(password(MintRequest.builder("github.com").build()) + "\r\n"), screen);
      assertTrue(
          screen.contains(
              password(MintRequest.builder("example.org").length(20).symbols(false).build())
                  + "\r\n"),
          screen);
      assertTrue(screen.contains("mint: unknown option '--bogus'"), screen);
      assertFalse(screen.contains(PHRASE), "the phrase was echoed: " + screen);
    }
  }

  @Test
  void anEmptyLineOrCtrlDEndsIt() throws Exception {
    for (String end : List.of("\r", "\u0004")) {
      try (Terminal t = new Terminal(jarCommand("session", "--quiet"))) {
        t.typePhrase();
        t.type(end);
        assertEquals(0, t.exit(), t.text());
        assertFalse(t.text().contains(PHRASE), t.text());
      }
    }
  }

  @Test
  void theIdleTimeoutEndsIt() throws Exception {
    try (Terminal t = new Terminal(jarCommand("session", "--quiet", "--idle", "2s"))) {
      t.typePhrase();
      t.type("github.com\r");
      t.waitFor("site> ", 2);
      assertEquals(0, t.exit(), t.text());
      assertTrue(t.text().contains("mint: no line for 2s: session ended, phrase wiped"), t.text());
    }
  }

  /**
   * {@code mint session --quiet} as a shell command whose JVM dumps its heap to {@code dump} as it
   * exits, after mint's own hooks ({@link HeapDumpMain}); arguments may follow.
   */
  private static String heapDumpingSession(Path dump) {
    String classpath =
        JarProcess.jar().toAbsolutePath()
            + java.io.File.pathSeparator
            + Path.of("target", "test-classes").toAbsolutePath();
    return java()
        + " -Xmx64m -XX:+UseSerialGC --add-opens java.base/java.lang=ALL-UNNAMED"
        + " -cp "
        + quote(classpath)
        + " dev.mint.cli.HeapDumpMain "
        + quote(dump.toString())
        + " session --quiet";
  }

  /**
   * Ctrl-C at {@code site> }: the terminal sends SIGINT, the JVM runs mint's hook; the heap, dumped
   * after it, holds no copy of the phrase's hardened bytes, the derived bytes or the password. The
   * phrase comes on descriptor 3 here; aPhraseTypedAtThePromptLeavesNoCopy covers the prompt.
   */
  @Test
  void ctrlCAtTheSitePromptWipes() throws Exception {
    Path phraseFile = Files.writeString(dir.resolve("phrase"), PHRASE + "\n");
    Path dump = dir.resolve("heap.hprof");
    String command = heapDumpingSession(dump) + " --phrase-fd 3 3< " + quote(phraseFile.toString());
    MintRequest github = MintRequest.builder("github.com").build();
    try (Terminal t = new Terminal(command)) {
      t.waitFor("site> ", 1);
      t.type("github.com\r");
      t.waitFor("site> ", 2);
      t.type("\u0003"); // Ctrl-C
      int exit = t.exit();
      assertTrue(t.text().contains("heap dumped"), t.text());
      assertEquals(130, exit, t.text());
      assertTrue(t.text().contains(password(github)), t.text());
    }
    HeapScan secrets =
        new HeapScan()
            .text("phrase", PHRASE)
            .exactly("hardened", dev.mint.conformance.Stages.hardenPhrase(PHRASE.toCharArray()))
            .text("password", password(github));
    assertEquals(List.of(), secrets.findIn(dump));
  }

  /**
   * A phrase typed at the console prompt: once the session has ended, the heap holds no copy of it
   * (UTF-16 or single bytes) or of its hardened bytes, the JDK console's buffers included.
   */
  @Test
  void aPhraseTypedAtThePromptLeavesNoCopy() throws Exception {
    Path dump = dir.resolve("heap.hprof");
    String command = heapDumpingSession(dump);
    try (Terminal t = new Terminal(command)) {
      t.typePhrase();
      t.githubThenQuit();
    }
    HeapScan secrets =
        new HeapScan()
            .text("phrase", PHRASE)
            .exactly("hardened", dev.mint.conformance.Stages.hardenPhrase(PHRASE.toCharArray()));
    assertEquals(List.of(), secrets.findIn(dump));
  }

  /**
   * A phrase typed at the prompt gets its check once, on standard error before the first {@code
   * site> }, in derive's words, so a typo shows before any password; not with --quiet.
   */
  @Test
  void aTypedPhraseGetsItsCheckOnceBeforeTheFirstSite() throws Exception {
    String check = "phrase check: " + dev.mint.PhraseCheck.of(PHRASE.toCharArray()) + "\r\n";
    try (Terminal t = new Terminal(jarCommand("session"))) {
      t.typePhrase();
      assertTrue(t.text().contains(check + "site> "), t.text());
      t.githubThenQuit();
      assertEquals(1, count(t.text(), "phrase check"), t.text());
    }
    try (Terminal t = new Terminal(jarCommand("session", "--quiet"))) {
      t.typePhrase();
      t.type("quit\r");
      assertEquals(0, t.exit(), t.text());
      assertFalse(t.text().contains("phrase check"), t.text());
    }
  }

  /**
   * Standard output redirected to a file: the phrase and {@code site> } are asked on the terminal
   * (/dev/tty), the phrase without echo, and the passwords go to the file only.
   */
  @Test
  void aRedirectedStandardOutputStillGetsThePrompts() throws Exception {
    Path out = dir.resolve("out");
    String command = jarCommand("session", "--quiet") + " > " + quote(out.toString());
    String github = password(MintRequest.builder("github.com").build());
    try (Terminal t = new Terminal(command)) {
      t.typePhrase();
      t.githubThenQuit();
      assertFalse(t.text().contains(PHRASE), "the phrase was echoed: " + t.text());
      assertFalse(t.text().contains(github), t.text());
    }
    assertEquals(github + "\n", Files.readString(out));
  }
}
