package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C13 (docs/THREAT_MODEL.md): concurrent writers lose nothing. Real processes, not threads: 20
 * {@code mint site set siteN} and 10 {@code mint site bump shared.com}, all started at once on one
 * sites file; afterwards the file holds all 21 entries and shared.com's version went up by exactly
 * 10. Without the lock around read-modify-write, entries and bumps are lost.
 */
class SitesConcurrencyIT {
  static final int SETTERS = 20;
  static final int BUMPERS = 10;

  @TempDir Path dir;

  private Process start(Path sites, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                TestHome.javaOption(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JarProcess.jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(
                dir.resolve("err-" + String.join("-", args).replace('/', '_') + ".txt").toFile());
    JarProcess.isolate(builder.environment());
    builder.environment().put(SitesFile.ENV_FILE, sites.toString());
    return builder.start();
  }

  @Test
  void twentyWritersAtOnceLoseNoEntryAndTenBumpsLoseNoBump() throws Exception {
    Path sites = dir.resolve("config/sites.json");
    Process first = start(sites, "site", "set", "shared.com", "--site-version", "5");
    assertEquals(0, first.waitFor());

    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < Math.max(SETTERS, BUMPERS); i++) {
      if (i < SETTERS) {
        processes.add(
            start(
                sites,
                "site",
                "set",
                "site" + i + ".example",
                "--length",
                Integer.toString(12 + i)));
      }
      if (i < BUMPERS) {
        processes.add(start(sites, "site", "bump", "shared.com"));
      }
    }
    for (Process process : processes) {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("a writer did not finish");
      }
    }
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      if (processes.get(i).exitValue() != 0) {
        errors.add("process " + i + " exit " + processes.get(i).exitValue());
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path err : files.filter(p -> p.getFileName().toString().startsWith("err-")).toList()) {
        String text = Files.readString(err, StandardCharsets.UTF_8);
        if (text.startsWith("mint: ")) {
          errors.add(text.strip());
        }
      }
    }
    assertEquals(List.of(), errors);

    JsonNode root = new ObjectMapper().readTree(sites.toFile());
    Set<String> stored = new TreeSet<>();
    String sharedVersion = null;
    for (JsonNode entry : root.get("sites")) {
      stored.add(entry.get("site").textValue());
      if (entry.get("site").textValue().equals("shared.com")) {
        sharedVersion = entry.get("version").textValue();
      }
    }
    Set<String> expected = new TreeSet<>(Set.of("shared.com"));
    for (int i = 0; i < SETTERS; i++) {
      expected.add("site" + i + ".example");
    }
    String version = sharedVersion;
    try (Stream<Path> left = Files.list(sites.getParent())) {
      List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
      assertAll(
          () -> assertEquals(expected, stored, "every writer's entry is there"),
          () -> assertEquals(SETTERS + 1, root.get("sites").size(), "and no entry twice"),
          () -> assertEquals(Integer.toString(5 + BUMPERS), version, "every bump counted"),
          () ->
              assertEquals(
                  List.of("sites.json", "sites.json.lock"), names, "no temporary file left"));
    }
  }
}
