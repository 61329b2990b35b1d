package dev.mint.cli.command;

import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import dev.mint.PhraseCheck;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;
import dev.mint.cli.options.OutputMixin;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.options.RulesMixin;
import dev.mint.cli.options.SiteMixin;
import dev.mint.cli.options.SiteSettingsMixin;
import dev.mint.cli.output.PasswordSink;
import dev.mint.cli.output.StdoutSink;
import dev.mint.cli.phrase.CheckedDerivation;
import dev.mint.cli.phrase.HeldPhrase;
import dev.mint.cli.phrase.OffHeapPhrase;
import dev.mint.cli.sites.policy.PhraseRoute;
import dev.mint.cli.sites.policy.ResolvedSite;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mint [derive] SITE}: the page's password for SITE, from the master phrase. */
@Command(
    name = "derive",
    sortOptions = false,
    header = "Print the page's password for SITE (the default command).",
    description = {
      "Asks for the master phrase without echo and prints the password the Password Mint page "
          + "shows for the same inputs, followed by a newline, on standard output; nothing else "
          + "goes there. Standard error gets one line with the normalized site and the revision, "
          + "unless --quiet; after a phrase typed at the console prompt, also its phrase check "
          + "(see: mint check --help), so a typo shows.",
      "",
      "Remembered sites (a mint feature, not the page's): when the sites file holds an entry for "
          + "SITE (see 'mint site --help'), its settings are used, and the standard error line "
          + "says which came from the file: 'github (${bundle:Revision.current}): version 3, length 20, no symbols (from "
          + "sites.json)'; with --quiet, a stored length below 16 or a class turned off is still "
          + "said on its own line. An option typed here overrides the stored one for this run; "
          + "--save stores it (with the settings the site's known password rules choose for the "
          + "options not typed, as 'mint site set' does, before the password is derived; for a "
          + "site without an entry, the first version at or above the one typed whose password "
          + "the site's rules accept, found by the search below, so that the first password "
          + "shown for a new site is one it accepts; an existing entry's version never moves "
          + "silently); --no-profile ignores the file. Settings chosen for the rules are "
          + "recorded as such and are not called a weakening. www.github.com and "
          + "https://github.com/login use the entry for github.com.",
      "",
      "Password rules (mint-only): when mint knows SITE's password rules and the password "
          + "breaks them, standard error names each broken rule and the smallest version at or "
          + "above this one whose password the site accepts (50 tried, or up to 2,000 for a site "
          + "whose passwords rarely comply), with the command "
          + "that stores it. The password is still printed, unless --strict.",
      "",
      "The master phrase is never taken as an argument (other users can read a process's "
          + "arguments). It comes from the console prompt, or from standard input with "
          + "--phrase-stdin, or from an open file descriptor with --phrase-fd N, or from an "
          + "environment variable with --phrase-env NAME.",
      ""
    })
public final class DeriveCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(
      index = "0",
      paramLabel = "SITE",
      description = "The site as typed on the page, for example github.com or a URL.")
  public String site;

  @Mixin public CommandSpec siteOptions = SiteSettingsMixin.create();

  public @Mixin SiteMixin profile;

  @Mixin PhraseMixin phraseOptions;

  @Mixin OutputMixin output;

  @Mixin RulesMixin rules;

  @Option(
      names = "--strict",
      description =
          "Do not print a password that breaks the site's known password rules (mint-only; "
              + "exit 7); without it such a password is printed with a warning.")
  boolean strict;

  @Option(
      names = "--force",
      description =
          "Derive even when the phrase's check differs from the one recorded in the "
              + "sites file (see: mint check --help).")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Do not print the normalized site and revision (nor, with --clip, the \"copied\""
              + " line) on standard error. A stored entry that weakens the password (a length "
              + "below 16, a class turned off, not chosen by mint for the site's rules) is still "
              + "said: 'mint: github.com's stored entry "
              + "weakens its password: length 12 (from sites.json)'.")
  boolean quiet;

  public DeriveCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    // --save stores the settings the rules choose: chosen before the derivation, so the password
    // printed is the one stored
    ResolvedSite resolved =
        profile.withRulesIfSaving(io, rules, profile.resolve(io, site, siteOptions), site);
    PasswordSink sink = output.sink(io, quiet);
    sink.requireRoomFor(resolved.request().length());
    rules.prepare(site); // the site's rules data, parsed while the phrase is typed
    StdoutSink.prepare(io); // and the way to standard output set up
    char[] phrase = phraseOptions.read(io);
    // with a recorded check, the typed phrase's check runs alongside the derivation and a
    // mismatch is refused before any password is shown
    // with a rotation, the entry's own phrase (moved to the new one, or left on an old one)
    PhraseRoute route = force ? PhraseRoute.recorded(null) : resolved.route();
    PhraseCheck recorded =
        route.accepted().size() == 1 && route.needed().equals(resolved.recordedCheck())
            ? route.needed()
            : null;
    OffHeapPhrase kept = null;
    HeldPhrase key = null;
    PhraseCheck[] typedCheck = {
      null
    }; // an entry --save creates records the phrase it was made with

    try {
      try (Password derived =
          CheckedDerivation.deriveGuarded(
              resolved.request(),
              phrase,
              route.checks()
                  ? typed -> {
                    typedCheck[0] = typed;
                    return refusal(route, typed);
                  }
                  : null)) {
        // for what follows, the phrase is off the heap (phrase wiped) and a version search
        // derives through the hardened bytes: the search may take many collections, and each
        // would leave a copy of an array in use behind
        key = new HeldPhrase(phrase, Pbkdf2Engine.defaultEngine());
        kept = new OffHeapPhrase(phrase);
        HeldPhrase search = key;
        resolved.sameAsNote().ifPresent(io.err()::println); // never silent, even with --quiet
        String notice = resolved.notice(quiet); // a weakened entry shows even with --quiet
        if (notice != null) {
          io.err().println(notice);
        }
        // after a version search, the password derived again (see BrokenRulesAdvice.check)
        // an entry created in this run stores the first version the site's rules accept
        ResolvedSite[] stored = {resolved};
        try (Password password =
            rules.check(
                io,
                "",
                site,
                resolved,
                derived,
                search::mint,
                strict,
                profile.createsEntry(resolved)
                    ? found -> stored[0] = SiteMixin.atVersion(resolved, found)
                    : null)) {
          profile.saveIfAsked(io, stored[0], site, quiet, typedCheck[0]);
          sink.emit(password);
        }
      }
      // after the password, so it never waits for this second PBKDF2
      kept.apply(
          p -> {
            phraseOptions.showCheck(io, quiet, p, recorded);
            return null;
          });
      return ExitCodes.OK;
    } finally {
      Wipe.chars(phrase);
      if (kept != null) {
        kept.close();
      }
      if (key != null) {
        key.close();
      }
    }
  }

  /** The refusal of a phrase {@code route} does not take, exit 3; null when it takes it. */
  static CliException refusal(PhraseRoute route, PhraseCheck typed) {
    String line = route.refusal(typed);
    return line == null ? null : CliException.invalidInput(line);
  }
}
