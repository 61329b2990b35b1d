package dev.mint.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A shell command run on a real pseudo-terminal by util-linux {@code script}, as a person runs it:
 * the test types keys and reads every byte the terminal was sent (the transcript), escape codes
 * included, so a test can tell a password left on the screen from one written and then erased.
 *
 * <p>The child's environment is this JVM's with the throwaway home ({@link TestHome}), the
 * variables given, and no display unless given one: a walk that finds a clipboard behaves
 * differently from one that does not, and the developer's own clipboard is never touched.
 */
final class PtyTerminal implements AutoCloseable {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  private final Process process;
  private final OutputStream keyboard;
  private final InputStream screenIn;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  /** Starts {@code command} (a shell command line) with {@code env} added. */
  PtyTerminal(String command, Map<String, String> env) throws IOException {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    ProcessBuilder builder =
        new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", command, "/dev/null")
            .redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    for (String display : List.of("DISPLAY", "WAYLAND_DISPLAY")) {
      environment.remove(display);
    }
    TestHome.isolate(environment);
    environment.putAll(env);
    process = builder.start();
    keyboard = process.getOutputStream();
    screenIn = process.getInputStream();
  }

  /**
   * The shell words that start the packaged jar's JVM with SIGINT's default disposition ({@link
   * Sigint}) and the throwaway home, followed by {@code args}, each quoted.
   */
  static String jarCommand(String... args) {
    StringBuilder command =
        new StringBuilder(java())
            .append(" -jar ")
            .append(JarProcess.quote(JarProcess.jar().toString()));
    for (String arg : args) {
      command.append(' ').append(JarProcess.quote(arg));
    }
    return command.toString();
  }

  /** The {@code java} of this JVM, with SIGINT's default back and the throwaway home. */
  static String java() {
    return Sigint.RESTORE
        + " "
        + JarProcess.quote(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        + " "
        + JarProcess.quote(TestHome.javaOption());
  }

  /** The JVM the command started: the one {@code java} among the processes under {@code script}. */
  ProcessHandle javaProcess() {
    List<ProcessHandle> javas =
        process
            .descendants()
            .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
            .toList();
    if (javas.size() != 1) {
      throw new AssertionError("not one java under script: " + javas);
    }
    return javas.get(0);
  }

  /** Every byte the terminal was sent so far, as UTF-8 text. */
  String text() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  /** Reads until {@code word} has been on the screen {@code times} times in all. */
  PtyTerminal waitFor(String word, int times) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (count(text(), word) < times) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + word + "' x" + times + "; screen: " + visible(text()));
      }
      int b = screenIn.read();
      if (b < 0) {
        throw new AssertionError("ended before '" + word + "'; screen: " + visible(text()));
      }
      screen.write(b);
    }
    return this;
  }

  /** Reads until {@code word} is on the screen once more than it is now. */
  PtyTerminal waitForNext(String word) throws IOException {
    return waitFor(word, count(text(), word) + 1);
  }

  /**
   * Reads until the screen ends with one of {@code prompts} (a program waiting for a line) and
   * returns it, or returns null once the command has ended.
   */
  String next(List<String> prompts) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no prompt " + prompts + "; screen: " + visible(text()));
      }
      int b = screenIn.read();
      if (b < 0) {
        return null;
      }
      screen.write(b);
      String text = text();
      for (String prompt : prompts) {
        if (text.endsWith(prompt)) {
          return prompt;
        }
      }
    }
  }

  PtyTerminal type(String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    return this;
  }

  /** Waits for the command to end, reads the rest of the screen; its exit status. */
  int exit() throws Exception {
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("did not end; screen: " + visible(text()));
    }
    screenIn.transferTo(screen);
    return process.exitValue();
  }

  @Override
  public void close() throws IOException {
    keyboard.close();
    process.destroyForcibly();
  }

  static int count(String text, String word) {
    int n = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      n++;
    }
    return n;
  }

  /** {@code text} with escape and control characters spelled out, for a failure's message. */
  static String visible(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        b.append("\\n\n");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
