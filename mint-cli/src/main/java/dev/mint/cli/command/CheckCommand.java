package dev.mint.cli.command;

import dev.mint.PhraseCheck;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.phrase.CheckedDerivation;
import dev.mint.cli.sites.policy.RecordedCheck;
import dev.mint.cli.sites.store.SitesFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mint check}: the phrase check of the master phrase, so a typo shows. */
@Command(
    name = "check",
    sortOptions = false,
    header = "Print the phrase check of the master phrase.",
    description = {
      "Reads the master phrase as derive does and prints its phrase check on standard output: "
          + "two words of the PGP word list and four hex digits, such as "
          + "'upshot article (f40c)'. The same phrase gives the same check on every machine and "
          + "every mint version; a mistyped phrase almost always gives another one (one chance "
          + "in 65,536 that it does not).",
      "",
      "The check costs as much to compute as a password (PBKDF2, 210,000 iterations), so seeing "
          + "it does not help anyone guess the phrase faster than a password would. derive prints "
          + "it on standard error after a phrase typed at the console prompt.",
      ""
    })
public final class CheckCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Mixin PhraseMixin phraseOptions;

  @Option(
      names = "--remember",
      description =
          "Record the check in the sites file (see: mint site --help); from then on, "
              + "derive refuses a phrase whose check differs, before showing any password (--force "
              + "derives anyway). At the console prompt the phrase is asked twice, so no typo is "
              + "recorded.")
  boolean remember;

  public CheckCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (remember) {
      phraseOptions.confirmedAtConsole();
    }
    SitesFile file = SitesFile.of(io);
    // a file mint cannot use is refused before the phrase is asked
    PhraseCheck recorded = file.exists() ? RecordedCheck.in(file.read(), file.name()) : null;
    char[] phrase = phraseOptions.read(io);
    try {
      PhraseCheck check = PhraseCheck.of(phrase);
      io.out().println(check);
      io.out().flush();
      if (remember) {
        PhraseCheck before = RecordedCheck.record(file, check);
        io.err()
            .println(
                "recorded in "
                    + file.name()
                    + (before != null && !before.equals(check)
                        ? " (replacing " + before + ")"
                        : ""));
      } else if (recorded != null && !recorded.equals(check)) {
        throw CheckedDerivation.mismatch(check, recorded);
      } else if (recorded != null) {
        io.err().println("matches the check recorded in " + file.name());
      }
      return ExitCodes.OK;
    } finally {
      Wipe.chars(phrase);
    }
  }
}
