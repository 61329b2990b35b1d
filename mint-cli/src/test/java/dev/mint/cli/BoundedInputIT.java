package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.testing.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input strangers control cannot push {@code mint session} or {@code mint batch} out of memory,
 * into a hang or into a stack trace (docs/THREAT_MODEL.md, C28): real processes of the jar under a
 * small heap ({@code -Xmx64m}), fed {@code /dev/zero}, an endless stream of lines, a named pipe
 * nobody writes to; and an {@code OutOfMemoryError} forced with a tiny heap is one line and exit 6.
 */
class BoundedInputIT {
  private static final String PHRASE = "correct horse battery staple";

  @TempDir Path dir;

  /**
   * {@code bash -c SCRIPT}, where {@code mint ARGS} runs the jar in a JVM with {@code -Xmx}{@code
   * heap}; {@code $PHRASE_FILE} holds the phrase and a line break.
   */
  private JarProcess shell(String heap, String script) throws Exception {
    String mint = "mint() { \"$JAVA\" -Xmx" + heap + " -jar \"$JAR\" \"$@\"; }; export -f mint; ";
    List<String> command = new ArrayList<>(List.of("bash", "-c", mint + script));
    return JarProcess.exec(
        command,
        Map.of(
            "JAVA",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "JAR",
            JarProcess.jar().toAbsolutePath().toString(),
            "PHRASE_FILE",
            phraseFile().toString()),
        new byte[0]);
  }

  private Path phraseFile() throws Exception {
    Path file = dir.resolve("phrase");
    if (!Files.exists(file)) {
      Files.writeString(file, PHRASE + "\n");
    }
    return file;
  }

  private static void oneLine(JarProcess run, String contains) {
    assertAll(
        () -> assertTrue(run.err().startsWith("mint: "), run.err()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().contains(contains), run.err()),
        () -> assertFalse(run.err().contains("\tat "), run.err()));
  }

  @Test
  void aSessionFedDevZeroAfterThePhraseEndsWithOneLine() throws Exception {
    JarProcess run =
        shell(
            "64m",
            "{ echo \"$(cat \"$PHRASE_FILE\")\"; cat /dev/zero; } | mint session --phrase-stdin --idle 30s");
    assertEquals(3, run.exitCode(), run.err());
    assertEquals("", run.out());
    oneLine(run, "a line goes on past 16 MiB without a line break");
  }

  /** A line over the limit is refused and dropped, and the session goes on after it. */
  @Test
  void aSessionRefusesALongLineAndGoesOn() throws Exception {
    JarProcess run =
        shell(
            "64m",
            "{ echo example.com; head -c 10000000 /dev/zero | tr '\\0' a; echo; echo example.org; }"
                + " | mint session --phrase-fd 3 --quiet --idle 30s 3<\"$PHRASE_FILE\"");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, run.out().lines().count(), run.out());
    oneLine(run, "longer than 8192 characters (not shown)");
  }

  @Test
  void batchOfDevZeroIsRefusedAsNotARegularFile() throws Exception {
    JarProcess run = shell("64m", "mint batch /dev/zero --phrase-fd 3 3<\"$PHRASE_FILE\"");
    assertEquals(4, run.exitCode(), run.err());
    assertEquals("", run.out());
    oneLine(run, "/dev/zero: not a regular file");
  }

  @Test
  void batchOfANamedPipeNobodyWritesToIsRefusedNotAHang() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    JarProcess run =
        shell(
            "64m",
            "timeout 60 bash -c 'mint batch \"$0\" --phrase-fd 3 3<\"$PHRASE_FILE\"' '"
                + fifo
                + "'");
    assertEquals(4, run.exitCode(), run.err());
    oneLine(run, "not a regular file");
  }

  @Test
  void batchOfAProcessSubstitutionStillWorks() throws Exception {
    JarProcess run =
        shell(
            "64m",
            "mint batch <(printf 'example.com\\nexample.org\\n') --phrase-fd 3 3<\"$PHRASE_FILE\"");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, run.out().lines().count(), run.out());
  }

  @Test
  void batchFromStdinOfDevZeroStopsAtTheLimit() throws Exception {
    JarProcess run =
        shell(
            "64m",
            "{ echo \"$(cat \"$PHRASE_FILE\")\"; cat /dev/zero; } | mint batch --phrase-stdin");
    assertEquals(4, run.exitCode(), run.err());
    assertEquals("", run.out());
    oneLine(run, "larger than 16 MiB");
  }

  @Test
  void batchFromStdinOfEndlessLinesStopsAtTheLimit() throws Exception {
    JarProcess run = shell("64m", "yes example.com | mint batch --phrase-fd 3 3<\"$PHRASE_FILE\"");
    assertEquals(4, run.exitCode(), run.err());
    assertEquals("", run.out());
    oneLine(run, "more than 100000 lines");
  }

  @Test
  void batchOfAFileLargerThan16MiBIsRefused() throws Exception {
    Path big = dir.resolve("big.txt");
    byte[] line = "example.com\n".getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < (17 << 20) / line.length; i++) {
        out.write(line);
      }
    }
    JarProcess run = shell("64m", "mint batch '" + big + "' --phrase-fd 3 3<\"$PHRASE_FILE\"");
    assertEquals(4, run.exitCode(), run.err());
    oneLine(run, "larger than 16 MiB");
  }

  /** A heap too small for a batch within the limits: the OutOfMemoryError is one line, exit 6. */
  @Test
  void outOfMemoryIsOneLineAndItsOwnExitCode() throws Exception {
    Path wide = dir.resolve("wide.txt");
    String line = "a".repeat(8000) + "\n";
    Files.writeString(wide, line.repeat(1500));
    JarProcess run = shell("12m", "mint batch '" + wide + "' --phrase-fd 3 3<\"$PHRASE_FILE\"");
    assertEquals(6, run.exitCode(), run.err());
    assertEquals("", run.out());
    oneLine(run, "out of memory (OutOfMemoryError)");
  }
}
