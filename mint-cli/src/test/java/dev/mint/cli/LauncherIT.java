package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.vectors.VectorRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./mint} launcher as a user runs it, with the jar built: standard output carries
 * exactly the password (no JVM or build message on it), and its JVM options are accepted.
 */
class LauncherIT {
  private static Path launcher() {
    return Path.of(System.getProperty("mint.root", "..")).resolve("mint");
  }

  private static JarProcess launch(byte[] stdin, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(launcher().toString());
    command.addAll(args);
    return JarProcess.exec(command, Map.of("JAVA_HOME", System.getProperty("java.home")), stdin);
  }

  @Test
  void printsExactlyThePagesPassword() throws Exception {
    for (String revision : List.of("r1", "r3")) {
      VectorRow row = CliRows.e2eRows(revision, 1, true).get(0);
      JarProcess result = launch(CliRows.stdin(row), CliRows.deriveArgs(row));
      assertAll(
          () -> assertEquals(0, result.exitCode(), result.err()),
          () -> assertEquals(row.password() + "\n", result.out()),
          () -> assertEquals("normalized site: " + row.normalizedSite() + " (revision "
              + revision + ")\n", result.err()));
    }
  }

  /** The acceptance line of the phrase check: {@code printf 'PHRASE\n' | ./mint check --phrase-stdin}. */
  @Test
  void checkPrintsTheDocumentedCode() throws Exception {
    JarProcess result =
        launch("correct horse battery staple\n".getBytes(StandardCharsets.UTF_8),
            List.of("check", "--phrase-stdin"));
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("upshot article (f40c)\n", result.out());
  }

  @Test
  void versionPrintsOneCleanLine() throws Exception {
    JarProcess result = launch(new byte[0], List.of("--version"));
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().matches("mint \\d+\\.\\d+\\.\\d+\n"), result.out());
  }
}
