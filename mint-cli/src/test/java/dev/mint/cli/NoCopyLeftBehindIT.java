package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.output.XServer;
import dev.mint.conformance.Stages;
import dev.mint.testing.HeapScan;
import dev.mint.testing.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No copy left behind (docs/THREAT_MODEL.md): mint's real entry point runs in a child JVM on its
 * own standard streams, and as it ends, its heap is dumped with the garbage in it (Epsilon, a
 * collector that never collects, so nothing is hidden by a timely collection; {@code dumpHeap(file,
 * false)}, so unreachable objects are kept). The dump is searched for the phrase, the hardened
 * bytes, the derived bytes and the password: zero copies, for the password on standard output, on
 * the clipboard, and for {@code mint check}.
 */
class NoCopyLeftBehindIT {
  /** Long and unique, so a match is this run's and no accident. */
  private static final String PHRASE =
      "Heap Marker Qx7 unlikely-phrase zebra quartz 5519 Vorpal Jabberwock";

  @TempDir Path dir;

  private static HeapScan secretsOf(String site) {
    return DerivationSecrets.of(PHRASE, site);
  }

  /** mint in a child JVM with the phrase on stdin; the dump is scanned and deleted. */
  private List<String> runAndScan(HeapScan secrets, Map<String, String> env, String... args)
      throws Exception {
    return runAndScan(secrets, env, List.of(), args);
  }

  private List<String> runAndScan(
      HeapScan secrets, Map<String, String> env, List<String> jvmOptions, String... args)
      throws Exception {
    Path dump = dir.resolve("mint.hprof");
    List<String> command = HeapScan.javaKeepingGarbage();
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            // what the jar's manifest gives mint: the engine's direct SHA-256 compression
            "--add-opens",
            "java.base/sun.security.provider=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            ExitHeapDumpMain.class.getName(),
            dump.toString()));
    command.addAll(List.of(args));
    JarProcess run =
        JarProcess.exec(command, env, (PHRASE + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.size(dump) > 1_000_000, "no heap dump");
    try {
      List<String> found = secrets.findIn(dump);
      System.out.printf(
          "heap dump after mint %s: %d secret patterns scanned, %d found %s%n",
          String.join(" ", args), secrets.patternCount(), found.size(), found);
      return found;
    } finally {
      Files.deleteIfExists(dump);
    }
  }

  @Test
  void thePasswordOnStandardOutputLeavesNoCopy() throws Exception {
    List<String> found =
        runAndScan(secretsOf("github.com"), Map.of(), "--phrase-stdin", "--quiet", "github.com");
    assertEquals(List.of(), found);
  }

  /** The controls: the scan does find a phrase and a password where they are, garbage included. */
  @Test
  void theScanFindsAPhraseInTheEnvironmentAndAPasswordLeftAsGarbage() throws Exception {
    List<String> found =
        runAndScan(
            secretsOf("github.com"),
            Map.of("MINT_TEST_LEAK_PHRASE", PHRASE),
            List.of("-Dmint.test.leak=true", "-Dmint.test.leak.site=github.com"),
            "--phrase-env",
            "MINT_TEST_LEAK_PHRASE",
            "--quiet",
            "github.com");
    assertTrue(found.stream().anyMatch(f -> f.startsWith("phrase (UTF-8)")), found.toString());
    assertTrue(found.stream().anyMatch(f -> f.startsWith("password (UTF-")), found.toString());
  }

  @Test
  void mintCheckLeavesNoCopy() throws Exception {
    HeapScan secrets =
        new HeapScan()
            .text("phrase", PHRASE)
            .bytes("hardened phrase", Stages.hardenPhrase(PHRASE.toCharArray()));
    List<String> found = runAndScan(secrets, Map.of(), "check", "--phrase-stdin");
    assertEquals(List.of(), found);
  }

  @Test
  void thePasswordOnTheClipboardLeavesNoCopy() throws Exception {
    try (XServer x = XServer.start()) {
      Path runtime = Files.createDirectory(dir.resolve("runtime"));
      Map<String, String> env = new HashMap<>(x.env(runtime));
      try {
        List<String> found =
            runAndScan(
                secretsOf("example.org"),
                env,
                "--phrase-stdin",
                "--quiet",
                "--clip",
                "600",
                "example.org");
        assertEquals(List.of(), found);
      } finally {
        XServer.endHelper(runtime);
      }
    }
  }
}
