package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.testing.HostileFs;
import dev.mint.testing.JarProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R18 and C25 (docs/THREAT_MODEL.md; docs/TESTING.md, "Fault injection"): a real writer process
 * killed with SIGKILL at every step of the write leaves the old file or the new one, whole and
 * parseable, and the next writer loses nothing and leaves no litter; a full disk (a real, small
 * tmpfs) is one clear line and the old file intact; a directory swapped for a link while the writer
 * holds the lock never makes it write elsewhere. The steps are those of the writer's test seam
 * ({@code dev.mint.cli.sites.store.WriteSeam}), which pauses a process built with the seam's
 * properties at the step named and lets the test kill it exactly there.
 */
class SitesFaultInjectionIT {
  /** The steps, in the writer's order, and whether the file is already the new one there. */
  static final Map<String, Boolean> STEPS = new LinkedHashMap<>();

  static {
    STEPS.put("locked", false);
    STEPS.put("read", false);
    STEPS.put("temp-written", false); // before the temporary file is forced to disk
    STEPS.put("forced", false); // after it is forced, before the rename
    STEPS.put("renamed", true); // after the rename, before the directory is forced
    STEPS.put("directory-forced", true);
  }

  static final int ROUNDS = 4;
  static final int RANDOM_KILLS = 12;

  @TempDir Path dir;

  Process start(Path sites, List<String> jvm, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
    command.addAll(jvm);
    command.addAll(List.of("-jar", JarProcess.jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("last-err.txt").toFile());
    JarProcess.isolate(builder.environment());
    builder.environment().put(SitesFile.ENV_FILE, sites.toString());
    return builder.start();
  }

  JarProcess mint(Path sites, String... args) throws Exception {
    return JarProcess.run(
        new byte[0], Map.of(SitesFile.ENV_FILE, sites.toString()), List.of(), List.of(args));
  }

  static Set<String> sitesIn(byte[] file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file); // throws when not whole JSON
    assertEquals("mint-sites/1", root.get("format").textValue());
    Set<String> sites = new TreeSet<>();
    root.get("sites").forEach(e -> sites.add(e.get("site").textValue()));
    return sites;
  }

