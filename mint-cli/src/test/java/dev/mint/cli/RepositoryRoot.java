package dev.mint.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root directory: the first directory above the tests' one with README.md and
 * mint-cli.
 */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path get() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("mint-cli"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root (README.md and mint-cli) above " + here);
  }
}
