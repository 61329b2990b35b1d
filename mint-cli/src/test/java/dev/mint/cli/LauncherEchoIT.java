package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.testing.JarProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both launchers turn the terminal's echo off before java starts, so that a phrase typed before
 * {@code Master phrase:} shows stands nowhere on the screen, and turn it back on however mint ends
 * (docs/THREAT_MODEL.md, C32). On a real pseudo-terminal (util-linux {@code script}); after the
 * launcher, the same terminal's {@code stty -a} says whether the echo is on.
 */
class LauncherEchoIT {
  private static final Path SCRIPT = Path.of("/usr/bin/script");
  private static final String PHRASE = MintCliTest.MARKER;
  private static final Pattern JDWP =
      Pattern.compile("Listening for transport dt_socket at address: ([0-9]+)\r?\n");
  private static final Pattern END = Pattern.compile("echo is o(n|ff)\r?\n");

  @TempDir Path dir;

  /** A terminal running {@code bash DRIVER LAUNCHER ARGS...}; what the test types, what shows. */
  private static final class Terminal implements AutoCloseable {
    private final Process process;
    private final OutputStream keyboard;
    private final InputStream output;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    Terminal(Path driver, Path launcher, String javaOpts, List<String> args) throws IOException {
      assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
      StringBuilder command = new StringBuilder("bash ").append(quote(driver.toString()));
      command.append(' ').append(quote(launcher.toString()));
      for (String arg : args) {
        command.append(' ').append(quote(arg));
      }
      ProcessBuilder builder =
          new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", command.toString(), "/dev/null")
              .redirectErrorStream(true);
      JarProcess.isolate(builder.environment());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("MINT_AOT", "off");
      String opts = builder.environment().get("MINT_JAVA_OPTS");
      builder
          .environment()
          .put("MINT_JAVA_OPTS", opts + (javaOpts.isEmpty() ? "" : " " + javaOpts));
      process = builder.start();
      keyboard = process.getOutputStream();
      output = process.getInputStream();
    }

    /** Reads the screen until it holds {@code text}; returns the screen. */
    String waitFor(String text) throws IOException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!text().contains(text)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no '" + text + "'; screen: " + text());
        }
        int b = output.read();
        if (b < 0) {
          throw new AssertionError("the terminal closed before '" + text + "': " + text());
        }
        screen.write(b);
      }
      return text();
    }

    /** Reads the screen until {@code pattern} is found in it; returns the match. */
    Matcher waitFor(Pattern pattern) throws IOException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      Matcher matcher = pattern.matcher(text());
      while (!matcher.find()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no " + pattern + "; screen: " + text());
        }
        int b = output.read();
        if (b < 0) {
          throw new AssertionError("the terminal closed before " + pattern + ": " + text());
        }
        screen.write(b);
        matcher = pattern.matcher(text());
      }
      return matcher;
    }

    void type(String keys) throws IOException {
      keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    }

    /** Everything the screen showed, once the driver has ended. */
    String finish() throws Exception {
      String end = waitFor(END).group();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        throw new AssertionError("the terminal did not end: " + end);
      }
      output.transferTo(screen);
      return text();
    }

    String text() {
      return screen.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Runs the launcher, then says its status and the terminal's echo state. */
  private Path driver() throws IOException {
    Path driver = dir.resolve("driver.sh");
    Files.writeString(
        driver,
        "trap 'echo \" (Ctrl-C)\"' INT\n"
            + "\"$@\"\n"
            + "echo \"exit=$?\"\n"
            + "case \" $(stty -a) \" in *' echo '*) echo 'echo is on' ;; *) echo 'echo is off' ;; esac\n");
    return driver;
  }

  private static String password(String site) {
    try (Password password = Mint.derive(MintRequest.builder(site).build(), PHRASE.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  /**
   * The phrase is typed while the JVM starts, before mint's prompt shows: the JVM is held at its
   * start by the JDWP agent ({@code suspend=y}, a real JVM that has not yet run any of mint), the
   * phrase typed, then the JVM let go (a debugger's handshake, then hanging up resumes it).
   */
  @ParameterizedTest
  @ValueSource(strings = {"repo", "archive"})
  void aPhraseTypedWhileJavaStartsNeverShows(String which) throws Exception {
    String jdwp = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0";
    try (Terminal terminal =
        new Terminal(
            driver(), Launchers.launcher(which, dir), jdwp, List.of("--quiet", "github.com"))) {
      Matcher listening = terminal.waitFor(JDWP);
      assertFalse(terminal.text().contains("Master phrase"), terminal.text());
      terminal.type(PHRASE + "\r");
      try (Socket debugger =
          new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(listening.group(1)))) {
        debugger.getOutputStream().write("JDWP-Handshake".getBytes(StandardCharsets.US_ASCII));
        debugger.getInputStream().readNBytes(14);
      }
      String screen = terminal.finish();
      assertAll(
          () -> assertFalse(screen.contains(PHRASE), "the phrase showed: " + screen),
          () -> assertFalse(screen.contains(PHRASE.substring(0, 8)), "part of it: " + screen),
          () -> assertTrue(screen.contains("Master phrase: "), screen),
          () -> assertTrue(screen.contains(password("github.com") + "\r\n"), screen),
          () -> assertTrue(screen.contains("exit=0\r\n"), screen),
          () -> assertTrue(screen.contains("echo is on"), screen));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"repo", "archive"})
  void theEchoIsOnAgainAfterCtrlCAtThePrompt(String which) throws Exception {
    try (Terminal terminal =
        new Terminal(driver(), Launchers.launcher(which, dir), "", List.of("github.com"))) {
      terminal.waitFor("Master phrase: ");
      terminal.type("half a phr\u0003");
      String screen = terminal.finish();
      assertAll(
          () -> assertTrue(screen.contains("exit=130"), screen),
          () -> assertTrue(screen.contains("echo is on"), screen),
          () -> assertFalse(screen.contains("half a phr"), screen));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"repo", "archive"})
  void theEchoIsOnAgainWhenJavaFailsToStart(String which) throws Exception {
    try (Terminal terminal =
        new Terminal(
            driver(), Launchers.launcher(which, dir), "-XX:+NoSuchOption", List.of("github.com"))) {
      String screen = terminal.finish();
      assertAll(
          () -> assertTrue(screen.contains("Unrecognized VM option"), screen),
          () -> assertTrue(screen.contains("exit=1\r\n"), screen),
          () -> assertTrue(screen.contains("echo is on"), screen));
    }
  }

  /**
   * In a session, the phrase does not show at {@code Master phrase:} and a site typed at {@code
   * site> } shows as it is typed: mint turns the echo back on there.
   */
  @ParameterizedTest
  @ValueSource(strings = {"repo", "archive"})
  void aSessionShowsTheSitesTypedAtItsPrompt(String which) throws Exception {
    try (Terminal terminal =
        new Terminal(driver(), Launchers.launcher(which, dir), "", List.of("session", "--quiet"))) {
      terminal.waitFor("Master phrase: ");
      terminal.type(PHRASE + "\r");
      terminal.waitFor("site> ");
      terminal.type("example.org\r");
      terminal.waitFor(password("example.org") + "\r\nsite> ");
      terminal.type("quit\r");
      String screen = terminal.finish();
      assertAll(
          () -> assertFalse(screen.contains(PHRASE), screen),
          () -> assertTrue(screen.contains("site> example.org\r\n"), screen),
          () -> assertTrue(screen.contains("site> quit\r\n"), screen),
          () -> assertTrue(screen.contains("exit=0\r\n"), screen),
          () -> assertTrue(screen.contains("echo is on"), screen));
    }
  }
}
