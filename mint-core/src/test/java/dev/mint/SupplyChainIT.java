package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control C8 (docs/THREAT_MODEL.md): the build refuses unpinned and snapshot dependencies and
 * plugins. Each test writes a two-module project whose parent is this repository's root pom (so it
 * inherits the real enforcer configuration, nothing copied), breaks one rule, runs {@code mvn
 * validate} on it offline and expects the named enforcer rule to stop the build. A fixture that
 * breaks nothing must build, so a failure is the rule's doing and not the fixture's.
 */
class SupplyChainIT {
  private static final Path ROOT = Path.of(System.getProperty("mint.root")).toAbsolutePath();

  @TempDir Path dir;

  @Test
  void aFixtureThatBreaksNoRuleBuilds() throws Exception {
    Result result = run(fixture("1.0", "1.0", ""));
    assertEquals(0, result.exit, result.output);
  }

  @Test
  void aSnapshotDependencyIsRefused() throws Exception {
    Result result = run(fixture("1.0-SNAPSHOT", "1.0-SNAPSHOT", ""));
    assertRefusedBy("RequireReleaseDeps", result);
  }

  @Test
  void aVersionRangeIsRefused() throws Exception {
    Result result = run(fixture("1.0", "[1.0,2.0)", ""));
    assertRefusedBy("BanDynamicVersions", result);
  }

  @Test
  void aPluginWithoutAPinnedVersionIsRefused() throws Exception {
    // a plugin the root pom does not pin (maven-help-plugin): a pinned one would pass
    String unpinned =
        "<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
            + "<artifactId>maven-help-plugin</artifactId></plugin></plugins></build>";
    Result result = run(fixture("1.0", "1.0", unpinned));
    assertRefusedBy("RequirePluginVersions", result);
  }

  private static void assertRefusedBy(String rule, Result result) {
    assertTrue(result.exit != 0, "the build accepted it:\n" + result.output);
    assertTrue(
        result.output.contains("enforcer") && result.output.contains(rule),
        "the build failed, but not by the enforcer rule " + rule + ":\n" + result.output);
  }

  /** An aggregator (parent: the root pom), a pom-only {@code lib}, and {@code app} using it. */
  private Path fixture(String libVersion, String dependencyVersion, String appBuild)
      throws IOException {
    String ns =
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>";
    String parent =
        "<parent><groupId>fixture</groupId><artifactId>agg</artifactId><version>0.1.0</version></parent>";
    String relative = dir.relativize(ROOT.resolve("pom.xml")).toString().replace('\\', '/');
    write(
        dir.resolve("pom.xml"),
        ns
            + "<parent><groupId>dev.mint</groupId><artifactId>mint-parent</artifactId>"
            + "<version>0.1.0</version><relativePath>"
            + relative
            + "</relativePath></parent>"
            + "<groupId>fixture</groupId><artifactId>agg</artifactId><packaging>pom</packaging>"
            + "<modules><module>lib</module><module>app</module></modules></project>");
    write(
        dir.resolve("lib/pom.xml"),
        ns
            + parent
            + "<artifactId>lib</artifactId><version>"
            + libVersion
            + "</version>"
            + "<packaging>pom</packaging></project>");
    write(
        dir.resolve("app/pom.xml"),
        ns
            + parent
            + "<artifactId>app</artifactId><packaging>pom</packaging>"
            + "<dependencies><dependency><groupId>fixture</groupId><artifactId>lib</artifactId>"
            + "<version>"
            + dependencyVersion
            + "</version><type>pom</type></dependency></dependencies>"
            + appBuild
            + "</project>");
    return dir;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private record Result(int exit, String output) {}

  private static Result run(Path project) throws Exception {
    String home = System.getProperty("mint.maven.home");
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    Path mvn = Path.of(home, "bin", windows ? "mvn.cmd" : "mvn");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-ntp", "validate"));
    String repo = System.getProperty("mint.maven.repo.local");
    if (repo != null && !repo.isEmpty()) {
      command.add("-Dmaven.repo.local=" + repo);
    }
    Path log = project.resolve("build.log");
    Process process =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // a guard against a wedged child build, not a performance assertion
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("mvn validate did not finish in 5 minutes");
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
