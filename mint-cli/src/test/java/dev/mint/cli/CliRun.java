package dev.mint.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/** Runs the command line in this JVM with given stdin and environment, and no console. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(byte[] stdin, Map<String, String> env, String... args) {
    return run(new ByteArrayInputStream(stdin), env::get, args);
  }

  /** With any standard input and environment lookup (a stream that never ends, a recording one). */
  static CliRun run(InputStream stdin, Function<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Io io = Io.of(stdin, out, new PrintWriter(err, true), env, () -> null, false, false);
    int code = MintCli.run(io, args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  static CliRun withStdin(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), args);
  }

  static CliRun run(String... args) {
    return run(new byte[0], Map.of(), args);
  }
}
