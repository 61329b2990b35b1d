package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.testing.JarProcess;
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
          () ->
              assertEquals(
                  "normalized site: " + row.normalizedSite() + " (revision " + revision + ")\n",
                  result.err()));
    }
  }

  /**
   * The acceptance line of the phrase check: {@code printf 'PHRASE\n' | ./mint check
   * --phrase-stdin}.
   */
  @Test
  void checkPrintsTheDocumentedCode() throws Exception {
    JarProcess result =
        launch(
            "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8),
            List.of("check", "--phrase-stdin"));
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("upshot article (f40c)\n", result.out());
  }

  /** The recorded check through ./mint: a typo refused before any password, the phrase accepted. */
  @Test
  void aRecordedCheckRefusesATypoAndAcceptsThePhrase(@org.junit.jupiter.api.io.TempDir Path config)
      throws Exception {
    Map<String, String> env =
        Map.of(
            "JAVA_HOME",
            System.getProperty("java.home"),
            "XDG_CONFIG_HOME",
            config.toString(),
            "MINT_SITES",
            "");
    byte[] phrase = "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8);
    byte[] typo = "correct horse battery stapel\n".getBytes(StandardCharsets.UTF_8);
    JarProcess remember =
        JarProcess.exec(
            List.of(launcher().toString(), "check", "--remember", "--phrase-stdin"), env, phrase);
    assertEquals(0, remember.exitCode(), remember.err());
    assertEquals("upshot article (f40c)\n", remember.out());
    JarProcess refused =
        JarProcess.exec(List.of(launcher().toString(), "--phrase-stdin", "github.com"), env, typo);
    assertEquals(3, refused.exitCode(), refused.err());
    assertEquals("", refused.out());
    assertTrue(refused.err().startsWith("mint: phrase check mismatch: typed "), refused.err());
    JarProcess accepted =
        JarProcess.exec(
            List.of(launcher().toString(), "--phrase-stdin", "--quiet", "github.com"), env, phrase);
    assertEquals(0, accepted.exitCode(), accepted.err());
    assertEquals(17, accepted.out().length(), accepted.out());
  }

  @Test
  void versionPrintsOneCleanLine() throws Exception {
    JarProcess result = launch(new byte[0], List.of("--version"));
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().matches("mint \\d+\\.\\d+\\.\\d+\n"), result.out());
  }

  /**
   * {@code MINT_JAVA_OPTS} is split into words but never glob-expanded: a word with a {@code *}
   * that matches a file in the working directory reaches java as written. Expanded, {@code
   * -Xlog:gc*:stderr} would become the planted file's name, whose tag the JVM refuses, and mint
   * would not start.
   */
  @Test
  void mintJavaOptsAreNeverGlobExpanded(@org.junit.jupiter.api.io.TempDir Path cwd)
      throws Exception {
    java.nio.file.Files.createFile(cwd.resolve("-Xlog:gc+nosuchtag:stderr"));
    JarProcess result =
        JarProcess.exec(
            List.of(
                "sh",
                "-c",
                "cd \"$1\" && exec \"$2\" normalize github.com",
                "sh",
                cwd.toString(),
                launcher().toAbsolutePath().toString()),
            Map.of(
                "JAVA_HOME", System.getProperty("java.home"), "MINT_JAVA_OPTS", "-Xlog:gc*:stderr"),
            new byte[0]);
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("github\n", result.out());
    assertTrue(result.err().contains("[gc"), "the option reached java as written: " + result.err());
  }
}
