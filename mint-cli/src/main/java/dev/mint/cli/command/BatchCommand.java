package dev.mint.cli.command;

import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.ProgressBar;
import dev.mint.cli.io.Text;
import dev.mint.cli.io.Wipe;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.options.RulesMixin;
import dev.mint.cli.options.WorkersMixin;
import dev.mint.cli.output.StdoutSink;
import dev.mint.cli.phrase.HeldPhrase;
import dev.mint.cli.sites.SitesException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mint batch [FILE|-]}: the password of every site in a list, the phrase asked once. */
@Command(
    name = "batch",
    sortOptions = false,
    header = "Print the password of every site listed in FILE (or standard input), one phrase.",
    description = {
      "Each line of FILE is a site, optionally followed by derive's site options, as a line of "
          + "'mint session' ('github.com --length 20'); blank lines and lines starting with # "
          + "are skipped; quotes keep spaces in a word ('my bank' --length 20). Standard "
          + "output gets one line per site, in the order of the input: the site as written, a "
          + "tab, the password.",
      "",
      "The phrase is read once (prompt, --phrase-stdin, --phrase-fd N or --phrase-env NAME) and "
          + "kept only as the bytes PBKDF2 is given, wiped at the end. With FILE '-' or none, the "
          + "sites come from standard input (after the phrase's line with --phrase-stdin). "
          + "Scripts: mint batch sites.txt --phrase-fd 3 3< <(pass show mint) > passwords.tsv",
      "",
      "Sites with an entry in the sites file use its settings, as derive does (a line may say "
          + "--account NAME or --no-profile; a line with --save is refused: input must not rewrite "
          + "the sites file); --all lists every entry of the file. A site "
          + "whose entry has an account is shown as 'site (account NAME)'. An entry whose stored "
          + "settings weaken the password (a length below 16, a class turned off) is said on "
          + "standard error, 'mint: line N: github.com's stored entry weakens its password: "
          + "length 12 (from sites.json)' ('entry N' with --all); it does not change the exit status.",
      "",
      "Password rules (mint-only): when mint knows a site's password rules and its password "
          + "breaks them, standard error names each broken rule and the smallest complying version "
          + "with the command that stores it, as derive does, after 'mint: line N: '; the password "
          + "is still printed, unless --strict. --no-rules (here, or on a line) turns this off.",
      "",
      "A line mint cannot use is reported on standard error with its line number, and the "
          + "others are still printed; the exit status is then 3. A screen of passwords is easy "
          + "to expose: writing them to a terminal needs --to-terminal. A progress bar goes to "
          + "standard error when it is a terminal.",
      ""
    })
public final class BatchCommand extends StandardCommand implements Callable<Integer> {
  private static final String UNIT = "sites";

  private final Io io;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The list of sites, UTF-8; '-' or none for standard input.")
  String file;

  @Mixin PhraseMixin phraseOptions;

  @Option(
      names = "--force",
      description =
          "Run even when the phrase's check differs from the one recorded in the "
              + "sites file (see: mint check --help).")
  boolean force;

  @Option(
      names = "--all",
      description =
          "Every entry of the sites file instead of FILE (see 'mint site list'), in "
              + "the file's order.")
  boolean all;

  @Option(names = "--to-terminal", description = "Allow printing the passwords to a terminal.")
  boolean toTerminal;

  @Mixin RulesMixin rules;

  @Option(
      names = "--strict",
      description =
          "Do not print a row whose password breaks the site's known password rules "
              + "(mint-only): 'mint: line N: --strict: ...' on standard error instead, the other "
              + "rows are still printed, and the exit status is 7 (3 when a line was refused).")
  boolean strict;

  /** Whether --strict withheld a row's password. */
  private boolean withheld;

  @Mixin
  CommandSpec workers =
      WorkersMixin.create(
          "Derivations at once (default: the number of cores; with 1, each derivation "
              + "uses every core instead).");

