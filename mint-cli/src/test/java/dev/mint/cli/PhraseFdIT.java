package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.testing.JarProcess;
import dev.mint.vectors.VectorRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --phrase-fd} through real processes: bash opens the descriptor ({@code 3< FILE}, a pipe
 * from a process substitution) and runs the jar, as a user's script would.
 */
class PhraseFdIT {
  @TempDir Path dir;

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** {@code bash -c 'java -jar mint-cli.jar ARGS REDIRECTION'}. */
  private static JarProcess bash(List<String> args, String redirection) throws Exception {
    String command = JarProcess.shellCommand(args) + ' ' + redirection;
    return JarProcess.exec(List.of("bash", "-c", command), Map.of(), new byte[0]);
  }

  @Test
  void aFileOnDescriptor3GivesDerivesPassword() throws Exception {
    VectorRow row = CliRows.e2eRows("r3", 1).get(0);
    Path phrase = Files.write(dir.resolve("phrase"), CliRows.stdin(row));
    List<String> args = new ArrayList<>(CliRows.deriveArgs(row));
    args.set(0, "--phrase-fd=3");
    JarProcess run = bash(args, "3< " + quote(phrase.toString()));
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(row.password() + "\n", run.out()));
  }

  @Test
  void aPipeOnDescriptor7FromAProcessSubstitution() throws Exception {
    VectorRow row = CliRows.e2eRows("r3", 1).get(0);
    Path phrase = Files.write(dir.resolve("phrase"), CliRows.stdin(row));
    List<String> args = new ArrayList<>(CliRows.deriveArgs(row));
    args.set(0, "--phrase-fd=7");
    JarProcess run = bash(args, "7< <(cat " + quote(phrase.toString()) + ")");
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(row.password() + "\n", run.out()));
  }

  /** Without {@code 3<}, descriptor 3 is the JVM's own runtime image: refused, not read. */
  @Test
  void aDescriptorNobodyGaveIsRefused() throws Exception {
    JarProcess three = bash(List.of("--phrase-fd", "3", "github.com"), "");
    assertAll(
        () -> assertEquals(4, three.exitCode(), three.err()),
        () -> assertEquals("", three.out()),
        () -> assertTrue(three.err().contains("file descriptor 3 is not open"), three.err()));
    JarProcess nine = bash(List.of("--phrase-fd", "9", "github.com"), "");
    assertAll(
        () -> assertEquals(4, nine.exitCode(), nine.err()),
        () ->
            assertEquals(
                "mint: --phrase-fd 9: file descriptor 9 is not open (open it for mint, for example:"
                    + " mint ... --phrase-fd 9 9< FILE)\n",
                nine.err()));
  }

  @Test
  void descriptor0IsStandardInput() throws Exception {
    JarProcess run =
        JarProcess.run(
            "correct horse battery staple\n", "--phrase-fd", "0", "--quiet", "github.com");
    JarProcess stdin =
        JarProcess.run("correct horse battery staple\n", "--phrase-stdin", "--quiet", "github.com");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(stdin.out(), run.out());
    assertTrue(run.out().getBytes(StandardCharsets.UTF_8).length > 12);
  }
}
