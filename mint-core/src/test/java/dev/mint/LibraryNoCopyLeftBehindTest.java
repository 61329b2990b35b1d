package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No copy left behind, for the library (docs/THREAT_MODEL.md): {@link Mint#derive} and {@link
 * PhraseCheck#of} run in a child JVM for a caller that wipes its own arrays; the heap is dumped
 * with the garbage in it (Epsilon, which never collects; {@code dumpHeap(file, false)}) and
 * searched for the phrase, the hardened bytes, the derived bytes and the password: zero copies.
 */
class LibraryNoCopyLeftBehindTest {
  private static final String PHRASE =
      "Library Heap Marker Wq3 improbable-phrase ostrich basalt 8821 Snark Boojum";
  private static final String SITE = "github.com";

  @TempDir Path dir;

  @Test
  void deriveAndPhraseCheckLeaveNoCopy() throws Exception {
    MintRequest request = MintRequest.builder(SITE).build();
    byte[] hardened = Stages.hardenPhrase(PHRASE.toCharArray());
    String salt = Stages.salt(Stages.normalizeSite(SITE, request.revision()), request.version());
    byte[] derived = Stages.derive(hardened, salt, Level.STANDARD, Pbkdf2Engine.bouncyCastle());
    String password;
    try (Password p = Mint.derive(request, PHRASE.toCharArray())) {
      password = new String(p.toCharArray());
    }
    Map<String, byte[]> patterns = new LinkedHashMap<>();
    text(patterns, "phrase", PHRASE);
    text(patterns, "password", password);
    patterns.put("hardened phrase", hardened);
    patterns.put("derived bytes", derived);
    patterns.put("derived bytes [0..32)", Arrays.copyOfRange(derived, 0, 32));
    patterns.put("derived bytes [32..64)", Arrays.copyOfRange(derived, 32, 64));

    Path dump = dir.resolve("library.hprof");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC", "-Xms512m", "-Xmx512m",
        "-cp", System.getProperty("java.class.path"),
        LibraryHeapDumpMain.class.getName(), dump.toString(), SITE));
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write((PHRASE + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the child JVM did not finish");
    assertEquals(0, process.exitValue());
    try {
      byte[] heap = Files.readAllBytes(dump);
      assertTrue(heap.length > 1_000_000, "no heap dump");
      List<String> found = new ArrayList<>();
      patterns.forEach((name, pattern) -> {
        int count = count(heap, pattern);
        if (count > 0) {
          found.add(name + ": " + count);
        }
      });
      System.out.printf("heap dump after Mint.derive and PhraseCheck.of: %d secret patterns"
          + " scanned, %d found %s%n", patterns.size(), found.size(), found);
      assertEquals(List.of(), found);
    } finally {
      Files.deleteIfExists(dump);
    }
  }

  private static void text(Map<String, byte[]> patterns, String name, String value) {
    patterns.put(name + " (UTF-8)", value.getBytes(StandardCharsets.UTF_8));
    patterns.put(name + " (UTF-16BE)", value.getBytes(StandardCharsets.UTF_16BE));
    patterns.put(name + " (UTF-16LE)", value.getBytes(StandardCharsets.UTF_16LE));
  }

  static int count(byte[] heap, byte[] pattern) {
    int count = 0;
    outer:
    for (int i = 0, last = heap.length - pattern.length; i <= last; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (heap[i + j] != pattern[j]) {
          continue outer;
        }
      }
      count++;
    }
    return count;
  }
}
