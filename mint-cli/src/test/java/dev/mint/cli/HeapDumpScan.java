package dev.mint.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test utility: dumps a JVM's heap, garbage included, and counts copies of secrets in the dump.
 *
 * <p>A child JVM calls {@link #dump} (from its main, or from a shutdown hook for Ctrl-C); the test
 * then calls {@link #count} on the file with {@link #patterns}: every form a secret can take in a
 * Java heap. Text as UTF-16 in both byte orders (a {@code char[]}, or a {@code String} of
 * non-Latin-1 text) and as single bytes (a compact Latin-1 {@code String}, or UTF-8 bytes of ASCII
 * text), bytes as they are. The dump's format is not parsed: a match anywhere in the file is a
 * copy, so the count can only err on the side of finding too many.
 */
final class HeapDumpScan {
  private HeapDumpScan() {}

  /** Dumps this JVM's heap to {@code file}, unreachable objects included. */
  static void dump(Path file) throws IOException {
    Files.deleteIfExists(file);
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpHeap(file.toString(), false);
  }

  /** The byte patterns for {@code text}: UTF-16BE, UTF-16LE and Latin-1 (= UTF-8 for ASCII). */
  static Map<String, byte[]> patterns(String name, String text) {
    Map<String, byte[]> patterns = new LinkedHashMap<>();
    patterns.put(name + " (UTF-16BE)", text.getBytes(StandardCharsets.UTF_16BE));
    patterns.put(name + " (UTF-16LE)", text.getBytes(StandardCharsets.UTF_16LE));
    patterns.put(name + " (UTF-8)", text.getBytes(StandardCharsets.UTF_8));
    if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
      patterns.put(name + " (Latin-1)", text.getBytes(StandardCharsets.ISO_8859_1));
    }
    return patterns;
  }

  /** How many times each pattern occurs in {@code dump}; the names of those found, with counts. */
  static List<String> found(Path dump, Map<String, byte[]> patterns) throws IOException {
    byte[] heap = Files.readAllBytes(dump);
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, byte[]> pattern : patterns.entrySet()) {
      int n = count(heap, pattern.getValue());
      if (n > 0) {
        found.add(pattern.getKey() + ": " + n);
      }
    }
    return found;
  }

  /** Occurrences of {@code pattern} in {@code data}, overlapping ones included. */
  static int count(byte[] data, byte[] pattern) {
    if (pattern.length == 0) {
      throw new IllegalArgumentException("an empty pattern matches everywhere");
    }
    int n = 0;
    byte first = pattern[0];
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      if (data[i] != first) {
        continue;
      }
      for (int j = 1; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      n++;
    }
    return n;
  }
}
