package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.vectors.VectorRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./mint} launcher as a user runs it: with the jar built, it prepares the class-data
 * archive on its first run and uses it afterwards, and standard output carries exactly the
 * password every time (no JVM or build message on it).
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

  private static long archives() throws IOException {
    try (Stream<Path> files = Files.list(JarProcess.jar().toAbsolutePath().getParent())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).count();
    }
  }

  @Test
  void printsExactlyThePasswordBeforeAndAfterTheClassDataArchiveExists() throws Exception {
    try (Stream<Path> files = Files.list(JarProcess.jar().toAbsolutePath().getParent())) {
      for (Path jsa : files.filter(p -> p.toString().endsWith(".jsa")).toList()) {
        Files.delete(jsa);
      }
    }
    VectorRow row = CliRows.e2eRows("r3", 1, true).get(0);
    for (int run = 1; run <= 2; run++) {
      JarProcess result = launch(CliRows.stdin(row), CliRows.deriveArgs(row));
      int n = run;
      assertAll(
          () -> assertEquals(0, result.exitCode(), "run " + n + ": " + result.err()),
          () -> assertEquals(row.password() + "\n", result.out(), "run " + n),
          () -> assertEquals("normalized site: " + row.normalizedSite() + " (revision r3)\n",
              result.err(), "run " + n));
      assertEquals(1, archives(), "the first run leaves one class-data archive");
    }
  }

  @Test
  void versionPrintsOneCleanLine() throws Exception {
    JarProcess result = launch(new byte[0], List.of("--version"));
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().matches("mint \\d+\\.\\d+\\.\\d+\n"), result.out());
  }
}
