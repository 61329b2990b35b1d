package dev.mint.cli.command.site;

import dev.mint.InvalidInputException;
import dev.mint.MintRequest;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.options.Arguments;
import dev.mint.cli.options.RulesMixin;
import dev.mint.cli.options.SiteSettingsMixin;
import dev.mint.cli.sites.TypedSettings;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.Change;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "set",
    sortOptions = false,
    header = "Store SITE's settings: create its entry, or change the options given.",
    description = {
      "Takes the same site options as 'mint derive'. A new entry gets the page's defaults for "
          + "every option not given; for an existing entry (one SITE matches, for example "
          + "github.com for www.github.com) only the options given change. No phrase is asked "
          + "and nothing is printed on standard output; standard error says what was stored: a new "
          + "entry's settings, or the old and the new value of each one changed ('updated "
          + "github.com: length 20 -> 12 (weaker) (FILE)'; '(weaker)' for a shorter length, a "
          + "class turned off or a lower level).",
      "",
      "Example: mint site set github.com --site-version 3 --length 20 --no-symbols",
      "",
      "--same-as OTHER (mint-only) makes SITE's entry give OTHER's password, for two sites that "
          + "sign in with one account: 'mint icloud.com' then prints what 'mint apple.com' prints "
          + "(OTHER's entry, or the page's defaults without one), says so on standard error, and "
          + "follows OTHER's changes ('mint site bump apple.com'). The page gives it by typing "
          + "OTHER. It takes no site options (exit 2); OTHER must not be SITE itself, have "
          + "--same-as of its own, or have several entries (exit 3). 'mint site rm SITE' undoes "
          + "it.",
      "",
      "Password rules (mint-only): when mint knows SITE's password rules (see 'mint rules "
          + "--help'), it also stores the page settings those rules need, among the options not "
          + "typed, and says each one on standard error with its reason. An option typed that "
          + "the rules refuse is stored as typed, with a warning. A site no page setting can "
          + "serve (it allows fewer than 12 characters, say) is refused with exit 3 and nothing "
          + "is stored. --no-rules ignores the rules.",
      ""
    })
final class SetCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(index = "0", paramLabel = "SITE", description = "The site as typed on the page.")
  String site;

  @Mixin CommandSpec options = SiteSettingsMixin.create();

  @Mixin RulesMixin rules;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description =
          "A label telling two entries of one site apart (does not change the "
              + "password): 'mint github.com --account work' then picks this one; '-' for the "
              + "entry without an account.")
  String account;

  @Option(
      names = "--same-as",
      paramLabel = "OTHER",
      description =
          "Give OTHER's password (mint-only): a site that signs in with OTHER's account. No "
              + "settings of its own: OTHER's entry's, or the page's defaults without one.")
  String sameAs;

  @Spec CommandSpec spec;

  @Option(
      names = "--note",
      paramLabel = "TEXT",
      description =
          "A note shown by 'site list' and 'site show' (not secret: never a phrase "
              + "or a password).")
  String note;

  SetCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Arguments.checkDecoded("site", site);
    TypedSettings typed = SiteSettingsMixin.typed(options);
    typed.request(site); // the options are checked before the file is touched
    if (!Sites.NO_ACCOUNT.equals(account)) {
      checkLabel("account", account);
    }
    checkLabel("note", note);
    SitesFile file = SitesFile.of(io);
    List<String> warnings = new ArrayList<>();
    Change change;
    if (sameAs != null) {
      change = setSameAs(file, typed);
    } else {
      SiteEntry entry =
          file.exists()
              ? Sites.of(file.read()).find(site, account, file.name()).orElse(null)
              : null;
      // an entry made with --same-as has no settings for the rules to choose (a note may change)
      TypedSettings stored =
          entry != null && entry.sameAs() != null ? typed : rules.suggested(io, site, entry, typed);
      change =
          Sites.update(
              file,
              p -> {
                Change c = p.set(site, account, stored, note, SitesFile.today(), file.name());
                warnings.addAll(p.samePasswordWarnings(c.after()));
                return c;
              });
    }
    io.err()
        .println(
            (change.created() ? "added " : "updated ")
                + change.describe()
                + " ("
                + file.name()
                + ")");
    warnings.forEach(io.err()::println);
    return ExitCodes.OK;
  }

  /** {@code --same-as OTHER}: checked, then stored unless the file would hold a chain. */
  private Change setSameAs(SitesFile file, TypedSettings typed) {
    if (!typed.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--same-as takes no site options: the entry gives OTHER's password, with OTHER's"
              + " settings (change those with 'mint site set OTHER ...')");
    }
    Arguments.checkDecoded("same-as", sameAs);
    try {
      MintRequest.builder(sameAs).build(); // a site mint takes
    } catch (InvalidInputException e) {
      throw CliException.invalid("same-as", e.getMessage().substring(e.field().length() + 2));
    }
    return Sites.update(
        file, p -> p.setSameAs(site, account, sameAs, note, SitesFile.today(), file.name()));
  }

  private static void checkLabel(String field, String value) {
    if (value == null) {
      return;
    }
    Arguments.checkDecoded(field, value);
    try {
      SiteEntry.checkLabel(field, value);
    } catch (SiteEntry.BadValue e) {
      throw CliException.invalid(field, e.getMessage());
    }
  }
}
