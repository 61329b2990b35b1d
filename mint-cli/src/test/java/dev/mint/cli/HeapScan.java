package dev.mint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts secret byte patterns in a heap dump (.hprof). A dump holds primitive arrays as they are,
 * big-endian: a {@code char[]} or a UTF-16 {@code String} as UTF-16BE, a Latin-1 {@code String} or
 * a {@code byte[]} as its bytes, an {@code int[]} of hash state as big-endian words. Text is looked
 * for in UTF-8 (= Latin-1 for ASCII), UTF-16BE and UTF-16LE.
 */
final class HeapScan {
  private final Map<String, byte[]> patterns = new LinkedHashMap<>();

  /** A text secret, in the three encodings. */
  HeapScan text(String name, String value) {
    patterns.put(name + " (UTF-8)", value.getBytes(StandardCharsets.UTF_8));
    patterns.put(name + " (UTF-16BE)", value.getBytes(StandardCharsets.UTF_16BE));
    patterns.put(name + " (UTF-16LE)", value.getBytes(StandardCharsets.UTF_16LE));
    return this;
  }

  /** A byte secret; also its halves when long (hash blocks are made 32 bytes at a time). */
  HeapScan bytes(String name, byte[] value) {
    patterns.put(name, value.clone());
    if (value.length >= 64) {
      for (int at = 0; at + 32 <= value.length; at += 32) {
        patterns.put(
            name + " [" + at + ".." + (at + 32) + ")",
            java.util.Arrays.copyOfRange(value, at, at + 32));
      }
    }
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
