package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --phrase-stdin} and {@code --phrase-fd N} refuse a terminal, which would show the phrase
 * as it is typed (docs/THREAT_MODEL.md, C29): on a real pseudo-terminal (util-linux {@code
 * script}), mint says so at once, exit 2, before anything is typed, instead of waiting for a phrase
 * that the terminal echoes.
 */
class PhraseEchoIT {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--phrase-stdin",
        "--phrase-fd 0",
        "--phrase-fd 3 3</dev/tty",
        "session --phrase-stdin",
        "batch --to-terminal --phrase-fd 0"
      })
  void aTerminalIsRefusedBeforeAnythingIsTyped(String options) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    boolean derive = !options.startsWith("session") && !options.startsWith("batch");
    String command =
        "'"
            + java
            + "' '"
            + TestHome.javaOption()
            + "' -jar '"
            + JarProcess.jar().toAbsolutePath()
            + "' "
            + options.replace(" 3</dev/tty", "")
            + (derive ? " example.com" : "")
            + (options.contains("3</dev/tty") ? " 3</dev/tty" : "")
            + "; echo \"exit=$?\"";
    ProcessBuilder builder =
        new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", command, "/dev/null")
            .redirectErrorStream(true);
    JarProcess.isolate(builder.environment());
    Process process = builder.start();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (InputStream in = process.getInputStream()) {
      while (!screen.toString(StandardCharsets.UTF_8).matches("(?s).*exit=[0-9]+\\s.*")) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "mint waits for a phrase the terminal would echo; screen: " + screen);
        }
        if (in.available() == 0) {
          if (!process.isAlive()) {
            break;
          }
          Thread.sleep(50);
          continue;
        }
        screen.write(in.read());
      }
    } finally {
      process.destroyForcibly();
    }
    String text = screen.toString(StandardCharsets.UTF_8);
    String option = options.contains("--phrase-stdin") ? "--phrase-stdin" : "--phrase-fd";
    assertAll(
        () -> assertTrue(text.contains("exit=2"), text),
        () -> assertTrue(text.contains("mint: " + option), text),
        () -> assertTrue(text.contains("is a terminal, which would show the phrase"), text),
        () -> assertFalse(text.contains("Master phrase"), text));
    assertEquals(1, text.lines().filter(l -> l.startsWith("mint: ")).count(), text);
  }
}
