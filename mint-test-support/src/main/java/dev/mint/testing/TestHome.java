package dev.mint.testing;

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
 * this JVM's own property is set here, for mint-cli's in-process runs, CliRun). The build sets the
 * same defaults for the test JVMs themselves (the parent pom's surefire and failsafe
 * configuration); this class also holds when a test runs from an IDE. A test that writes a sites
 * file makes a fresh directory of its own ({@code @TempDir}).
 */
public final class TestHome {
  private TestHome() {}

  /**
   * The variables through which mint finds the sites file (mint-cli's {@code SitesFile.ENV_FILE}
   * and {@code ENV_XDG}, which HermeticTest compares with these): named here because this module
   * cannot depend on mint-cli, whose tests use it.
   */
  public static final String SITES_VARIABLE = "MINT_SITES";

  public static final String CONFIG_VARIABLE = "XDG_CONFIG_HOME";

  /** The home: {@code user.home} of this JVM from the first use of this class on. */
  public static final Path HOME = create();

  /**
   * The configuration directory, {@code XDG_CONFIG_HOME} of the processes the tests start: not
   * {@code HOME/.config}, which is where a run that named no usable directory would fall back to
   * ({@code HermeticTest} plants a hostile file there).
   */
  public static final Path CONFIG = HOME.resolve("config");

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
  public static String javaOption() {
    return "-Duser.home=" + HOME;
  }

  /** {@code java} of this JDK with {@link #javaOption}: the start of a child JVM's command. */
  public static List<String> java() {
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
  public static void isolate(Map<String, String> environment) {
    environment.remove(SITES_VARIABLE);
    environment.put("HOME", HOME.toString());
    environment.put(CONFIG_VARIABLE, CONFIG.toString());
    environment.put("MINT_JAVA_OPTS", javaOption());
  }
}
