package dev.mint.cli;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a command reads from and writes to: standard streams, the environment and the console.
 * {@link #system()} is the real process; tests pass their own streams and environment.
 *
 * @param in standard input, read byte by byte so no copy of the phrase stays in a buffer
 * @param stdout standard output as bytes: passwords are written here, from arrays that are wiped
 *     (see {@link PasswordOutput}), never through {@link #out}
 * @param out standard output as UTF-8 text, over {@code stdout}, for everything but passwords
 * @param err standard error (UTF-8)
 * @param env looks up an environment variable, null when it is not set
 * @param console the console, or null when there is none
 * @param stderrIsTerminal whether standard error goes to a terminal (progress bars)
 * @param stdoutIsTerminal whether standard output goes to a terminal
 */
record Io(
    InputStream in,
    OutputStream stdout,
    PrintWriter out,
    PrintWriter err,
    Function<String, String> env,
    Supplier<Console> console,
    boolean stderrIsTerminal,
    boolean stdoutIsTerminal) {

  /** An {@code Io} whose text output {@link #out} is UTF-8 over {@code stdout}. */
  static Io of(
      InputStream in,
      OutputStream stdout,
      PrintWriter err,
      Function<String, String> env,
      Supplier<Console> console,
      boolean stderrIsTerminal,
      boolean stdoutIsTerminal) {
    return new Io(
        in,
        stdout,
        new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false),
        err,
        env,
        console,
        stderrIsTerminal,
        stdoutIsTerminal);
  }

  /** The process's own standard streams, environment and console. */
  static Io system() {
    return of(
        // unbuffered: System.in would keep up to 8 KiB of the phrase in a buffer nobody wipes
        new FileInputStream(FileDescriptor.in),
        new FileOutputStream(FileDescriptor.out),
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true),
        System::getenv,
        System::console,
        Terminals.isTerminal(2),
        Terminals.isTerminal(1));
  }
}
