package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mint} builds the jar again when anything it is built from is newer, in every module
 * Maven builds it from ({@code -pl mint-cli -am}), which the launcher reads from the poms. Run in a
 * copy of the repository's build files (the poms, {@code ./mint}, the built jar) with sources of
 * known ages, and with no Maven on the PATH: a launcher that finds the jar stale says {@code mvn
 * not found} (exit 127), one that finds it current runs it.
 */
class LauncherStaleIT {
  private static final List<String> MODULES =
      List.of(
          "mint-test-support", "mint-core", "mint-vectors", "mint-rules", "mint-cli", "benchmarks");
  private static final List<String> TOOLS =
      List.of(
          "bash",
          "dirname",
          "readlink",
          "find",
          "mkdir",
          "flock",
          "locale",
          "sed",
          "grep",
          "cksum",
          "cut",
          "touch",
          "stty",
          "env",
          "mktemp",
          "rm",
          "mv",
          "cat");

  @TempDir Path tree;
  private Path bin;
  private final FileTime old = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));

  @BeforeEach
  void copyTheBuildFiles() throws IOException {
    Path root = Launchers.root();
    copy(root.resolve("mint"), tree.resolve("mint")).toFile().setExecutable(true);
    copy(root.resolve("pom.xml"), tree.resolve("pom.xml"));
    for (String module : MODULES) {
      copy(root.resolve(module + "/pom.xml"), tree.resolve(module + "/pom.xml"));
      Files.setLastModifiedTime(
          Files.writeString(
              Files.createDirectories(tree.resolve(module + "/src/main/java/dev"))
                  .resolve("Source.java"),
              "// a source of " + module + "\n"),
          old);
    }
    copy(
        root.resolve("mint-cli/src/main/resources/dev/mint/cli/jvm-hardening.options"),
        tree.resolve("mint-cli/src/main/resources/dev/mint/cli/jvm-hardening.options"));
    copy(JarProcess.jar(), tree.resolve("mint-cli/target/mint-cli.jar"));
    bin = Files.createDirectories(tree.resolve("tools"));
    for (String tool : TOOLS) {
      for (String dir : List.of("/usr/bin/", "/bin/")) {
        Path found = Path.of(dir + tool);
        if (Files.isExecutable(found) && !Files.exists(bin.resolve(tool))) {
          Files.createSymbolicLink(bin.resolve(tool), found);
        }
      }
    }
    age();
  }

  /**
   * Every file and directory of the tree made two hours old (a directory's time is that of its last
   * change, and the launcher looks at directories too), then the jar one hour old.
   */
  private void age() throws IOException {
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path path : paths.toList()) {
        if (!Files.isSymbolicLink(path)) {
          Files.setLastModifiedTime(path, old);
        }
      }
    }
    Files.setLastModifiedTime(
        tree.resolve("mint-cli/target/mint-cli.jar"),
        FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
  }

  private Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(to, old);
    return to;
  }

  private JarProcess run() throws Exception {
    return JarProcess.exec(
        List.of(tree.resolve("mint").toString(), "--version"),
        Map.of(
            "PATH",
            bin.toString(),
            "JAVA_HOME",
            System.getProperty("java.home"),
            "MINT_AOT",
            "off"),
        new byte[0]);
  }

  private static void assertRuns(JarProcess result) {
    assertAll(
        () -> assertEquals(0, result.exitCode(), result.err()),
        () -> assertTrue(result.out().startsWith("mint "), result.out()));
  }

  private static void assertWouldBuild(JarProcess result) {
    assertAll(
        () -> assertEquals(127, result.exitCode(), "the jar was run: " + result.out()),
        () -> assertTrue(result.err().contains("mint: mvn not found"), result.err()));
  }

  @Test
  void aNewerSourceOfEachModuleMintCliIsBuiltFromMakesTheJarStale() throws Exception {
    assertRuns(run());
    // mint-test-support too: `-pl mint-cli -am` builds it, the tests' helpers of every module
    for (String module :
        List.of("mint-test-support", "mint-core", "mint-vectors", "mint-rules", "mint-cli")) {
      Path source = tree.resolve(module + "/src/main/java/dev/Source.java");
      Files.setLastModifiedTime(source, FileTime.from(Instant.now()));
      assertWouldBuild(run());
      Files.setLastModifiedTime(source, old);
      assertRuns(run());
    }
  }

  @Test
  void aNewerRulesDataFileMakesTheJarStale() throws Exception {
    Path data =
        tree.resolve("mint-rules/src/main/resources/dev/mint/rules/data/password-rules.json");
    Files.createDirectories(data.getParent());
    Files.writeString(data, "{}\n"); // newer than the jar
    assertWouldBuild(run());
  }

  /** A module the launcher was never told of is watched once mint-cli's pom names it. */
  @Test
  void theModulesComeFromThePoms() throws Exception {
    assertRuns(run()); // the launcher's list of what it watches, made before the poms change
    Path pom = tree.resolve("pom.xml");
    Files.writeString(
        pom,
        Files.readString(pom)
            .replace(
                "<module>mint-cli</module>",
                "<module>mint-extra</module>\n    <module>mint-cli</module>"));
    Path cliPom = tree.resolve("mint-cli/pom.xml");
    Files.writeString(
        cliPom,
        Files.readString(cliPom)
            .replaceFirst(
                "<dependencies>",
                "<dependencies>\n    <dependency>\n      <groupId>dev.mint</groupId>\n"
                    + "      <artifactId>mint-extra</artifactId>\n    </dependency>"));
    copy(tree.resolve("mint-core/pom.xml"), tree.resolve("mint-extra/pom.xml"));
    Path extra =
        Files.writeString(
            Files.createDirectories(tree.resolve("mint-extra/src/main/java")).resolve("X.java"),
            "// new\n");
    age();
    Path bench = tree.resolve("benchmarks/src/main/java/dev/Source.java");
    Files.setLastModifiedTime(bench, FileTime.from(Instant.now()));
    assertRuns(run()); // benchmarks: not part of mint-cli
    Files.setLastModifiedTime(extra, FileTime.from(Instant.now()));
    assertWouldBuild(run());
  }
}
