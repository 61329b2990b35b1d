package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.testing.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored site entries end to end, through the {@code ./mint} launcher as a user runs it, with
 * XDG_CONFIG_HOME at an empty temporary directory: a stored profile gives exactly what the same
 * options typed with --no-profile give; an option typed overrides the stored one; bump moves the
 * version by one.
 */
class SitesAcceptanceIT {
  private static final String PHRASE = "PHRASE";

  @TempDir Path xdg;

  private JarProcess mint(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("mint.root", "..")).resolve("mint").toString());
    command.addAll(List.of(args));
    return JarProcess.exec(
        command,
        Map.of("JAVA_HOME", System.getProperty("java.home"), "XDG_CONFIG_HOME", xdg.toString()),
        stdin.getBytes(StandardCharsets.UTF_8));
  }

  private JarProcess ok(String stdin, String... args) throws Exception {
    JarProcess run = mint(stdin, args);
    assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
    return run;
  }

  private static String password(MintRequest request) {
    try (Password password = Mint.derive(request, PHRASE.toCharArray())) {
      return new String(password.toCharArray()) + "\n";
    }
  }

  /** github.com's entry of the test below, typed instead of stored, with {@code length}. */
  private JarProcess typedGithub(String length) throws Exception {
    return ok(
        PHRASE + "\n",
        "--phrase-stdin",
        "--quiet",
        "--no-profile",
        "--site-version",
        "3",
        "--length",
        length,
        "--no-symbols",
        "github.com");
  }

  @Test
  void aStoredProfileGivesWhatTheSameOptionsTypedGive() throws Exception {
    JarProcess set =
        ok(
            "",
            "site",
            "set",
            "github.com",
            "--site-version",
            "3",
            "--length",
            "20",
            "--no-symbols");
    assertEquals("", set.out());
    Path file = xdg.resolve("mint/sites.json");
    assertAll(
        () ->
            assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file))),
        () ->
            assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))));

    String stored = ok(PHRASE + "\n", "--phrase-stdin", "--quiet", "www.github.com").out();
    String typed = typedGithub("20").out();
    assertEquals(typed, stored);
    assertEquals(
        password(MintRequest.builder("github.com").version(3).length(20).symbols(false).build()),
        stored);

    JarProcess verbose = ok(PHRASE + "\n", "--phrase-stdin", "https://github.com/login");
    assertEquals(
        "github (r3): version 3, length 20, no symbols (from sites.json)\n", verbose.err());

    String overridden =
        ok(PHRASE + "\n", "--phrase-stdin", "--quiet", "--length", "24", "www.github.com").out();
    assertEquals(typedGithub("24").out(), overridden);
    assertTrue(!overridden.equals(stored));

    JarProcess bump = ok("", "site", "bump", "github.com");
    assertEquals(
        "github.com: version 3 -> 4 ("
            + file
            + ")\nchange it at: https://github.com/settings/security\n",
        bump.err());
    assertEquals(
        password(MintRequest.builder("github.com").version(4).length(20).symbols(false).build()),
        ok(PHRASE + "\n", "--phrase-stdin", "--quiet", "github.com").out());
  }
}
