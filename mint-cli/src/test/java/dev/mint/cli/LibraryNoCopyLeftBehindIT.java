package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.testing.HeapScan;
import dev.mint.testing.JarProcess;
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
    HeapScan secrets = DerivationSecrets.of(PHRASE, SITE);

    Path dump = dir.resolve("library.hprof");
    List<String> command = HeapScan.javaKeepingGarbage();
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            LibraryHeapDumpMain.class.getName(),
            dump.toString(),
            SITE));
    JarProcess run =
        JarProcess.exec(command, Map.of(), (PHRASE + "\n").getBytes(StandardCharsets.UTF_8));
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
