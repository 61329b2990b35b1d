package dev.mint.cli;

import dev.mint.InvalidInputException;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.usage.UsageErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every failure of a command as one {@code mint: ...} line on standard error and its exit status
 * from {@link ExitCodes}: one table, read top down, the first row whose kind matches wins. Only a
 * bug (no row matches) gets a stack trace, and never an exception's message that nothing guarantees
 * to be free of input.
 */
public final class Failures {
  /** A kind of failure, its exit status and its line (after {@code mint: }). */
  private record Row(
      Class<? extends Throwable> kind,
      ToIntFunction<Throwable> exitCode,
      Function<Throwable, String> line) {}

  private static final List<Row> TABLE =
      List.of(
          // an argument picocli refused: never the value refused (UsageErrors)
          row(
              ParameterException.class,
              e -> ExitCodes.USAGE,
              e ->
                  UsageErrors.describe(e)
                      + " (see '"
                      + e.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help')"),
          // the one Error of the VM that is not about its resources: a bug
          row(InternalError.class, e -> ExitCodes.INTERNAL, Failures::internalError),
          // out of memory or stack, above all an input larger than the heap; what mint writes is
          // written atomically, so nothing is half-written
          row(
              VirtualMachineError.class,
              e -> ExitCodes.OUT_OF_MEMORY,
              e ->
                  "out of memory ("
                      + e.getClass().getSimpleName()
                      + "): the input is larger than the Java heap allows (-Xmx); nothing was"
                      + " half-written"),
          row(Error.class, e -> ExitCodes.INTERNAL, Failures::internalError),
          row(CliException.class, CliException::exitCode, Throwable::getMessage),
          row(SitesException.class, e -> exitCode(e.kind()), Throwable::getMessage),
          row(InvalidInputException.class, e -> ExitCodes.INVALID_INPUT, Throwable::getMessage),
          row(UncheckedIOException.class, e -> ExitCodes.IO, Failures::ioError),
          row(IOException.class, e -> ExitCodes.IO, Failures::ioError));

  private Failures() {}

  private static <T extends Throwable> Row row(
      Class<T> kind, ToIntFunction<T> exitCode, Function<T, String> line) {
    return new Row(kind, e -> exitCode.applyAsInt(kind.cast(e)), e -> line.apply(kind.cast(e)));
  }

  /** The exit status of a failure of the sites file or of a value for it: the one place. */
  public static int exitCode(SitesException.Kind kind) {
    return switch (kind) {
      case USAGE -> ExitCodes.USAGE;
      case INVALID_INPUT -> ExitCodes.INVALID_INPUT;
      case FILE -> ExitCodes.IO;
    };
  }

  /**
   * Writes {@code failure}'s line to {@code err} and returns its exit status; for a failure no row
   * knows (a bug), the class and where it happened.
   */
  static int report(PrintWriter err, Throwable failure) {
    for (Row row : TABLE) {
      if (row.kind().isInstance(failure)) {
        err.println("mint: " + row.line().apply(failure));
        return row.exitCode().applyAsInt(failure);
      }
    }
    err.println("mint: " + internalError(failure));
    for (StackTraceElement frame : failure.getStackTrace()) {
      err.println("\tat " + frame);
    }
    return ExitCodes.INTERNAL;
  }

  /** picocli's handler of what a command threw: an {@code Error} arrives as the cause. */
  static int ofExecution(Exception e, CommandLine cli, ParseResult parseResult) {
    return report(cli.getErr(), e.getCause() instanceof Error ? e.getCause() : e);
  }

  /** picocli's handler of an argument it refused. */
  static int ofParameters(ParameterException e, String[] args) {
    return report(e.getCommandLine().getErr(), e);
  }

  private static String internalError(Throwable e) {
    return "internal error: " + e.getClass().getName();
  }

  private static String ioError(Throwable e) {
    return "I/O error (" + IoErrors.describe(e) + ")";
  }
}
