package dev.mint.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the hostile-file-system tests need from the machine: a second real user ({@code mint-other},
 * which {@code .ci/run} creates), root, and a real {@code renameat2(RENAME_EXCHANGE)} done by
 * Python through ctypes (Python 3 ships with Debian; no package of ours). Each test that needs one
 * of them skips with a message without it, and fails instead when {@code CI=true}: CI runs as root
 * with the user created, so there a skip would hide a missing set-up step.
 */
public final class HostileFs {
  /** The second user: {@code .ci/run} creates it (useradd) when it is missing. */
  public static final String OTHER_USER = "mint-other";

  private HostileFs() {}

  public static boolean ci() {
    return "true".equals(System.getenv("CI"));
  }

  /** Skips the test with {@code why}, or fails it on CI. */
  public static void require(boolean present, String why) {
    if (ci() && !present) {
      throw new AssertionError(why + " (required when CI=true)");
    }
    Assumptions.assumeTrue(present, why);
  }

  public static void requireRoot() throws IOException, InterruptedException {
    require("0".equals(output("id", "-u")), "needs root (tests run mint as root)");
  }

  /** The uid of {@link #OTHER_USER}; skips (or fails on CI) when there is no such user. */
  public static String otherUid() throws IOException, InterruptedException {
    requireRoot();
    String uid = output("id", "-u", OTHER_USER);
    require(
        uid != null && uid.matches("\\d+"),
        "no user " + OTHER_USER + ": create it with 'useradd --system " + OTHER_USER + "'");
    return uid;
  }

  /** The command's standard output, stripped, or null when it fails. */
  public static String output(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return null;
    }
    return process.exitValue() == 0 ? out.strip() : null;
  }

  public static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
  }

  public static void chownToOther(Path... paths) throws IOException, InterruptedException {
    for (Path path : paths) {
      run("chown", "-h", OTHER_USER + ":" + OTHER_USER, path.toString());
    }
  }

  private static final String PYTHON_TOOLS =
      """
      import ctypes, os, sys
      libc = ctypes.CDLL(None, use_errno=True)
      AT_FDCWD = -100
      RENAME_EXCHANGE = 2

      def exchange(a, b):
          if libc.renameat2(AT_FDCWD, a.encode(), AT_FDCWD, b.encode(), RENAME_EXCHANGE) != 0:
              e = ctypes.get_errno()
              raise OSError(e, os.strerror(e), a)

      def watch_and_swap(directory, link, ready):
          # swaps DIRECTORY and LINK (a symbolic link) on every inotify event in the directory
          # (mint opening, reading or creating a file in it), until killed
          IN_ACCESS, IN_MODIFY, IN_OPEN, IN_CREATE = 0x1, 0x2, 0x20, 0x100
          fd = libc.inotify_init()
          if fd < 0 or libc.inotify_add_watch(fd, directory.encode(),
                                              IN_ACCESS | IN_MODIFY | IN_OPEN | IN_CREATE) < 0:
              raise OSError(ctypes.get_errno(), "inotify")
          open(ready, "w").close()
          swaps = 0
          while True:
              os.read(fd, 65536)
              exchange(directory, link)
              swaps += 1
              print(swaps, flush=True)

      if sys.argv[1] == "exchange":
          exchange(sys.argv[2], sys.argv[3])
      elif sys.argv[1] == "watch":
          watch_and_swap(sys.argv[2], sys.argv[3], sys.argv[4])
      """;

  /** The tools' script, written to {@code dir}. */
  public static Path pythonTools(Path dir) throws IOException {
    Path script = dir.resolve("hostile_fs.py");
    Files.writeString(script, PYTHON_TOOLS);
    return script;
  }

  public static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /** Swaps {@code a} and {@code b} atomically (renameat2 with RENAME_EXCHANGE). */
  public static void exchange(Path tools, Path a, Path b) throws IOException, InterruptedException {
    run(python(), tools.toString(), "exchange", a.toString(), b.toString());
  }

  /**
   * Starts, as {@link #OTHER_USER}, a watcher that swaps {@code directory} and {@code link} on
   * every access to the directory; returns once it watches.
   */
  public static Process startSwapper(Path tools, Path directory, Path link, Path ready)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + OTHER_USER,
                "--regid=" + OTHER_USER,
                "--clear-groups",
                python(),
                tools.toString(),
                "watch",
                directory.toString(),
                link.toString(),
                ready.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ready.resolveSibling("swapper.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(ready)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError(
            "the swapper did not start: "
                + Files.readString(ready.resolveSibling("swapper.log"), StandardCharsets.UTF_8));
      }
      Thread.sleep(10);
    }
    return process;
  }
}
