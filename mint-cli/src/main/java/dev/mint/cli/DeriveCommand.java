package dev.mint.cli;

import dev.mint.internal.SecretSeam;

import dev.mint.Level;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Revision;
import dev.mint.Stages;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mint [derive] SITE}: the page's password for SITE, from the master phrase. */
@Command(
    name = "derive",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = MintCommand.Version.class,
    headerHeading = "",
    header = "Print the page's password for SITE (the default command).",
    description = {
      "Asks for the master phrase without echo and prints the password the Password Mint page "
          + "shows for the same inputs, followed by a newline, on standard output; nothing else "
          + "goes there. Standard error gets one line with the normalized site and the revision, "
          + "unless --quiet.",
      "",
      "The master phrase is never taken as an argument (other users can read a process's "
          + "arguments). It comes from the console prompt, or from standard input with "
          + "--phrase-stdin, or from an environment variable with --phrase-env NAME.",
      ""
    })
final class DeriveCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SITE",
      description = "The site as typed on the page, for example github.com or a URL.")
  String site;

  @Option(
      names = "--site-version",
      paramLabel = "TEXT",
      defaultValue = "1",
      description = "The version field's text, used verbatim: 1 to 9999 (default: ${DEFAULT-VALUE}).")
  String version;

  @Option(
      names = "--length",
      paramLabel = "N",
      defaultValue = "16",
      description = "Password length, 12 to 64 (default: ${DEFAULT-VALUE}).")
  int length;

  @Option(names = "--no-upper", description = "No upper-case letters.")
  boolean noUpper;

  @Option(names = "--no-lower", description = "No lower-case letters.")
  boolean noLower;

  @Option(names = "--no-digits", description = "No digits.")
  boolean noDigits;

  @Option(names = "--no-symbols", description = "No symbols.")
  boolean noSymbols;

  @Option(
      names = "--allow-ambiguous",
      description = "Allow O I l 0 1 (the page's \"exclude ambiguous\" box unticked).")
  boolean allowAmbiguous;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      defaultValue = "standard",
      converter = Arguments.LevelConverter.class,
      completionCandidates = Arguments.Levels.class,
      description = "standard (210,000 PBKDF2 iterations) or high (400,000) (default: ${DEFAULT-VALUE}).")
  Level level;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      defaultValue = "r3",
      converter = Arguments.RevisionConverter.class,
      completionCandidates = Arguments.Revisions.class,
      description = "The page release: r1, r2 or r3, the current page (default: ${DEFAULT-VALUE}).")
  Revision revision;

  @Option(
      names = "--phrase-stdin",
      description = "Read the master phrase from one line of standard input (UTF-8, at most "
          + PhraseReader.MAX_STDIN_BYTES + " bytes; only the line break is dropped).")
  boolean phraseStdin;

  @Option(
      names = "--phrase-env",
      paramLabel = "NAME",
      description = "Read the master phrase from environment variable NAME. Weaker: a process's "
          + "environment is readable by its owner while it runs and passed on to its children.")
  String phraseEnv;

  @Option(names = "--confirm", description = "Ask for the phrase twice; refuse a mismatch.")
  boolean confirm;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print the normalized site and revision on standard error.")
  boolean quiet;

  DeriveCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Arguments.checkDecoded("site", site);
    Arguments.checkDecoded("version", version);
    MintRequest request =
        MintRequest.builder(site)
            .version(version)
            .length(length)
            .upper(!noUpper)
            .lower(!noLower)
            .digits(!noDigits)
            .symbols(!noSymbols)
            .excludeAmbiguous(!allowAmbiguous)
            .level(level)
            .revision(revision)
            .build();
    String normalized = Stages.normalizeSite(request.site(), request.revision());
    char[] phrase = readPhrase();
    char[] password = null;
    try {
      try (Password minted = Mint.derive(request, phrase)) {
        password = SecretSeam.allocated(minted.toCharArray());
      }
      if (!quiet) {
        io.err().println("normalized site: " + normalized + " (revision " + revision.id() + ")");
      }
      PrintWriter out = io.out();
      out.write(password);
      out.write('\n');
      if (out.checkError()) {
        throw CliException.io("cannot write the password to standard output");
      }
      return ExitCodes.OK;
    } finally {
      Arrays.fill(phrase, '\0');
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  private char[] readPhrase() {
    if (phraseStdin && phraseEnv != null) {
      throw new ParameterException(
          spec.commandLine(), "--phrase-stdin and --phrase-env exclude each other");
    }
    if (confirm && (phraseStdin || phraseEnv != null)) {
      throw new ParameterException(
          spec.commandLine(), "--confirm works only with the console prompt");
    }
    if (phraseStdin) {
      return PhraseReader.fromStream(io.in());
    }
    if (phraseEnv != null) {
      return PhraseReader.fromEnvironment(io.env(), phraseEnv);
    }
    Console console = io.console().get();
    if (console == null) {
      throw new ParameterException(
          spec.commandLine(),
          "no console to ask for the master phrase (standard input and output must both be a "
              + "terminal); use --phrase-stdin, or --phrase-env NAME");
    }
    return PhraseReader.fromConsole(console, confirm);
  }
}
