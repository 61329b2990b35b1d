package dev.mint.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.mint.Level;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import dev.mint.conformance.Stages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test utility, the one heap scanner: dumps a JVM's heap, garbage included ({@link #dump}, which a
 * child JVM calls from its main or from a shutdown hook for Ctrl-C), and counts copies of secrets
 * in a dump (.hprof). A dump holds primitive arrays as they are, big-endian: a {@code char[]} or a
 * UTF-16 {@code String} as UTF-16BE, a Latin-1 {@code String} or a {@code byte[]} as its bytes, an
 * {@code int[]} of hash state as big-endian words. Text is looked for in UTF-16BE, UTF-16LE, UTF-8
 * and, where it differs, Latin-1 (a compact {@code String}). The dump's format is not parsed: a
 * match anywhere in the file is a copy, so the count can only err on the side of finding too many.
 */
final class HeapScan {
  private final Map<String, byte[]> patterns = new LinkedHashMap<>();

  /**
   * {@code java} for a child JVM whose heap keeps every object it made: Epsilon, a collector that
   * never collects, so no copy is hidden by a timely collection.
   */
  static List<String> javaKeepingGarbage() {
    return new ArrayList<>(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            TestHome.javaOption(),
            "-XX:+UnlockExperimentalVMOptions",
            "-XX:+UseEpsilonGC",
            "-Xms512m",
            "-Xmx512m"));
  }

  /** Dumps this JVM's heap to {@code file}, unreachable objects included. */
  static void dump(Path file) throws IOException {
    Files.deleteIfExists(file);
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpHeap(file.toString(), false);
  }

  /**
   * Every secret of deriving {@code site}'s password with the page's defaults from {@code phrase}:
   * the phrase, the hardened phrase, the derived bytes and the password.
   */
  static HeapScan ofDerivation(String phrase, String site) {
    MintRequest request = MintRequest.builder(site).build();
    byte[] hardened = Stages.hardenPhrase(phrase.toCharArray());
    String salt = Stages.salt(Stages.normalizeSite(site, request.revision()), request.version());
    byte[] derived = Stages.derive(hardened, salt, Level.STANDARD, Pbkdf2Engine.fastSequential());
    String password;
    try (Password p = Mint.derive(request, phrase.toCharArray())) {
      password = new String(p.toCharArray());
    }
    return new HeapScan()
        .text("phrase", phrase)
        .bytes("hardened phrase", hardened)
        .bytes("derived bytes", derived)
        .text("password", password);
  }

  /** A text secret, in every encoding it can have in a heap. */
  HeapScan text(String name, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    patterns.put(name + " (UTF-8)", utf8);
    patterns.put(name + " (UTF-16BE)", value.getBytes(StandardCharsets.UTF_16BE));
    patterns.put(name + " (UTF-16LE)", value.getBytes(StandardCharsets.UTF_16LE));
    if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)) {
      byte[] latin1 = value.getBytes(StandardCharsets.ISO_8859_1);
      if (!Arrays.equals(latin1, utf8)) {
        patterns.put(name + " (Latin-1)", latin1);
      }
    }
    return this;
  }

  /** A byte secret; also its halves when long (hash blocks are made 32 bytes at a time). */
  HeapScan bytes(String name, byte[] value) {
    exactly(name, value);
    if (value.length >= 64) {
      for (int at = 0; at + 32 <= value.length; at += 32) {
        patterns.put(
            name + " [" + at + ".." + (at + 32) + ")", Arrays.copyOfRange(value, at, at + 32));
      }
    }
    return this;
  }

  /** These bytes as they are, and nothing made of them. */
  HeapScan exactly(String name, byte[] value) {
    if (value.length == 0) {
      throw new IllegalArgumentException("an empty pattern matches everywhere");
    }
    patterns.put(name, value.clone());
    return this;
  }

  int patternCount() {
    return patterns.size();
  }

  /** Each pattern found, with how many times; empty when none is. */
  List<String> findIn(Path hprof) throws IOException {
    byte[] heap = Files.readAllBytes(hprof);
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, byte[]> pattern : patterns.entrySet()) {
      int count = count(heap, pattern.getValue());
      if (count > 0) {
        found.add(pattern.getKey() + ": " + count);
      }
    }
    return found;
  }

  /** Occurrences of {@code pattern} in {@code heap}, overlapping ones included. */
  private static int count(byte[] heap, byte[] pattern) {
    int count = 0;
    byte first = pattern[0];
    outer:
    for (int i = 0, last = heap.length - pattern.length; i <= last; i++) {
      if (heap[i] != first) {
        continue;
      }
      for (int j = 1; j < pattern.length; j++) {
        if (heap[i + j] != pattern[j]) {
          continue outer;
        }
      }
      count++;
    }
    return count;
  }
}
