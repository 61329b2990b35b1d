package dev.mint.cli;

import dev.mint.cli.io.Io;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.testing.TestHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the command line in this JVM with given stdin and environment, and no console. The sites
 * file is never the real one: unless the environment given names one ({@code MINT_SITES} or {@code
 * XDG_CONFIG_HOME}), {@code XDG_CONFIG_HOME} is an empty directory of this test run, and the home
 * the file falls back to ({@code user.home}) is a throwaway directory ({@link TestHome}).
 */
public record CliRun(int exitCode, String out, String err) {
  /** A configuration directory of this JVM's own, so no test reads or writes the user's. */
  static final Path ISOLATED_CONFIG = isolatedConfig();

  private static Path isolatedConfig() {
    try {
      // user.home of this JVM is a throwaway directory from here on (TestHome): a run whose
      // environment names no usable XDG_CONFIG_HOME cannot fall back to the user's home
      return Files.createTempDirectory(TestHome.HOME, "config");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code env}, except that an unset XDG_CONFIG_HOME is the isolated directory. */
  static Function<String, String> isolated(Function<String, String> env) {
    return name -> {
      String value = env.apply(name);
      return value == null && name.equals(SitesFile.ENV_XDG) ? ISOLATED_CONFIG.toString() : value;
    };
  }

  public static CliRun run(byte[] stdin, Map<String, String> env, String... args) {
    return run(new ByteArrayInputStream(stdin), env::get, args);
  }

  /** With any standard input and environment lookup (a stream that never ends, a recording one). */
  public static CliRun run(InputStream stdin, Function<String, String> env, String... args) {
    return run(stdin, env, Io.Descriptors.system(), args);
  }

  /** With the file descriptors {@code --phrase-fd} opens given by {@code descriptors}. */
  public static CliRun run(
      InputStream stdin, Function<String, String> env, Io.Descriptors descriptors, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Io io =
        Io.of(stdin, out, new PrintWriter(err, true), isolated(env), () -> null, false, false)
            .withDescriptors(descriptors);
    int code = MintCli.run(io, args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  static CliRun withEnv(Map<String, String> env, String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), env, args);
  }

  static CliRun withStdin(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), args);
  }

  public static CliRun run(String... args) {
    return run(new byte[0], Map.of(), args);
  }

  /** Streams for a command line that is looked at, not run: no input, output discarded. */
  static Io quietIo() {
    return Io.of(
        new ByteArrayInputStream(new byte[0]),
        new ByteArrayOutputStream(),
        new PrintWriter(new StringWriter()),
        name -> null,
        () -> null,
        false,
        false);
  }
}
