package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.testing.TestHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tests cannot reach the user's sites file: the test JVM's HOME, XDG_CONFIG_HOME and {@code
 * user.home} are the build's (the parent pom), never the passwd home, MINT_SITES is unset, and a
 * hostile sites file at the home the in-process runs fall back to changes no password.
 */
class HermeticTest {
  static final String MARKER = "hermetic Marker Qw8Zt3 phrase";

  /** The home directory of this process's user in /etc/passwd, where Java would take it from. */
  static Optional<Path> passwdHome() throws IOException {
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      String[] fields = line.split(":", -1);
      if (fields.length >= 6 && fields[2].equals(uid.toString())) {
        return Optional.of(Path.of(fields[5]));
      }
    }
    return Optional.empty();
  }

  private static String passwordFor(String phrase) {
    try (Password password =
        Mint.derive(MintRequest.builder("github.com").build(), phrase.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  /**
   * TestHome lives in the test-support module, which cannot see mint-cli: it names the variables
   * mint finds the sites file through itself, and must name the ones SitesFile reads.
   */
  @Test
  void testHomeTakesAwayTheVariablesMintFindsTheSitesFileThrough() {
    Map<String, String> env = new HashMap<>();
    env.put(SitesFile.ENV_FILE, "/elsewhere/sites.json");
    env.put(SitesFile.ENV_XDG, "/elsewhere");
    TestHome.isolate(env);
    assertAll(
        () -> assertNull(env.get(SitesFile.ENV_FILE), "MINT_SITES left in: " + env),
        () -> assertEquals(TestHome.CONFIG.toString(), env.get(SitesFile.ENV_XDG), env.toString()));
  }

  @Test
  void theTestJvmHasAHomeOfItsOwnAndNoMintSites() throws IOException {
    Path build = Path.of("target").toAbsolutePath();
    Optional<Path> passwd = passwdHome();
    String home = System.getenv("HOME");
    String xdg = System.getenv("XDG_CONFIG_HOME");
    assertAll(
        () -> assertNull(System.getenv(SitesFile.ENV_FILE), "MINT_SITES reaches the tests"),
        () -> assertTrue(home != null && Path.of(home).startsWith(build), "HOME=" + home),
        () -> assertTrue(xdg != null && Path.of(xdg).startsWith(build), "XDG=" + xdg),
        () ->
            assertNotEquals(
                passwd.map(Path::toString).orElse("?"),
                Path.of(System.getProperty("user.home")).toString(),
                "user.home is the passwd home"));
  }

  /**
   * Where an in-process run looks when its environment names no usable directory (XDG_CONFIG_HOME
   * empty, or relative, which XDG ignores): {@code user.home}, which here is {@link TestHome}'s, as
   * it is in every test (no test names this fallback: they use CliRun's directory, TestHome's
   * {@code config/} or their own). A hostile file planted there, made by the CLI itself (another
   * phrase's recorded check, a github.com entry of its own), changes no password of a run that
   * names no file, and no run rewrites it.
   */
  @Test
  void aHostileFileAtTheFallbackHomeIsNeitherReadNorWritten() throws IOException {
    Path home = CliRun.ISOLATED_CONFIG.getParent(); // CliRun's first use makes TestHome's home
    assertEquals(home, Path.of(System.getProperty("user.home")));
    assertFalse(passwdHome().map(home::equals).orElse(false), "user.home is the passwd home");
    Path config = home.resolve(".config");
    for (String xdg : List.of("", "relative/config")) {
      Map<String, String> env = new HashMap<>(Map.of("XDG_CONFIG_HOME", xdg));
      assertEquals(
          config.resolve("mint/sites.json"),
          SitesFile.locate(env::get, System.getProperty("user.home")).path());
    }
    Map<String, String> planted = Map.of("XDG_CONFIG_HOME", config.toString());
    Path sites = config.resolve("mint/sites.json");
    try {
      CliRun remember =
          CliRun.withEnv(planted, "not the test phrase\n", "check", "--remember", "--phrase-stdin");
      assertEquals(0, remember.exitCode(), remember.err());
      CliRun set = CliRun.withEnv(planted, "", "site", "set", "github.com", "--length", "20");
      assertEquals(0, set.exitCode(), set.err());
      byte[] hostile = Files.readAllBytes(sites);

      CliRun run = CliRun.withStdin(MARKER + "\n", "--phrase-stdin", "--quiet", "github.com");
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(passwordFor(MARKER) + "\n", run.out(), "the page's password");
      CliRun store = CliRun.run("site", "set", "example.org");
      assertEquals(0, store.exitCode(), store.err());
      assertArrayEquals(hostile, Files.readAllBytes(sites), "the file at the home was changed");
    } finally {
      Files.deleteIfExists(sites);
    }
  }
}