  static void waitFor(Path marker, Process process, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(marker)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "the writer did not reach " + marker.getFileName() + ": " + Files.readString(err));
      }
      Thread.sleep(2);
    }
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aWriterKilledAtEveryStepLeavesTheOldOrTheNewFileAndTheNextWriterLosesNothing()
      throws Exception {
    Path sites = dir.resolve("config/sites.json");
    assertEquals(0, mint(sites, "site", "set", "base.example").exitCode());
    Set<String> expected = new TreeSet<>(Set.of("base.example"));
    Map<String, int[]> outcomes = new LinkedHashMap<>(); // step -> {old, new}
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Boolean> step : STEPS.entrySet()) {
        Path seam = Files.createDirectory(dir.resolve("seam-" + round + "-" + step.getKey()));
        byte[] before = Files.readAllBytes(sites);
        String site = "k" + round + "-" + step.getKey() + ".example";
        Process writer =
            start(
                sites,
                List.of(
                    "-Dmint.test.seam.pauseAt=" + step.getKey(), "-Dmint.test.seam.dir=" + seam),
                "site",
                "set",
                site);
        waitFor(seam.resolve(step.getKey() + ".reached"), writer, dir.resolve("last-err.txt"));
        writer.destroyForcibly(); // SIGKILL
        assertEquals(137, writer.waitFor(), "killed by SIGKILL");
        byte[] after = Files.readAllBytes(sites);
        Set<String> stored = sitesIn(after);
        int[] counts = outcomes.computeIfAbsent(step.getKey(), k -> new int[2]);
        if (Arrays.equals(before, after)) {
          counts[0]++;
          assertEquals(expected, stored);
        } else {
          counts[1]++;
          expected.add(site);
          assertEquals(expected, stored, "the new file is the old one plus the new entry");
        }
        assertEquals(
            step.getValue(),
            !Arrays.equals(before, after),
            step.getKey() + ": the new file only from the rename on");
      }
    }
    // the next writer is not blocked by a lock a dead writer held, and clears their litter
    assertEquals(0, mint(sites, "site", "set", "last.example").exitCode());
    expected.add("last.example");
    StringBuilder report = new StringBuilder("kills at each step (old file, new file):");
    outcomes.forEach((k, v) -> report.append(' ').append(k).append(' ').append(Arrays.toString(v)));
    System.out.println(report);
    assertAll(
        () -> assertEquals(expected, sitesIn(Files.readAllBytes(sites)), "nothing lost"),
        () ->
            assertEquals(
                List.of("sites.json", "sites.json.lock"),
                names(sites.getParent()),
                "no temporary file of a killed writer is left"));
  }

  /** Kills at random moments of a whole run (start-up included), without the seam. */
  @Test
  void aWriterKilledAtRandomMomentsLeavesTheOldOrTheNewFile() throws Exception {
    Path sites = dir.resolve("config/sites.json");
    assertEquals(0, mint(sites, "site", "set", "base.example").exitCode());
    Set<String> expected = new TreeSet<>(Set.of("base.example"));
    Random random = new Random(18);
    int[] outcomes = new int[3]; // old, new, finished
    for (int i = 0; i < RANDOM_KILLS; i++) {
      byte[] before = Files.readAllBytes(sites);
      String site = "r" + i + ".example";
      Process writer = start(sites, List.of(), "site", "set", site);
      Thread.sleep(150 + random.nextInt(600));
      boolean killed = writer.isAlive();
      writer.destroyForcibly();
      writer.waitFor();
      byte[] after = Files.readAllBytes(sites);
      Set<String> stored = sitesIn(after);
      if (!Arrays.equals(before, after)) {
        expected.add(site);
      }
      outcomes[killed ? (Arrays.equals(before, after) ? 0 : 1) : 2]++;
      assertEquals(expected, stored);
    }
    System.out.println(
        "random kills (old file, new file, writer had finished): " + Arrays.toString(outcomes));
  }

  /** A full disk: one clear line, exit 4, the old file byte for byte, no temporary file left. */
  @Test
  void aFullDiskIsAClearErrorAndTheOldFileIsIntact() throws Exception {
    HostileFs.requireRoot();
    Path mount = Files.createDirectory(dir.resolve("small"));
    Process mounting =
        new ProcessBuilder(
                "mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", mount.toString())
            .redirectErrorStream(true)
            .start();
    String why = new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    HostileFs.require(mounting.waitFor() == 0, "cannot mount a tmpfs here: " + why.strip());
    try {
      Path sites = mount.resolve("sites.json");
      assertEquals(0, mint(sites, "site", "set", "base.example").exitCode());
      byte[] before = Files.readAllBytes(sites);
      try (OutputStream filler = Files.newOutputStream(mount.resolve("filler"))) {
        byte[] block = new byte[4096];
        while (true) {
          filler.write(block);
          filler.flush();
        }
      } catch (IOException full) {
        // the disk is full
      }
      JarProcess run = mint(sites, "site", "set", "other.example", "--note", "x".repeat(200));
      assertAll(
          () -> assertEquals(ExitCodes.IO, run.exitCode(), run.err()),
          () -> assertEquals(1, run.err().lines().count(), run.err()),
          () -> assertTrue(run.err().startsWith("mint: " + sites), run.err()),
          () -> assertTrue(run.err().contains("no space left on the device"), run.err()),
          () -> assertTrue(run.err().contains("unchanged"), run.err()),
          () -> assertArrayEquals(before, Files.readAllBytes(sites)),
          () ->
              assertEquals(
                  List.of("filler", "sites.json", "sites.json.lock"),
                  names(mount),
                  "no temporary file left"));
    } finally {
      HostileFs.run("umount", mount.toString());
    }
  }

  /**
   * A directory swapped for a link to another directory while the writer holds the lock (after it
   * read the file): the writer writes only where it read, or refuses; the other directory is never
   * written. Root swaps its own directories here, which the ownership checks cannot see: the
   * directory handle (or the check of device and inode under the lock) is what protects.
   */
  @Test
  void aDirectorySwappedAfterTheReadNeverMakesTheWriterWriteElsewhere() throws Exception {
    HostileFs.requireRoot();
    Path tools = HostileFs.pythonTools(dir);
    Path real = Files.createDirectory(dir.resolve("real"));
    Path victim = Files.createDirectory(dir.resolve("victim"));
    Path sites = real.resolve("sites.json");
    Files.writeString(
        sites, "{\"format\": \"mint-sites/1\", \"run\": \"rm -rf /\", \"sites\": []}");
    Files.setPosixFilePermissions(sites, PosixFilePermissions.fromString("rw-------"));
    byte[] victimFile = "root's own\n".getBytes(StandardCharsets.UTF_8);
    Files.write(victim.resolve("sites.json"), victimFile);
    Path link = Files.createSymbolicLink(dir.resolve("link"), victim);
    Path seam = Files.createDirectory(dir.resolve("seam"));
    Process writer =
        start(
            sites,
            List.of("-Dmint.test.seam.pauseAt=read", "-Dmint.test.seam.dir=" + seam),
            "site",
            "set",
            "a.com");
    waitFor(seam.resolve("read.reached"), writer, dir.resolve("last-err.txt"));
    HostileFs.exchange(tools, real, link); // 'real' is now the link to victim
    Files.createFile(seam.resolve("read.go"));
    assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("last-err.txt"));
    assertAll(
        () -> assertArrayEquals(victimFile, Files.readAllBytes(victim.resolve("sites.json")), err),
        () -> assertEquals(List.of("sites.json"), names(victim), err),
        () -> assertEquals(ExitCodes.IO, writer.exitValue(), err),
        () -> assertTrue(err.contains("moved or replaced"), err));
  }
}
