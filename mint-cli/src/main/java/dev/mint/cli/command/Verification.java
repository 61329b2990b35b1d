package dev.mint.cli.command;

import dev.mint.Pbkdf2Engine;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.io.ProgressBar;
import dev.mint.cli.options.WorkersMixin;
import dev.mint.vectors.VectorCheck;
import dev.mint.vectors.VectorFiles;
import dev.mint.vectors.VectorFormatException;
import dev.mint.vectors.VectorRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code mint verify}: reads every file first (a bad file stops the run before any
 * check), checks the rows on a pool of threads with {@link VectorCheck}, the code the core tests
 * use, and reports in the order of the files and rows whatever order they finish in.
 */
final class Verification {
  private static final String UNIT = "rows";

  private final Io io;
  private final int threadCount;
  private final boolean progress;

  Verification(Io io, int threadCount, boolean progress) {
    this.io = io;
    this.threadCount = threadCount;
    this.progress = progress;
  }

  /** Checks every row of {@code files}; prints the report; returns the exit status. */
  int run(List<Path> files) throws InterruptedException, ExecutionException {
    List<List<VectorRow>> rowsPerFile = new ArrayList<>();
    int total = 0;
    for (Path file : files) {
      List<VectorRow> rows = read(file);
      rowsPerFile.add(rows);
      total += rows.size();
    }

    CountDownLatch remaining = new CountDownLatch(total);
    ExecutorService pool = WorkersMixin.pool(threadCount, "mint-verify");
    List<List<Future<VectorCheck.Outcome>>> outcomes = new ArrayList<>();
    try {
      Pbkdf2Engine engine = Pbkdf2Engine.defaultEngine();
      for (List<VectorRow> rows : rowsPerFile) {
        List<Future<VectorCheck.Outcome>> perFile = new ArrayList<>(rows.size());
        for (VectorRow row : rows) {
          perFile.add(
              pool.submit(
                  () -> {
                    try {
                      return VectorCheck.check(row, engine);
                    } finally {
                      remaining.countDown();
                    }
                  }));
        }
        outcomes.add(perFile);
      }
      if (progress) {
        while (!remaining.await(200, TimeUnit.MILLISECONDS)) {
          io.err().print(ProgressBar.render(total - remaining.getCount(), total, UNIT));
          io.err().flush();
        }
        io.err().print(ProgressBar.clear(total, UNIT));
        io.err().flush();
      }
      return report(files, outcomes);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<VectorRow> read(Path file) {
    try {
      return VectorFiles.read(file);
    } catch (NoSuchFileException e) {
      throw CliException.io(file + ": no such file");
    } catch (VectorFormatException e) {
      throw CliException.io(file + ": malformed vector file: " + e.getMessage());
    } catch (IOException e) {
      throw CliException.io(file + ": cannot read (" + IoErrors.describe(e) + ")");
    }
  }

  /** Failing rows, then a summary per file, then the total, in the order of the arguments. */
  private int report(List<Path> files, List<List<Future<VectorCheck.Outcome>>> outcomes)
      throws InterruptedException, ExecutionException {
    PrintWriter out = io.out();
    long passed = 0;
    long failed = 0;
    List<String> summaries = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      long filePassed = 0;
      long fileFailed = 0;
      for (Future<VectorCheck.Outcome> future : outcomes.get(i)) {
        VectorCheck.Outcome outcome = future.get();
        if (outcome.passed()) {
          filePassed++;
        } else {
          fileFailed++;
          out.println(describeFailure(files.get(i), outcome));
        }
      }
      summaries.add(files.get(i) + ": " + filePassed + " passed, " + fileFailed + " failed");
      passed += filePassed;
      failed += fileFailed;
    }
    summaries.forEach(out::println);
    out.println(passed + " passed, " + failed + " failed");
    if (out.checkError()) {
      throw CliException.io("cannot write to standard output");
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
  }

  /** {@code FAIL file #id (line n): stage: expected X, got Y}; never the phrase. */
  static String describeFailure(Path file, VectorCheck.Outcome outcome) {
    VectorRow row = outcome.row();
    return "FAIL "
        + file
        + " #"
        + row.id()
        + " (line "
        + row.line()
        + "): "
        + outcome.stage()
        + ": expected "
        + outcome.expected()
        + ", got "
        + outcome.actual();
  }
}
