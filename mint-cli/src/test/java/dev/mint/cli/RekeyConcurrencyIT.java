package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.testing.JarProcess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rotation under way and other writers at once, as real processes of the jar on one sites file:
 * three {@code mint rekey show} (each records the version it chose), three {@code mint rekey done},
 * four {@code mint site set} of new sites and four {@code mint site bump} of a site the rotation
 * moves, all started together. Afterwards every one of them is in the file: no version chosen, no
 * move, no entry and no bump is lost, and the rotation is still under way.
 */
class RekeyConcurrencyIT {
  static final String OLD = "the current phrase of the writers";
  static final String NEW = "the next phrase of the writers";

  @TempDir Path dir;

  private Process start(Path sites, String name, String shellRedirect, String... args)
      throws Exception {
    // the new phrase comes on descriptor 3, which only a shell's redirection can open for a child
    ProcessBuilder builder =
        new ProcessBuilder(
                "/bin/sh", "-c", "exec " + JarProcess.shellCommand(List.of(args)) + shellRedirect)
            .redirectOutput(dir.resolve("out-" + name + ".txt").toFile())
            .redirectError(dir.resolve("err-" + name + ".txt").toFile());
    JarProcess.isolate(builder.environment());
    builder.environment().put(SitesFile.ENV_FILE, sites.toString());
    return builder.start();
  }

  CliRun inProcess(Path sites, String stdin, String... args) {
    return CliRun.run(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        Map.of("MINT_SITES", sites.toString())::get,
        fd -> new ByteArrayInputStream((NEW + "\n").getBytes(StandardCharsets.UTF_8)),
        args);
  }

  @Test
  void showsDonesAndOtherWritersAtOnceLoseNothing() throws Exception {
    Path sites = dir.resolve("sites.json");
    for (int i = 0; i < 6; i++) {
      assertEquals(0, inProcess(sites, "", "site", "set", "move" + i + ".example").exitCode());
    }
    assertEquals(
        0, inProcess(sites, "", "site", "set", "bumped.example", "--site-version", "5").exitCode());
    CliRun begin =
        inProcess(sites, OLD + "\n", "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3");
    assertEquals(0, begin.exitCode(), begin.err());
    for (int i = 3; i < 6; i++) {
      CliRun show =
          inProcess(
              sites,
              OLD + "\n",
              "rekey",
              "show",
              "--phrase-stdin",
              "--new-phrase-fd",
              "3",
              "move" + i + ".example");
      assertEquals(0, show.exitCode(), show.err());
    }
    Path newPhrase = dir.resolve("new-phrase");
    Files.writeString(newPhrase, NEW + "\n");
    Path oldPhrase = dir.resolve("old-phrase");
    Files.writeString(oldPhrase, OLD + "\n");

    List<Process> processes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String phrases =
        " <"
            + JarProcess.quote(oldPhrase.toString())
            + " 3<"
            + JarProcess.quote(newPhrase.toString());
    for (int i = 0; i < 4; i++) {
      if (i < 3) {
        names.add("show" + i);
        processes.add(
            start(
                sites,
                names.get(names.size() - 1),
                phrases,
                "rekey",
                "show",
                "--phrase-stdin",
                "--new-phrase-fd",
                "3",
                "move" + i + ".example"));
        names.add("done" + (i + 3));
        processes.add(
            start(
                sites,
                names.get(names.size() - 1),
                "",
                "rekey",
                "done",
                "move" + (i + 3) + ".example"));
      }
      names.add("set" + i);
      processes.add(
          start(sites, names.get(names.size() - 1), "", "site", "set", "new" + i + ".example"));
      names.add("bump" + i);
      processes.add(
          start(sites, names.get(names.size() - 1), "", "site", "bump", "bumped.example"));
    }
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(names.get(i) + " did not finish");
      }
      if (p.exitValue() != 0) {
        errors.add(
            names.get(i)
                + ": exit "
                + p.exitValue()
                + ": "
                + Files.readString(dir.resolve("err-" + names.get(i) + ".txt")));
      }
    }
    assertEquals(List.of(), errors);

    JsonNode root = new ObjectMapper().readTree(sites.toFile());
    assertTrue(root.has("rotation"), root.toString());
    Map<String, JsonNode> bySite = new TreeMap<>();
    root.get("sites").forEach(e -> bySite.put(e.get("site").asText(), e));
    assertEquals(11, bySite.size(), bySite.keySet().toString());
    for (int i = 0; i < 6; i++) {
      JsonNode e = bySite.get("move" + i + ".example");
      assertTrue(e.has("rekeyVersion"), e.toString());
      assertEquals(i >= 3, e.has("rekeyed"), e.toString());
    }
    for (int i = 0; i < 4; i++) {
      assertTrue(bySite.containsKey("new" + i + ".example"), bySite.keySet().toString());
    }
    assertEquals("9", bySite.get("bumped.example").get("version").asText());
    // each show printed the pair whose new password done now stores
    for (int i = 0; i < 3; i++) {
      List<String> pair = Files.readAllLines(dir.resolve("out-show" + i + ".txt"));
      assertEquals(2, pair.size(), pair.toString());
      assertEquals(0, inProcess(sites, "", "rekey", "done", "move" + i + ".example").exitCode());
      CliRun derive = inProcess(sites, NEW + "\n", "--phrase-stdin", "move" + i + ".example");
      assertEquals(pair.get(1) + "\n", derive.out(), derive.err());
    }
    CliRun status = inProcess(sites, "", "rekey", "status");
    assertTrue(status.out().contains("\nmoved 6 of 11 sites\n"), status.out());
  }
}
