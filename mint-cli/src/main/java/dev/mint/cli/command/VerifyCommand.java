package dev.mint.cli.command;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.Io;
import dev.mint.cli.options.WorkersMixin;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mint verify FILE...}: checks test-vector files exactly as the core tests do, with the same
 * code, on all cores. The work is in {@link Verification}, so that building the command line (which
 * reflects on this class) loads none of the vector classes on the derive path.
 */
@Command(
    name = "verify",
    header = "Check test-vector files (JSON lines) against this port.",
    description = {
      "Checks every row as the core tests do: stage rows with the supplied derived bytes, e2e "
          + "rows with real PBKDF2; a row the page refused must be refused on the same field, "
          + "and a row outside what the port accepts by design must be refused on phrase or "
          + "version.",
      "",
      "Standard output: one line per failing row (file, id, line and the first stage that "
          + "differs, expected against actual; never the phrase), one summary line per file, "
          + "and last the line 'N passed, M failed'. A progress bar goes to standard error when "
          + "it is a terminal.",
      ""
    })
public final class VerifyCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Vector files (*.jsonl).")
  List<Path> files;

  @Mixin
  CommandSpec workers = WorkersMixin.create("Rows checked at once (default: the number of cores).");

  public VerifyCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    return new Verification(
            io, WorkersMixin.threads(workers, spec), WorkersMixin.progress(workers, io))
        .run(files);
  }
}
