package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
import dev.mint.vectors.VectorRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mint batch} as a real process, the phrase on a descriptor as the guides show ({@code mint
 * batch sites.txt --phrase-fd 3 3< <(...)}): the page's passwords for upstream rows of all three
 * revisions (BatchCommandTest does every row in-process), and the terminal refusal on a real pty.
 */
class BatchIT {
  @TempDir Path dir;

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String jarCommand() {
    return quote(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        + " "
        + quote(TestHome.javaOption())
        + " -jar "
        + quote(JarProcess.jar().toString());
  }

  /**
   * {@code mint batch SITES} run by bash, the phrase on descriptor 3 from {@code phraseCommand}.
   */
  private static JarProcess batch(Path sites, String phraseCommand) throws Exception {
    return JarProcess.exec(
        List.of(
            "bash",
            "-c",
            jarCommand()
                + " batch "
                + quote(sites.toString())
                + " --phrase-fd 3 3< <("
                + phraseCommand
                + ")"),
        Map.of(),
        new byte[0]);
  }

  @Test
  void upstreamRowsThroughTheJarWithThePhraseOnADescriptor() throws Exception {
    Map<String, List<VectorRow>> byPhrase = new LinkedHashMap<>();
    for (String revision : List.of("r1", "r2", "r3")) {
      for (VectorRow row : CliRows.e2eRows(revision, 40)) {
        if (BatchLines.expressible(row)) {
          byPhrase.computeIfAbsent(row.input().phrase(), p -> new ArrayList<>()).add(row);
        }
      }
    }
    // the phrases shared by the most rows: a few processes, many rows
    List<List<VectorRow>> groups = new ArrayList<>(byPhrase.values());
    groups.sort((a, b) -> b.size() - a.size());
    int rows = 0;
    for (List<VectorRow> group : groups.subList(0, Math.min(4, groups.size()))) {
      StringBuilder lines = new StringBuilder("# upstream rows\n\n");
      StringBuilder expected = new StringBuilder();
      for (VectorRow row : group) {
        lines.append(BatchLines.line(row)).append('\n');
        expected
            .append(BatchCommandTest.shown(row.input().site()))
            .append('\t')
            .append(row.password())
            .append('\n');
      }
      Path sites = Files.writeString(dir.resolve("sites.txt"), lines);
      Path phrase = Files.writeString(dir.resolve("phrase"), group.get(0).input().phrase() + "\n");
      JarProcess run = batch(sites, "cat " + quote(phrase.toString()));
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(expected.toString(), run.out());
      rows += group.size();
    }
    assertTrue(rows >= 8, "rows checked: " + rows);
  }

  @Test
  void aBadLineIsNumberedTheOthersArePrintedExit3() throws Exception {
    Path sites =
        Files.writeString(
            dir.resolve("sites.txt"), "a.example\nb.example --length 99\nc.example\n");
    JarProcess run = batch(sites, "echo 'some phrase words'");
    String[] lines = run.out().split("\n");
    assertAll(
        () -> assertEquals(3, run.exitCode(), run.err()),
        () -> assertEquals(2, lines.length, run.out()),
        () -> assertTrue(lines[0].startsWith("a.example\t")),
        () -> assertTrue(lines[1].startsWith("c.example\t")),
        () -> assertTrue(run.err().startsWith("mint: line 2: length:"), run.err()));
  }

  /** Standard output on a terminal: refused (exit 2) unless --to-terminal. */
  @Test
  void aTerminalNeedsToTerminal() throws Exception {
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "util-linux script is not installed");
    Path sites = Files.writeString(dir.resolve("sites.txt"), "github.com\n");
    Path phrase = Files.writeString(dir.resolve("phrase"), MintCliTest.MARKER + "\n");
    String base = jarCommand() + " batch " + quote(sites.toString()) + " --phrase-fd 3";
    for (boolean allowed : new boolean[] {false, true}) {
      String command = base + (allowed ? " --to-terminal" : "") + " 3< " + quote(phrase.toString());
      Process process =
          new ProcessBuilder(script.toString(), "-q", "-e", "-c", command, "/dev/null")
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (allowed) {
        assertEquals(0, exit, screen);
        assertTrue(screen.contains("github.com\t"), screen);
      } else {
        assertEquals(2, exit, screen);
        assertTrue(screen.contains("give --to-terminal"), screen);
        assertFalse(screen.contains("github.com\t"), screen);
      }
    }
  }
}
