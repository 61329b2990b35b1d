package dev.mint.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test utility, the one heap scanner: counts copies of secrets in a heap dump (.hprof) that a child
 * JVM wrote, garbage included ({@link #javaKeepingGarbage} starts one; mint-cli's HeapDumpMain and
 * its siblings dump from their main or from a shutdown hook for Ctrl-C). A dump holds primitive
 * arrays as they are, big-endian: a {@code char[]} or a UTF-16 {@code String} as UTF-16BE, a
 * Latin-1 {@code String} or a {@code byte[]} as its bytes, an {@code int[]} of hash state as
 * big-endian words. Text is looked for in UTF-16BE, UTF-16LE, UTF-8 and, where it differs, Latin-1
 * (a compact {@code String}). The dump's format is not parsed: a match anywhere in the file is a
 * copy, so the count can only err on the side of finding too many.
 */
public final class HeapScan {
  private final Map<String, byte[]> patterns = new LinkedHashMap<>();

  /**
   * {@code java} for a child JVM whose heap keeps every object it made: Epsilon, a collector that
   * never collects, so no copy is hidden by a timely collection.
   */
  public static List<String> javaKeepingGarbage() {
    return new ArrayList<>(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            TestHome.javaOption(),
            "-XX:+UnlockExperimentalVMOptions",
            "-XX:+UseEpsilonGC",
            "-Xms512m",
            "-Xmx512m"));
  }

  /** A text secret, in every encoding it can have in a heap. */
  public HeapScan text(String name, String value) {
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
  public HeapScan bytes(String name, byte[] value) {
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
  public HeapScan exactly(String name, byte[] value) {
    if (value.length == 0) {
      throw new IllegalArgumentException("an empty pattern matches everywhere");
    }
    patterns.put(name, value.clone());
    return this;
  }

  public int patternCount() {
    return patterns.size();
  }

  /** Each pattern found, with how many times; empty when none is. */
  public List<String> findIn(Path hprof) throws IOException {
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
