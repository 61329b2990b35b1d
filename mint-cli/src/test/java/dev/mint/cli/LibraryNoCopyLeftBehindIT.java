package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Level;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import dev.mint.conformance.Stages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No copy left behind, for the library (docs/THREAT_MODEL.md, C18): mint-core's {@link Mint#derive}
 * and {@code PhraseCheck.of} run in a child JVM for a caller that wipes its own arrays ({@link
 * LibraryHeapDumpMain}); the heap is dumped with the garbage in it (Epsilon, which never collects;
 * {@code dumpHeap(file, false)}) and searched for the phrase, the hardened bytes, the derived bytes
 * and the password: zero copies.
 */
class LibraryNoCopyLeftBehindIT {
  private static final String PHRASE =
      "Library Heap Marker Wq3 improbable-phrase ostrich basalt 8821 Snark Boojum";
  private static final String SITE = "github.com";

  @TempDir Path dir;

  @Test
  void deriveAndPhraseCheckLeaveNoCopy() throws Exception {
    MintRequest request = MintRequest.builder(SITE).build();
    byte[] hardened = Stages.hardenPhrase(PHRASE.toCharArray());
    String salt = Stages.salt(Stages.normalizeSite(SITE, request.revision()), request.version());
    byte[] derived = Stages.derive(hardened, salt, Level.STANDARD, Pbkdf2Engine.fastSequential());
    String password;
    try (Password p = Mint.derive(request, PHRASE.toCharArray())) {
      password = new String(p.toCharArray());
    }
    HeapScan secrets =
        new HeapScan()
            .text("phrase", PHRASE)
            .bytes("hardened phrase", hardened)
            .bytes("derived bytes", derived)
            .text("password", password);

    Path dump = dir.resolve("library.hprof");
    JarProcess run =
        JarProcess.exec(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                TestHome.javaOption(),
                "-XX:+UnlockExperimentalVMOptions",
                "-XX:+UseEpsilonGC",
                "-Xms512m",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LibraryHeapDumpMain.class.getName(),
                dump.toString(),
                SITE),
            Map.of(),
            (PHRASE + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(0, run.exitCode(), run.err());
    try {
      assertTrue(Files.size(dump) > 1_000_000, "no heap dump");
      List<String> found = secrets.findIn(dump);
      System.out.printf(
          "heap dump after Mint.derive and PhraseCheck.of: %d secret patterns"
              + " scanned, %d found %s%n",
          secrets.patternCount(), found.size(), found);
      assertEquals(List.of(), found);
    } finally {
      Files.deleteIfExists(dump);
    }
  }
}
