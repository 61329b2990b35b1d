package dev.mint.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --clip} without {@code XDG_RUNTIME_DIR} keeps its state in {@code TMPDIR/mint-USER}; a
 * directory another real user made there first (before mint) must not block {@code --clip}: mint
 * falls back to a private directory under the user's own home (docs/THREAT_MODEL.md, C31). The
 * other user is a real one, made with {@code useradd}; without root the test is skipped.
 */
class ClipStateDirTest {
  private static final String OTHER = "mintclipother";

  @TempDir Path dir;

  private static UserPrincipal otherUser() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED: needs root to make a second user (useradd)");
    if (new ProcessBuilder("id", "-u", OTHER).start().waitFor() != 0) {
      Process add = new ProcessBuilder("useradd", "--no-create-home", OTHER).inheritIO().start();
      assumeTrue(add.waitFor() == 0, "SKIPPED: useradd failed");
    }
    return java.nio.file.FileSystems.getDefault()
        .getUserPrincipalLookupService()
        .lookupPrincipalByName(OTHER);
  }

  @Test
  void aDirectoryAnotherUserMadeInTmpFallsBackToAPrivateOne() throws Exception {
    UserPrincipal other = otherUser();
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path planted = tmp.resolve("mint-" + System.getProperty("user.name"));
    Files.createDirectory(
        planted,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.setOwner(planted, other);
    Path home = Files.createDirectories(dir.resolve("home"));
    String before = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
    try {
      Path state = ClipboardClearer.stateDir(Map.of("HOME", home.toString())::get);
      assertEquals(home.resolve(".cache/mint-clip"), state);
      assertEquals(
          System.getProperty("user.name"),
          Files.getOwner(state, LinkOption.NOFOLLOW_LINKS).getName());
      assertEquals(
          PosixFilePermissions.fromString("rwx------"),
          Files.getPosixFilePermissions(state, LinkOption.NOFOLLOW_LINKS));
      assertEquals(OTHER, Files.getOwner(planted).getName()); // left as it was
      // a link planted there is no better
      Files.delete(planted);
      Files.createSymbolicLink(planted, Files.createDirectories(dir.resolve("elsewhere")));
      assertEquals(state, ClipboardClearer.stateDir(Map.of("HOME", home.toString())::get));
      assertTrue(Files.isSymbolicLink(planted));
    } finally {
      System.setProperty("java.io.tmpdir", before);
    }
  }
}
