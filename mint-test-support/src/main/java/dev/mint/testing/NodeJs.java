package dev.mint.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The JavaScript engine the port is checked against: {@code node} on the PATH (or {@code
 * -Dmint.node=PATH}) running the scripts in {@code test-vectors/js/} ({@code -Dmint.js.dir}, set by
 * the build). Without node the tests that need it are skipped with a message saying so; on CI
 * ({@code CI=true}) or with {@code -Dmint.node.required=true} they fail instead, so that the
 * comparison can never be skipped silently where it must run.
 */
public final class NodeJs {
  private NodeJs() {}

  /** The node executable, or empty when there is none. */
  public static Optional<Path> executable() {
    String configured = System.getProperty("mint.node", "");
    if (!configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, "node");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a missing node is a failure rather than a reason to skip. */
  public static boolean required() {
    return Boolean.getBoolean("mint.node.required") || "true".equals(System.getenv("CI"));
  }

  /** The node executable; skips the calling test (or fails it, see {@link #required}) without. */
  public static Path require() {
    Optional<Path> node = executable();
    if (node.isEmpty()) {
      String message =
          "SKIPPED: node is not on the PATH, so the port is not compared with a JavaScript engine"
              + " (install Node 20 or set -Dmint.node=PATH)";
      System.out.println(message);
      if (required()) {
        fail("node is required here (CI=true or -Dmint.node.required=true) but was not found");
      }
      Assumptions.assumeTrue(false, message);
    }
    return node.get();
  }

  /** The directory of the JavaScript implementation and its scripts. */
  public static Path scriptDir() {
    String dir = System.getProperty("mint.js.dir", "");
    return Path.of(dir.isBlank() ? "../test-vectors/js" : dir);
  }

  /** A node process running {@code script} from {@link #scriptDir}; the caller closes it. */
  public static Session start(String script, String... args) {
    Path node = require();
    List<String> command = new ArrayList<>();
    command.add(node.toString());
    command.add(scriptDir().resolve(script).toString());
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return new Session(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** Runs {@code script} with {@code input} lines on stdin and returns its stdout lines. */
  public static List<String> run(String script, List<String> input, String... args) {
    try (Session session = start(script, args)) {
      Thread writer =
          new Thread(
              () -> {
                try (Writer in = session.stdin) {
                  for (String line : input) {
                    in.write(line);
                    in.write('\n');
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              "node-stdin");
      writer.setDaemon(true);
      writer.start();
      List<String> out = new ArrayList<>();
      for (String line; (line = session.stdout.readLine()) != null; ) {
        out.add(line);
      }
      session.awaitSuccess();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A running node process, spoken to in UTF-8 lines. */
  public static final class Session implements AutoCloseable {
    private final Process process;
    final BufferedWriter stdin;
    final BufferedReader stdout;

    Session(Process process) {
      this.process = process;
      this.stdin =
          new BufferedWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      this.stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends one line and reads the one line that answers it. */
    public String ask(String line) throws IOException {
      stdin.write(line);
      stdin.write('\n');
      stdin.flush();
      String answer = stdout.readLine();
      if (answer == null) {
        throw new IOException("node ended without answering");
      }
      return answer;
    }

    public void awaitSuccess() {
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("node did not end");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("node exited with " + process.exitValue());
      }
    }

    @Override
    public void close() {
      try {
        stdin.close();
      } catch (IOException ignored) {
        // the process may have ended already
      }
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
