package dev.mint.cli;

import dev.mint.PhraseCheck;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mint check}: the phrase check of the master phrase, so a typo shows. */
@Command(
    name = "check",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = MintCommand.Version.class,
    headerHeading = "",
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
final class CheckCommand implements Callable<Integer> {
  private final Io io;

  @Mixin PhraseOptions phraseOptions;

  CheckCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    char[] phrase = phraseOptions.read(io);
    try {
      io.out().println(PhraseCheck.of(phrase));
      io.out().flush();
      return ExitCodes.OK;
    } finally {
      Arrays.fill(phrase, '\0');
    }
  }
}