  public BatchCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (io.stdoutIsTerminal() && !toTerminal) {
      throw new ParameterException(
          spec.commandLine(),
          "standard output is a terminal: a screen of passwords is easy to expose; redirect it "
              + "to a file or a pipe, or give --to-terminal");
    }
    int threadCount = WorkersMixin.threads(workers, spec);
    if (all && file != null) {
      throw new ParameterException(spec.commandLine(), "--all and FILE exclude each other");
    }
    phraseOptions.withoutWarmUp(); // no idle time here: a warm-up would only compete
    boolean fromStdin = !all && (file == null || file.equals("-"));
    List<String> lines =
        all ? BatchInput.storedSites(io) : fromStdin ? null : BatchInput.readFile(Path.of(file));
    String where = all ? "entry " : "line ";
    try (HeldPhrase held =
        phraseOptions.hold(io, force, "mint-batch-wipe", engineFor(threadCount))) {
      if (fromStdin) {
        lines = BatchInput.readStdin(io);
      }
      BatchInput input = BatchInput.parse(io, rules, lines, where, held.check());
      List<BatchInput.Entry> entries = input.entries();
      boolean failed = input.failed();
      failed |= derive(held, entries, Math.min(threadCount, Math.max(1, entries.size())));
      return failed ? ExitCodes.INVALID_INPUT : withheld ? ExitCodes.NOT_ACCEPTED : ExitCodes.OK;
    }
  }

  /**
   * Derives every entry on {@code threadCount} threads and prints them in input order as they
   * become ready; returns whether one failed. With one thread a derivation's two blocks run on two
   * cores (the parallel engine); with more, each derivation runs its blocks one after the other and
   * the threads keep the cores busy without handing blocks around.
   */
  private boolean derive(HeldPhrase held, List<BatchInput.Entry> entries, int threadCount)
      throws InterruptedException {
    ExecutorService pool = WorkersMixin.pool(threadCount, "mint-batch");
    AtomicInteger done = new AtomicInteger();
    List<Future<Derived>> passwords = new ArrayList<>(entries.size());
    boolean progress = WorkersMixin.progress(workers, io);
    boolean failed = false;
    int printed = 0;
    try {
      for (BatchInput.Entry entry : entries) {
        passwords.add(pool.submit(() -> derived(held, entry, done)));
      }
      for (int i = 0; i < entries.size(); i++) {
        BatchInput.Entry entry = entries.get(i);
        Derived row;
        try {
          row = passwords.get(i).get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error) {
            throw (Error) e.getCause(); // out of memory is the JVM's, not the row's: MintCli
          }
          io.err().println("mint: " + entry.where() + ": " + describe(e.getCause()));
          failed = true;
          continue;
        }
        Password password = row.password();
        try {
          if (progress) {
            io.err().print(ProgressBar.clear(entries.size(), UNIT));
            io.err().flush();
          }
          io.err().print(row.stderr()); // the rules' lines, in input order
          io.err().flush();
          if (row.unexpected() != null) {
            throw row.unexpected();
          }
          switch (row.rules()) {
            case SHOWN -> writeEntry(entry.parsed().label(), password);
            case WITHHELD -> withheld = true;
            case FAILED -> failed = true;
          }
          printed++;
        } finally {
          password.close();
        }
        if (progress) {
          io.err().print(ProgressBar.render(done.get(), entries.size(), UNIT));
          io.err().flush();
        }
      }
      if (progress) {
        io.err().print(ProgressBar.clear(entries.size(), UNIT));
        io.err().flush();
      }
      return failed;
    } finally {
      pool.shutdownNow();
      for (int i = printed; i < passwords.size(); i++) { // an output error: wipe the rest
        Future<Derived> f = passwords.get(i);
        if (f.isDone() && !f.isCancelled()) {
          try {
            f.get().password().close();
          } catch (ExecutionException e) {
            // nothing to wipe
          }
        }
      }
    }
  }

  private enum Row {
    SHOWN,
    WITHHELD,
    FAILED
  }

  /**
   * A row as its pool thread leaves it: the password, what the site's rules say of it and what they
   * printed (held until the printing thread's turn comes, so that standard error stays in input
   * order), and a failure of the rules check that is not the row's (thrown on the printing thread,
   * where it would have been thrown had the check run there).
   */
  private record Derived(
      Password password, Row rules, String stderr, RuntimeException unexpected) {}

  /**
   * On a pool thread: the row's password, then its rules check ({@link #checkRules}), so that a
   * version search runs beside the other rows' derivations instead of holding up the printing
   * thread while the pool idles.
   */
  private Derived derived(HeldPhrase held, BatchInput.Entry entry, AtomicInteger done) {
    Password password;
    try {
      password = held.mint(entry.parsed().request());
    } finally {
      done.incrementAndGet();
    }
    Password[] shown = {password}; // after a version search, derived again
    try {
      StringWriter said = new StringWriter();
      PrintWriter err = new PrintWriter(said);
      Io rowIo =
          new Io(
              io.in(),
              io.stdout(),
              io.out(),
              err,
              io.env(),
              io.console(),
              io.stderrIsTerminal(),
              io.stdoutIsTerminal(),
              io.descriptors());
      Row rules;
      RuntimeException unexpected = null;
      try {
        rules = checkRules(rowIo, held, entry, shown);
      } catch (RuntimeException e) {
        rules = Row.FAILED;
        unexpected = e;
      }
      err.flush();
      return new Derived(shown[0], rules, said.toString(), unexpected);
    } catch (Error e) {
      shown[0].close();
      throw e;
    }
  }

  /**
   * The site's known password rules for a row, on its pool thread, their lines into {@code io}'s
   * standard error (a buffer the printing thread prints in input order), each after {@code mint:
   * line N: }: the broken rules and the smallest complying version, searched with the held phrase,
   * as derive says them. Nothing for a site without rules, or with {@code --no-rules} on the
   * command or the line. {@code shown[0]} is the password, replaced by the one to show (after a
   * version search the first is wiped and the password derived again).
   */
  private Row checkRules(Io io, HeldPhrase held, BatchInput.Entry entry, Password[] shown) {
    SiteLines.Parsed parsed = entry.parsed();
    if (parsed.rulesOff()) {
      return Row.SHOWN;
    }
    try {
      shown[0] =
          rules.check(
              io,
              entry.where() + ": ",
              parsed.site(),
              parsed.resolved(),
              shown[0],
              held::mint,
              strict,
              null);
      return Row.SHOWN;
    } catch (CliException e) {
      io.err().println("mint: " + entry.where() + ": " + e.getMessage());
      return e.exitCode() == ExitCodes.NOT_ACCEPTED ? Row.WITHHELD : Row.FAILED;
    } catch (dev.mint.InvalidInputException | SitesException e) {
      io.err().println("mint: " + entry.where() + ": " + e.getMessage());
      return Row.FAILED;
    }
  }

  /**
   * With one thread, each derivation uses every core (the parallel engine); with more, each runs
   * its blocks one after the other and the threads keep the cores busy.
   */
  private static Pbkdf2Engine engineFor(int threadCount) {
    return threadCount == 1 ? Pbkdf2Engine.fast() : Pbkdf2Engine.fastSequential();
  }

  private static String describe(Throwable t) {
    return t instanceof dev.mint.InvalidInputException
            || t instanceof CliException
            || t instanceof SitesException
        ? t.getMessage()
        : "internal error: " + t.getClass().getName();
  }

  /**
   * {@code site<TAB>password<LF>}, through a byte array that is wiped; the site {@link
   * Text#printable}, so that no character of it (a tab, a line break) forges a column or a row.
   */
  private void writeEntry(String label, Password password) {
    String site = Text.printable(label);
    char[] chars = dev.mint.internal.SecretSeam.allocated(password.toCharArray());
    char[] line =
        dev.mint.internal.SecretSeam.allocated(new char[site.length() + 1 + chars.length]);
    try {
      site.getChars(0, site.length(), line, 0);
      line[site.length()] = '\t';
      System.arraycopy(chars, 0, line, site.length() + 1, chars.length);
      StdoutSink.writeLine(io, line);
    } finally {
      Wipe.chars(chars);
      Wipe.chars(line);
    }
  }
}
