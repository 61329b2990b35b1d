package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mint.testing.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Java also reads JVM options from {@code _JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS} and {@code
 * JDK_JAVA_OPTIONS} ({@code _JAVA_OPTIONS} over the command line's), where they could undo C27 (an
 * {@code -XX:-DisableAttachMechanism} there let a same-user {@code jcmd} dump the heap). Both
 * launchers leave them out (docs/THREAT_MODEL.md, C33): with each set to options that would show
 * (flags printed on standard output, the GC's log, attach turned back on), mint prints exactly what
 * it prints without them.
 */
class LauncherJavaEnvIT {
  private static final String PHRASE = MintCliTest.MARKER;
  private static final String SHOWING =
      "-XX:-DisableAttachMechanism -XX:+PrintCommandLineFlags -Xlog:gc*:stdout";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"repo", "archive"})
  void javasOptionVariablesDoNotReachMint(String which) throws Exception {
    List<String> command =
        List.of(Launchers.launcher(which, dir).toString(), "--phrase-stdin", "github.com");
    byte[] stdin = (PHRASE + "\n").getBytes(StandardCharsets.UTF_8);
    String javaHome = System.getProperty("java.home");
    JarProcess without =
        JarProcess.exec(command, Map.of("JAVA_HOME", javaHome, "MINT_AOT", "off"), stdin);
    assertEquals(0, without.exitCode(), without.err());
    for (String variable : List.of("_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      JarProcess with =
          JarProcess.exec(
              command, Map.of("JAVA_HOME", javaHome, "MINT_AOT", "off", variable, SHOWING), stdin);
      assertEquals(without, with, variable + " reached mint's JVM");
    }
  }
}
