package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a terminal, the idle message and Ctrl-C at {@code site> } end the prompt's line, so the
 * shell's next prompt (or the message) does not start after {@code site> }. A real pseudo-terminal
 * (util-linux {@code script}) runs the packaged jar.
 */
class SessionLineEndsPtyIT {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Runs {@code mint session ARGS} on a pty; types {@code keys} once {@code site> } shows. */
  private static String screen(String keys, String... args) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    // SIGINT's default back, since Ctrl-C must end the JVM from any shell (Sigint), and a home
    // of the test's own for Java (TestHome)
    StringBuilder command =
        new StringBuilder(Sigint.RESTORE)
            .append(' ')
            .append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
            .append(' ')
            .append(quote(TestHome.javaOption()))
            .append(" -jar ")
            .append(quote(JarProcess.jar().toString()))
            .append(" session --quiet --phrase-env MINT_TEST_PHRASE");
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    ProcessBuilder builder =
        new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", command.toString(), "/dev/null")
            .redirectErrorStream(true);
    builder.environment().put("MINT_TEST_PHRASE", MintCliTest.MARKER);
    Process process = builder.start();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (OutputStream keyboard = process.getOutputStream()) {
      InputStream in = process.getInputStream();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!screen.toString(StandardCharsets.UTF_8).contains("site> ")) {
        int b = in.read();
        if (b < 0 || System.nanoTime() > deadline) {
          throw new AssertionError("no prompt; screen: " + screen);
        }
        screen.write(b);
      }
      keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("did not end (SIGINT ignored by the caller?); screen: " + screen);
      }
      in.transferTo(screen);
    } finally {
      process.destroyForcibly();
    }
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theIdleMessageStartsOnALineOfItsOwn() throws Exception {
    String screen = screen("", "--idle", "1s");
    assertTrue(
        screen.matches(
            "(?s).*site> \\r?\\nmint: no line for 1s: session ended, phrase wiped\\r?\\n"),
        screen);
  }

  @Test
  void ctrlCAtThePromptEndsTheLine() throws Exception {
    String screen = screen("\u0003");
    assertTrue(screen.matches("(?s).*site> \\^C\\r?\\n"), screen);
  }

  @Test
  void quitLeavesTheScreenAsBefore() throws Exception {
    String screen = screen("quit\r");
    assertEquals("site> quit", screen.strip().substring(screen.strip().lastIndexOf("site> ")));
  }
}
