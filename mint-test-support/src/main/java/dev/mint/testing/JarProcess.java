package dev.mint.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a separate process, as a user's shell would. */
public record JarProcess(int exitCode, String out, String err) {
  public static Path jar() {
    String jar = System.getProperty("mint.cli.jar");
    Path path = Path.of(jar == null || jar.isBlank() ? "target/mint-cli.jar" : jar);
    if (!Files.isRegularFile(path)) {
      throw new AssertionError("no jar at " + path.toAbsolutePath() + ": run mvn package first");
    }
    return path;
  }

  public static JarProcess run(
      byte[] stdin, Map<String, String> env, List<String> jvmOptions, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = TestHome.java();
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(args);
    return exec(command, env, stdin);
  }

  /**
   * Runs {@code command} with {@code env} added to this process's environment. The sites file is
   * never the user's: MINT_SITES is removed, and HOME, XDG_CONFIG_HOME and the launchers' {@code
   * user.home} are a throwaway home of this test run ({@link TestHome#isolate}), unless {@code env}
   * sets them (a MINT_JAVA_OPTS of {@code env} comes after the home's option).
   */
  public static JarProcess exec(List<String> command, Map<String, String> env, byte[] stdin)
      throws IOException, InterruptedException {
    return exec(command, env, stdin, null, false);
  }

  /**
   * {@link #exec(List, Map, byte[])} in {@code dir} (null: this process's), with {@code env} added
   * to this process's environment or, when {@code envAlone}, to none but the throwaway home.
   */
  public static JarProcess exec(
      List<String> command, Map<String, String> env, byte[] stdin, Path dir, boolean envAlone)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("mint-out", ".txt");
    Path err = Files.createTempFile("mint-err", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (dir != null) {
        builder.directory(dir.toFile());
      }
      if (envAlone) {
        builder.environment().clear();
      }
      isolate(builder.environment());
      String javaOpts = builder.environment().get("MINT_JAVA_OPTS");
      builder.environment().putAll(env);
      if (env.containsKey("MINT_JAVA_OPTS")) {
        builder.environment().put("MINT_JAVA_OPTS", javaOpts + " " + env.get("MINT_JAVA_OPTS"));
      }
      Process process = builder.start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // the process may exit before reading all of it (a refused option): not an error here
      }
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("did not finish: " + command);
      }
      return new JarProcess(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** {@code s} as one word of a POSIX shell. */
  public static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** {@code java -jar mint-cli.jar ARGS} as words of a POSIX shell, each quoted. */
  public static String shellCommand(List<String> args) {
    StringBuilder command =
        new StringBuilder()
            .append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
            .append(' ')
            .append(quote(TestHome.javaOption()))
            .append(" -jar ")
            .append(quote(jar().toString()));
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    return command.toString();
  }

  /** Takes the sites file of {@code environment} away from the user's ({@link TestHome}). */
  public static void isolate(Map<String, String> environment) {
    TestHome.isolate(environment);
  }

  public static JarProcess run(String stdin, String... args)
      throws IOException, InterruptedException {
    return run(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), List.of(), List.of(args));
  }
}
