package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.testing.JarProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input too large to take in, the sites file's part (docs/THREAT_MODEL.md, C26): a sites file as
 * large as mint reads (16 MiB) of empty objects is refused with one line under {@code -Xmx512m}
 * instead of taking over a gigabyte; {@code site import} of 60,000 entries is a merge through a
 * map, not a comparison of every pair (it took about an hour, holding the lock); and a Java {@code
 * Error} (out of memory) is one line and exit 6, not a stack trace.
 */
class SitesHugeInputIT {
  @TempDir Path dir;

  /** A file of exactly {@code bytes} bytes: {@code {"format": ..., FIELD: [{},{},...]}}. */
  static Path emptyObjects(Path file, String field, long bytes) throws IOException {
    String head = "{\"format\": \"mint-sites/1\", \"" + field + "\": [{}";
    String tail = "]}";
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      long left = bytes - head.length() - tail.length();
      byte[] three = ",{}".getBytes(StandardCharsets.US_ASCII);
      byte[] block = new byte[3 * 4096];
      for (int i = 0; i < block.length; i += 3) {
        System.arraycopy(three, 0, block, i, 3);
      }
      while (left >= block.length) {
        out.write(block);
        left -= block.length;
      }
      while (left >= 3) {
        out.write(three);
        left -= 3;
      }
      out.write(" ".repeat((int) left).getBytes(StandardCharsets.US_ASCII));
      out.write(tail.getBytes(StandardCharsets.US_ASCII));
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertEquals(bytes, Files.size(file));
    return file;
  }

  JarProcess mint(Path sites, List<String> jvm, String... args) throws Exception {
    return JarProcess.run(
        new byte[0], Map.of(SitesFile.ENV_FILE, sites.toString()), jvm, List.of(args));
  }

  @Test
  void sixteenMebibytesOfEmptyObjectsAreRefusedInHalfAGigabyte() throws Exception {
    for (String field : List.of("sites", "unknown")) {
      Path sites = emptyObjects(dir.resolve(field + ".json"), field, SitesFile.MAX_BYTES);
      byte[] before = Files.readAllBytes(sites);
      for (List<String> command :
          List.of(List.of("site", "list"), List.of("site", "set", "a.com"))) {
        JarProcess run = mint(sites, List.of("-Xmx512m"), command.toArray(String[]::new));
        assertAll(
            () -> assertEquals(ExitCodes.IO, run.exitCode(), field + " " + command + run.err()),
            () -> assertEquals(1, run.err().lines().count(), run.err()),
            () -> assertTrue(run.err().startsWith("mint: " + sites), run.err()),
            () -> assertTrue(run.err().contains("more than"), run.err()),
            () -> assertArrayEquals(before, Files.readAllBytes(sites)));
      }
    }
  }

  @Test
  void outOfMemoryIsOneLineAndItsOwnExitStatus() throws Exception {
    Path sites = emptyObjects(dir.resolve("sites.json"), "unknown", SitesFile.MAX_BYTES);
    JarProcess run = mint(sites, List.of("-Xmx16m"), "site", "list");
    assertAll(
        () -> assertEquals(ExitCodes.OUT_OF_MEMORY, run.exitCode(), run.err()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: out of memory"), run.err()),
        () -> assertFalse(run.err().contains("\tat "), "no stack trace"));
  }

  /**
   * 60,000 entries imported into an empty file, then imported again (all unchanged): the merge
   * looks entries up by site and account. Quadratic, the first import took about an hour; the bound
   * here only says it did not hang (whole-process figures are in docs/TESTING.md).
   */
  @Test
  void sixtyThousandEntriesImportThroughAMap() throws Exception {
    Path incoming = dir.resolve("incoming.json");
    int count = 60_000;
    try (Writer out = Files.newBufferedWriter(incoming, StandardCharsets.UTF_8)) {
      out.write("{\"format\": \"mint-sites/1\", \"sites\": [\n");
      for (int i = 0; i < count; i++) {
        out.write(
            (i == 0 ? "" : ",\n")
                + "{\"site\": \"s"
                + i
                + ".example\", \"revision\": \"r3\", \"version\": \"1\", \"length\": 16,"
                + " \"upper\": true, \"lower\": true, \"digits\": true, \"symbols\": true,"
                + " \"excludeAmbiguous\": false, \"level\": \"standard\","
                + " \"created\": \"2026-01-01\", \"updated\": \"2026-01-01\"}");
      }
      out.write("]}\n");
    }
    Path sites = dir.resolve("config/sites.json");
    long start = System.nanoTime();
    JarProcess first = mint(sites, List.of(), "site", "import", incoming.toString());
    long firstMs = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    JarProcess again = mint(sites, List.of(), "site", "import", incoming.toString());
    long againMs = (System.nanoTime() - start) / 1_000_000;
    System.out.println("import of " + count + " entries: " + firstMs + " ms, again " + againMs);
    assertAll(
        () -> assertEquals(0, first.exitCode(), first.err()),
        () ->
            assertTrue(
                first.err().endsWith(": 60000 added, 0 updated, 0 unchanged, 0" + " conflicting\n"),
                first.err()),
        () -> assertEquals(0, again.exitCode(), again.err()),
        () ->
            assertTrue(
                again.err().endsWith(": 0 added, 0 updated, 60000 unchanged, 0" + " conflicting\n"),
                again.err()),
        () -> assertEquals(count, new ObjectMapper().readTree(sites.toFile()).get("sites").size()));
  }
}
