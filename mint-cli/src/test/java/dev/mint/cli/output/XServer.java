package dev.mint.cli.output;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real X server for the clipboard tests: Xvfb on a display it picks itself ({@code -displayfd}),
 * with xclip to read and set its clipboard. Without Xvfb or xclip the tests are skipped with a
 * message, or fail when {@code CI=true} ({@code .ci/run} installs both).
 *
 * <p>One server for a test ({@code try (XServer x = XServer.start())}), or one for all the tests of
 * a class: {@code @RegisterExtension static final XServer x = XServer.forEachClass();} starts it
 * before the first and stops it after the last.
 */
public final class XServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private Process xvfb;
  private String display;

  private XServer() {}

  /** A server the test class's extension starts and stops; none runs before {@code beforeAll}. */
  public static XServer forEachClass() {
    return new XServer();
  }

  public static XServer start() throws IOException {
    XServer server = new XServer();
    server.launch();
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    launch();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void launch() throws IOException {
    Path xvfbPath = Clipboard.find(System::getenv, "Xvfb");
    Path xclip = Clipboard.find(System::getenv, "xclip");
    if (xvfbPath == null || xclip == null) {
      String message =
          "SKIPPED: the clipboard tests need Xvfb and xclip on the PATH"
              + " (apt-get install xvfb xclip; .ci/run does)";
      System.out.println(message);
      if ("true".equals(System.getenv("CI"))) {
        fail(
            "Xvfb and xclip are required on CI but "
                + (xvfbPath == null ? "Xvfb" : "xclip")
                + " is missing");
      }
      Assumptions.assumeTrue(false, message);
    }
    Process process =
        new ProcessBuilder(
                xvfbPath.toString(),
                "-displayfd",
                "1",
                "-nolisten",
                "tcp",
                "-screen",
                "0",
                "320x240x24")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    String number = out.readLine();
    if (number == null || !number.strip().matches("[0-9]+")) {
      process.destroyForcibly();
      throw new IOException("Xvfb did not say which display it took");
    }
    xvfb = process;
    display = ":" + number.strip();
  }

  /** The environment mint gets: this display, a private runtime directory, the PATH. */
  public Map<String, String> env(Path runtimeDir) {
    Map<String, String> env = new HashMap<>();
    env.put("DISPLAY", display);
    env.put("PATH", System.getenv("PATH"));
    env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
    return env;
  }

  /** Sets the clipboard as a user's copy would. */
  public void copy(String text) throws Exception {
    Process p = xclip("-selection", "clipboard", "-in");
    try (OutputStream in = p.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    p.waitFor(10, TimeUnit.SECONDS);
  }

  /** {@code xclip -o -selection clipboard}; empty when the clipboard holds nothing. */
  public String read() throws Exception {
    Process p = xclip("-o", "-selection", "clipboard");
    p.getOutputStream().close();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return p.exitValue() == 0 ? text : "";
  }

  private Process xclip(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Clipboard.find(System::getenv, "xclip").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("DISPLAY", display);
    if (args[0].equals("-selection")) {
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    return builder.start();
  }

  /** Waits until the clipboard no longer holds {@code text}; returns what it holds then. */
  public String awaitChangeFrom(String text, int maxSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    String now;
    while ((now = read()).equals(text)) {
      if (System.nanoTime() > deadline) {
        return now;
      }
      Thread.sleep(200);
    }
    return now;
  }

  @Override
  public void close() {
    if (xvfb == null) {
      return; // skipped before it started
    }
    xvfb.destroy();
    try {
      if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
        xvfb.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends the clipboard helper a test's mint left running for {@code runtimeDir}: a test that fails
   * early must not leave one behind.
   */
  public static void endHelper(Path runtimeDir) throws IOException {
    ClipboardClearer.runningHelperPid(runtimeDir.resolve("mint"))
        .flatMap(ProcessHandle::of)
        .ifPresent(ProcessHandle::destroy);
  }

  public static void deleteQuietly(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
