package dev.mint.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every readable mapping of a live process through {@code /proc/PID/mem}. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** How often each needle occurs; where, on standard output (the mapping's line of maps). */
  public static Map<String, Integer> count(long pid, Map<String, byte[]> needles)
      throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    needles.keySet().forEach(k -> counts.put(k, 0));
    List<String> names = new ArrayList<>(needles.keySet());
    List<byte[]> values = new ArrayList<>(needles.values());
    int longest = values.stream().mapToInt(v -> v.length).max().orElse(1);
    boolean[] first = new boolean[256];
    values.forEach(v -> first[v[0] & 0xff] = true);
    byte[] chunk = new byte[1 << 20];
    try (RandomAccessFile mem = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
      for (String map : resident(pid)) {
        String[] fields = map.split("\\s+");
        if (fields[1].charAt(0) != 'r' || map.contains("[vvar]") || map.contains("[vsyscall]")) {
          continue;
        }
        String[] range = fields[0].split("-");
        long start = Long.parseUnsignedLong(range[0], 16);
        long end = Long.parseUnsignedLong(range[1], 16);
        for (long at = start; at < end; at += chunk.length - longest) {
          int n;
          try {
            mem.seek(at);
            n = mem.read(chunk, 0, (int) Math.min(chunk.length, end - at));
          } catch (IOException e) {
            break; // a mapping the kernel will not give
          }
          if (n <= 0) {
            break;
          }
          boolean last = at + n >= end;
          int limit = last ? n : n - longest;
          for (int i = 0; i < limit; i++) {
            if (!first[chunk[i] & 0xff]) {
              continue;
            }
            for (int k = 0; k < values.size(); k++) {
              byte[] needle = values.get(k);
              if (chunk[i] == needle[0] && matches(chunk, i, n, needle)) {
                counts.merge(names.get(k), 1, Integer::sum);
                System.out.println(
                    "  " + names.get(k) + " at 0x" + Long.toHexString(at + i) + " in " + map);
              }
            }
          }
          if (last) {
            break;
          }
        }
      }
    }
    return counts;
  }

  /**
   * The lines of {@code /proc/PID/maps} whose mapping has pages in memory ({@code Rss} above 0 in
   * {@code smaps}): the JVM reserves gigabytes it never touches, which read as zeros, slowly. The
   * machine has no swap in use (a swapped-out page would be read too, through mem).
   */
  private static List<String> resident(long pid) throws IOException {
    List<String> maps = new ArrayList<>();
    String header = null;
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
      if (Character.isDigit(line.charAt(0)) || Character.isLowerCase(line.charAt(0))) {
        if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
          header = line;
        }
      } else if (line.startsWith("Rss:") && header != null) {
        if (!line.matches("Rss:\\s+0 kB")) {
          maps.add(header);
        }
        header = null;
      }
    }
    return maps;
  }

  private static boolean matches(byte[] hay, int at, int n, byte[] needle) {
    if (at + needle.length > n) {
      return false;
    }
    for (int j = 1; j < needle.length; j++) {
      if (hay[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }
}
