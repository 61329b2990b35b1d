package dev.mint.cli;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of tests that run mint in-process against a sites file of their own: {@link #sites()} in
 * the test's temporary directory, which {@code MINT_SITES} names for every run.
 */
public abstract class OwnSitesFile {
  @TempDir protected Path dir;

  protected Path sites() {
    return dir.resolve("sites.json");
  }

  /** mint with {@code stdin} on its standard input and the test's own sites file. */
  protected CliRun withStdin(String stdin, String... args) {
    return CliRun.withEnv(Map.of("MINT_SITES", sites().toString()), stdin, args);
  }
}
