package dev.mint.cli.command.site;

import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.options.RulesMixin;
import dev.mint.cli.options.StoredSiteMixin;
import dev.mint.cli.output.StdoutSink;
import dev.mint.cli.phrase.HeldPhrase;
import dev.mint.cli.rules.RulesSearch;
import dev.mint.cli.rules.SiteFacts;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.Change;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.rules.SiteRules;
import dev.mint.rules.VersionSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "bump",
    header = "Move SITE to its next version: the way to rotate its password.",
    description = {
      "With the master phrase (asked at the console as 'mint SITE' asks, or --phrase-stdin, "
          + "--phrase-fd N, --phrase-env NAME): the next version whose password keeps the site's "
          + "known password rules (mint-only; the version search 'mint SITE' does, from the "
          + "version after the stored one; --no-rules takes the next version as it is) is "
          + "stored, standard error shows the old and the new version ('chase.com: version 6 -> "
          + "8') and where to change the password, and standard output the new password.",
      "",
      "Without the phrase (--no-phrase, or no phrase option and no terminal to ask on): the "
          + "version goes up by one, unchecked. For a site with known rules standard error then "
          + "says that the new version's password may break them and the 'mint SITE' command "
          + "that checks it.",
      "",
      "An entry made with 'site set --same-as OTHER' is refused (exit 3): bump OTHER, which "
          + "changes both. When no version within the search complies, nothing is stored (exit "
          + "7).",
      ""
    })
final class BumpCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Mixin StoredSiteMixin entry;

  @Mixin PhraseMixin phraseOptions;

  @Mixin RulesMixin rules;

  @Option(
      names = "--no-phrase",
      description =
          "Do not ask for the master phrase: add one to the version without checking the new "
              + "password against the site's rules, and print no password.")
  boolean noPhrase;

  BumpCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    if (noPhrase && !phraseOptions.fromConsole()) {
      throw CliException.usage("--no-phrase and a phrase option exclude each other");
    }
    boolean askable = io.console().get() != null || io.stdinIsTerminal();
    if (noPhrase || (phraseOptions.fromConsole() && !askable)) {
      return withoutPhrase(file);
    }
    // everything that can refuse the bump is checked before the phrase is asked
    SiteEntry before = bumpable(entry.in(Sites.of(file.read()), file));
    Optional<SiteRules> known =
        rules.ignored() ? Optional.empty() : RulesSearch.of(before.settings().site());
    MintRequest next = nextVersion(before);
    HeldPhrase key =
        phraseOptions.hold(io, false, false, "mint-bump-phrase", Pbkdf2Engine.defaultEngine());
    try (key) {
      if (known.isEmpty()) {
        try (Password password = key.mint(next)) {
          return stored(file, before, next, password);
        }
      }
      try (VersionSearch.Result result = RulesSearch.search(io, "", next, known.get(), key::mint)) {
        if (!result.found()) {
          throw CliException.notAccepted(
              "none of versions "
                  + result.start()
                  + " to "
                  + (result.start() + result.derivations() - 1)
                  + " makes a password "
                  + Text.printable(known.get().domain())
                  + " accepts; nothing stored ('"
                  + Text.command("mint", "site", "set", before.site())
                  + "' chooses settings for its rules, --no-rules bumps by one)");
        }
        return stored(file, before, result.request(), result.password());
      }
    }
  }

  /**
   * Stores {@code next}'s version in the entry, unless the entry changed while the phrase was typed
   * or the search ran, then says so and shows {@code password}.
   */
  private int stored(SitesFile file, SiteEntry before, MintRequest next, Password password) {
    List<String> warnings = new ArrayList<>();
    Change change =
        Sites.update(
            file,
            p -> {
              SiteEntry current = entry.in(p, file);
              if (!current.settings().equals(before.settings()) || current.sameAs() != null) {
                // the version searched from is no longer the stored one: nothing is guessed
                throw CliException.invalid(
                    "site",
                    Text.printable(current.label())
                        + " changed in "
                        + file.name()
                        + " meanwhile; nothing stored (run the bump again)");
              }
              MintRequest settings = current.settings().toBuilder().version(next.version()).build();
              SiteEntry after = current.withSettings(settings, SitesFile.today());
              p.replace(current, after);
              warnings.addAll(p.samePasswordWarnings(after));
              return new Change(current, after);
            });
    io.err().println(change.describe() + " (" + file.name() + ")"); // chase.com: version 6 -> 8
    warnings.forEach(io.err()::println);
    changeAt(change);
    new StdoutSink(io).emit(password);
    return ExitCodes.OK;
  }

  /** Today's form for scripts: one up, no phrase, and a word on the rules when mint knows some. */
  private int withoutPhrase(SitesFile file) {
    List<String> warnings = new ArrayList<>();
    Change change =
        Sites.update(
            file,
            p -> {
              SiteEntry before = bumpable(entry.in(p, file));
              SiteEntry after = before.withSettings(nextVersion(before), SitesFile.today());
              p.replace(before, after);
              warnings.addAll(p.samePasswordWarnings(after));
              return new Change(before, after);
            });
    io.err().println(change.describe() + " (" + file.name() + ")"); // github.com: version 3 -> 4
    warnings.forEach(io.err()::println);
    SiteEntry after = change.after();
    Optional<SiteRules> known =
        rules.ignored() ? Optional.empty() : RulesSearch.of(after.settings().site());
    if (known.isPresent()) {
      List<String> check = new ArrayList<>(List.of("mint", after.site()));
      if (after.account() != null) {
        check.addAll(List.of("--account", after.account()));
      }
      io.err()
          .println(
              "mint: unchecked without the phrase: version "
                  + after.settings().version()
                  + "'s password may break the known rules of "
                  + Text.printable(known.get().domain())
                  + "; '"
                  + Text.command(check)
                  + "' checks it and names the version that keeps them");
    }
    changeAt(change);
    return ExitCodes.OK;
  }

  /** Where the new password goes (mint-only), for a site that is a domain name. */
  private void changeAt(Change change) {
    SiteFacts.of(change.after().site())
        .changePasswordUrl()
        .ifPresent(url -> io.err().println("change it at: " + Text.printable(url)));
  }

  /** {@code before} itself, when a bump may move it. */
  private static SiteEntry bumpable(SiteEntry before) {
    if (before.sameAs() != null) {
      // its password is the other site's: bumping that one is a choice to make by name
      throw CliException.invalid(
          "site",
          Text.printable(before.label())
              + " is the same as "
              + Text.printable(before.sameAs())
              + ": bump that one ('"
              + Text.command("mint", "site", "bump", before.sameAs())
              + "'), which changes both");
    }
    return before;
  }

  /** The entry's settings with the version after the stored one. */
  private static MintRequest nextVersion(SiteEntry before) {
    int version = Integer.parseInt(before.settings().version()); // checked: 1 to 9999
    if (version >= 9999) {
      throw CliException.invalid("version", "9999 is the highest version the page takes");
    }
    return before.settings().toBuilder().version(Integer.toString(version + 1)).build();
  }
}
