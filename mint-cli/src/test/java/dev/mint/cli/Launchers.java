package dev.mint.cli;

import dev.mint.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The two launchers as a user runs them: {@code repo} is the repository's {@code ./mint}, {@code
 * archive} the archive's {@code bin/mint} in an installation laid out as the archive lays it out
 * ({@code bin/mint}, {@code lib/mint-cli.jar}, {@code lib/jvm-hardening.options}).
 */
final class Launchers {
  private Launchers() {}

  static Path root() {
    return Path.of(System.getProperty("mint.root", "..")).toAbsolutePath().normalize();
  }

  /** The launcher {@code which}; for {@code archive}, an installation made under {@code dir}. */
  static Path launcher(String which, Path dir) throws IOException {
    Path root = root();
    if (which.equals("repo")) {
      return root.resolve("mint");
    }
    Path home = dir.resolve("install");
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("lib"));
    Path bin = home.resolve("bin/mint");
    Files.copy(
        root.resolve("mint-cli/src/dist/bin/mint"), bin, StandardCopyOption.REPLACE_EXISTING);
    bin.toFile().setExecutable(true);
    Files.copy(
        JarProcess.jar(), home.resolve("lib/mint-cli.jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        root.resolve("mint-cli/src/main/resources/dev/mint/cli/jvm-hardening.options"),
        home.resolve("lib/jvm-hardening.options"),
        StandardCopyOption.REPLACE_EXISTING);
    return bin;
  }
}
