package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Level;
import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.conformance.Stages;
import dev.mint.testing.HeapScan;
import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a session or a batch ends, by each way out (quit, end of input, the idle timeout, Ctrl-C as
 * SIGINT in the middle of a session), the heap of the process that ran it, garbage included, holds
 * no copy of the phrase, its hardened bytes, the derived bytes or the passwords. A child JVM runs
 * the CLI's entry point ({@link HeapDumpMain}) with the phrase on descriptor 3, as {@code
 * --phrase-fd 3 3< FILE}, and dumps its heap once mint's own shutdown work is done.
 */
class SecretHeapIT {
  @TempDir Path dir;

  private final String phrase = "Heap Scan " + HexFormat.of().formatHex(random(6)) + " marker";

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private record Child(Process process, BufferedReader stdout, Path dump, Path err) {}

  private Child start(String... args) throws Exception {
    Path phraseFile = Files.writeString(dir.resolve("phrase"), phrase + "\n");
    Path dump = dir.resolve("heap.hprof");
    Path err = dir.resolve("stderr");
    String classpath =
        JarProcess.jar().toAbsolutePath()
            + java.io.File.pathSeparator
            + Path.of("target", "test-classes").toAbsolutePath();
    StringBuilder command =
        new StringBuilder("exec ")
            .append(Sigint.RESTORE) // sessionEndedByCtrlC ends the JVM with SIGINT, from any shell
            .append(' ')
            .append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
            .append(' ')
            .append(quote(TestHome.javaOption()))
            .append(" -Xmx64m -XX:+UseSerialGC -Xmn24m")
            .append(" --add-opens java.base/java.lang=ALL-UNNAMED")
            // what the jar's manifest gives mint: the engine's direct SHA-256 compression
            .append(" --add-opens java.base/sun.security.provider=ALL-UNNAMED -cp ")
            .append(quote(classpath))
            .append(" dev.mint.cli.HeapDumpMain ")
            .append(quote(dump.toString()));
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    command.append(" 3< ").append(quote(phraseFile.toString()));
    Process process =
        new ProcessBuilder("bash", "-c", command.toString()).redirectError(err.toFile()).start();
    return new Child(
        process,
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
        dump,
        err);
  }

  private static int finish(Child child) throws Exception {
    if (!child.process().waitFor(2, TimeUnit.MINUTES)) {
      child.process().destroyForcibly();
      throw new AssertionError("the child did not end");
    }
    return child.process().exitValue();
  }

  /** Every form of every secret of a session over {@code requests}. */
  private HeapScan secrets(List<MintRequest> requests) {
    byte[] hardened = Stages.hardenPhrase(phrase.toCharArray());
    HeapScan secrets = new HeapScan().text("phrase", phrase).exactly("hardened phrase", hardened);
    for (MintRequest request : requests) {
      String salt =
          Stages.salt(Stages.normalizeSite(request.site(), request.revision()), request.version());
      byte[] derived = Stages.derive(hardened, salt, Level.STANDARD, Pbkdf2Engine.fast());
      secrets
          .exactly("derived bytes of " + request.site(), derived)
          // a shorter piece too: a copy of part of the bytes is a copy
          .exactly(
              "derived bytes 16..48 of " + request.site(),
              java.util.Arrays.copyOfRange(derived, 16, 48))
          .text("password of " + request.site(), new String(Stages.encode(derived, request)));
    }
    return secrets;
  }

  private void assertNoSecrets(Child child, List<MintRequest> requests) throws Exception {
    String err = Files.readString(child.err());
    assertTrue(err.contains("heap dumped"), err);
    List<String> found = secrets(requests).findIn(child.dump());
    assertEquals(List.of(), found, "secrets left in the heap");
    // the scan finds what is there: the sites, which are no secret, are in the heap
    List<String> sites = new HeapScan().text("site", requests.get(0).site()).findIn(child.dump());
    assertTrue(!sites.isEmpty(), "the scan found not even the site");
  }

  private static final List<MintRequest> REQUESTS =
      List.of(
          MintRequest.builder("github.example").build(),
          MintRequest.builder("bank.example").length(20).symbols(false).build());

  private static final String LINES = "github.example\nbank.example --length 20 --no-symbols\n";

  private static void type(Child child, String text, boolean close) throws Exception {
    OutputStream in = child.process().getOutputStream();
    in.write(text.getBytes(StandardCharsets.UTF_8));
    in.flush();
    if (close) {
      in.close();
    }
  }

  /** Reads the passwords the child prints, so each way out comes after both were derived. */
  private static List<String> passwords(Child child, int n) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String line = child.stdout().readLine();
      assertTrue(line != null, "the child printed " + lines.size() + " lines");
      lines.add(line);
    }
    return lines;
  }

  @Test
  void sessionEndedByQuit() throws Exception {
    Child child = start("session", "--phrase-fd", "3", "--quiet");
    type(child, LINES + "quit\n", false);
    assertEquals(2, passwords(child, 2).size());
    assertEquals(0, finish(child));
    assertNoSecrets(child, REQUESTS);
  }

  @Test
  void sessionEndedByEndOfInput() throws Exception {
    Child child = start("session", "--phrase-fd", "3", "--quiet");
    type(child, LINES, true);
    passwords(child, 2);
    assertEquals(0, finish(child));
    assertNoSecrets(child, REQUESTS);
  }

  @Test
  void sessionEndedByTheIdleTimeout() throws Exception {
    Child child = start("session", "--phrase-fd", "3", "--quiet", "--idle", "2s");
    type(child, LINES, false); // and then nothing, input left open
    passwords(child, 2);
    assertEquals(0, finish(child));
    assertTrue(Files.readString(child.err()).contains("no line for 2s: session ended"));
    assertNoSecrets(child, REQUESTS);
  }

  /** Ctrl-C: SIGINT while the session waits for the next site; the shutdown hook wipes. */
  @Test
  void sessionEndedByCtrlC() throws Exception {
    Child child = start("session", "--phrase-fd", "3", "--quiet");
    type(child, LINES, false);
    passwords(child, 2);
    // bash's kill builtin: no procps needed; the child is the JVM itself (bash exec'd it)
    Process kill =
        new ProcessBuilder("bash", "-c", "kill -INT " + child.process().pid()).inheritIO().start();
    assertEquals(0, kill.waitFor());
    assertEquals(130, finish(child)); // 128 + SIGINT: the JVM ended by the signal
    assertNoSecrets(child, REQUESTS);
  }

  @Test
  void batch() throws Exception {
    Path sites = Files.writeString(dir.resolve("sites.txt"), LINES);
    Child child = start("batch", sites.toString(), "--phrase-fd", "3");
    passwords(child, 2);
    assertEquals(0, finish(child));
    assertNoSecrets(child, REQUESTS);
  }
}
