package dev.mint.cli;

import dev.mint.cli.sites.store.SitesFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The home of every test of this JVM and of every process it starts: an empty directory of its own,
 * never the user's, so that the machine's own sites file ({@code ~/.config/mint/sites.json}) can
 * neither change a result nor be touched by the build.
 *
 * <p>Three ways lead to a home and each is closed: {@code HOME} and {@code XDG_CONFIG_HOME} in the
 * environment of child processes ({@link #isolate}), and Java's {@code user.home}, which a JVM
 * takes from the passwd entry, not from {@code HOME} (so a child JVM gets {@link #javaOption}, and
 * this JVM's own property is set here, for the in-process runs of {@link CliRun}). The build sets
 * the same defaults for the test JVMs themselves (the parent pom's surefire and failsafe
 * configuration); this class also holds when a test runs from an IDE. A test that writes a sites
 * file makes a fresh directory of its own ({@code @TempDir}).
 */
final class TestHome {
  private TestHome() {}

  /** The home: {@code user.home} of this JVM from the first use of this class on. */
  static final Path HOME = create();

  /**
   * The configuration directory, {@code XDG_CONFIG_HOME} of the processes the tests start: not
   * {@code HOME/.config}, which is where a run that named no usable directory would fall back to
   * ({@code HermeticTest} plants a hostile file there).
   */
  static final Path CONFIG = HOME.resolve("config");

  private static Path create() {
    try {
      Path home = Files.createTempDirectory("mint-test-home");
      Files.createDirectories(home.resolve("config"));
      System.setProperty("user.home", home.toString());
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM option that gives a child JVM this home as {@code user.home}. */
  static String javaOption() {
    return "-Duser.home=" + HOME;
  }

  /** {@code java} of this JDK with {@link #javaOption}: the start of a child JVM's command. */
  static List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(javaOption());
    return command;
  }

  /**
   * Takes the sites file of {@code environment} away from the user's: no MINT_SITES, HOME this
   * home, XDG_CONFIG_HOME its configuration directory, and MINT_JAVA_OPTS giving the launchers' JVM
   * ({@code ./mint}, the archive's {@code bin/mint}) this home as {@code user.home}.
   */
  static void isolate(Map<String, String> environment) {
    environment.remove(SitesFile.ENV_FILE);
    environment.put("HOME", HOME.toString());
    environment.put(SitesFile.ENV_XDG, CONFIG.toString());
    environment.put("MINT_JAVA_OPTS", javaOption());
  }
}
