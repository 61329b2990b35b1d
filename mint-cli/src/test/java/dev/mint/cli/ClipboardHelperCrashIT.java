package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mint.cli.io.HardenedJvm;
import dev.mint.cli.output.ClipboardClearer;
import dev.mint.cli.output.XServer;
import dev.mint.testing.JarProcess;
import dev.mint.testing.TestHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM that clears the clipboard after {@code --clip} holds the password as mint's own does, so
 * it gets the same crash options (docs/THREAT_MODEL.md, C27, C34): {@code kill -SEGV} of a real
 * helper, under a real X server, started by the jar with {@code ulimit -c unlimited} in the parent
 * shell, leaves no {@code hs_err_pid*.log} and no core file in its working directory or in {@code
 * /tmp}; and its command line holds every option of {@code jvm-hardening.options}, the list the
 * launchers give java too.
 */
class ClipboardHelperCrashIT {
  private static final String PHRASE = MintCliTest.MARKER;
  @RegisterExtension static final XServer x = XServer.forEachClass();

  @TempDir Path dir;

  @Test
  void aSegfaultOfTheHelperLeavesNoReportAndNoCore() throws Exception {
    Path cwd = Files.createDirectories(dir.resolve("cwd"));
    Path runtime = Files.createDirectories(dir.resolve("runtime"));
    Map<String, String> env = new HashMap<>(x.env(runtime));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    JarProcess run =
        JarProcess.exec(
            List.of(
                "bash",
                "-c",
                "ulimit -c unlimited; cd \"$1\" && exec \"$2\" \"$3\" -jar \"$4\""
                    + " --phrase-stdin --quiet --clip 600 github.com",
                "bash",
                cwd.toString(),
                java,
                TestHome.javaOption(),
                JarProcess.jar().toAbsolutePath().toString()),
            env,
            (PHRASE + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(0, run.exitCode(), run.err());
    long pid = ClipboardClearer.runningHelperPid(runtime.resolve("mint")).orElseThrow();
    ProcessHandle helper = ProcessHandle.of(pid).orElseThrow();
    try {
      // the options are those of the one list both launchers pass too (jvm-hardening.options)
      List<String> command =
          List.of(Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0"));
      List<String> missing =
          HardenedJvm.options().stream().filter(o -> !command.contains(o)).toList();
      assertEquals(List.of(), missing, "options the helper lacks; its command: " + command);
      assertEquals(0, new ProcessBuilder("kill", "-SEGV", Long.toString(pid)).start().waitFor());
      helper.onExit().get(2, TimeUnit.MINUTES);
    } finally {
      helper.destroyForcibly();
    }
    List<Path> left;
    try (Stream<Path> files = Files.list(cwd)) {
      left =
          files
              .filter(
                  f ->
                      f.getFileName().toString().startsWith("core")
                          || f.getFileName().toString().startsWith("hs_err"))
              .toList();
    }
    List<Path> crashFiles = left;
    assertAll(
        () -> assertEquals(List.of(), crashFiles, "crash files in the helper's working directory"),
        () -> assertFalse(Files.exists(Path.of("/tmp/hs_err_pid" + pid + ".log")), "in /tmp"),
        () -> assertFalse(Files.exists(Path.of("/tmp/core." + pid)), "a core in /tmp"));
  }
}
