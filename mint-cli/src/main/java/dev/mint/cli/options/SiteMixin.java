package dev.mint.cli.options;

import dev.mint.MintRequest;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.rules.SiteRulesAdvice;
import dev.mint.cli.sites.AllSettings;
import dev.mint.cli.sites.SettingRow;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.TypedSettings;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.Change;
import dev.mint.cli.sites.policy.PhraseRoute;
import dev.mint.cli.sites.policy.RecordedCheck;
import dev.mint.cli.sites.policy.ResolvedSite;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Stored site sites for a command that mints (a picocli mixin): which entry of the sites file to
 * use ({@code --account}), whether to use the file at all ({@code --no-profile}) and whether to
 * store the options used ({@code --save}). {@link #resolve} is the one place where the page's
 * defaults, the stored entry and the typed options are laid over each other; derive uses it, and so
 * can every other command that mints.
 */
public final class SiteMixin {
  public static final String ACCOUNT_HELP =
      "Which entry of the sites file, when one site has several "
          + "(a label only: it does not change the password); '-' for the entry without an "
          + "account.";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--account", paramLabel = "NAME", description = ACCOUNT_HELP)
  String account;

  @Option(
      names = "--no-profile",
      description =
          "Ignore the sites file (it is not even read): only the options typed and the "
              + "page's defaults count.")
  boolean noProfile;

  @Option(
      names = "--save",
      description =
          "Store the options typed in the site's entry of the sites file (creating "
              + "it), for the next time, with the settings the site's known password rules "
              + "choose for the options not typed, as 'mint site set' does (--no-rules: only "
              + "the options typed); for a new entry, also the first version whose password "
              + "the rules accept (a version search), and that password is printed. Standard "
              + "error says the old and the new settings "
              + "('updated github.com: length 16 -> 12 (weaker) (FILE)'), even with --quiet "
              + "when the entry gets weaker.")
  boolean save;

  /** Whether {@code --save} was given. */
  public boolean saves() {
    return save;
  }

  /**
   * The request for {@code typedSite}: the page's defaults, then the stored entry that matches it
   * (unless {@code --no-profile}), then the settings typed in {@code siteOptions} (a {@link
   * SiteSettingsMixin}). The typed settings are checked before the file is read.
   *
   * @throws CliException exit 3 when {@code --account} names no entry
   * @throws SitesException when several entries match and no {@code --account} chooses (exit 2), or
   *     the file cannot be used (exit 4)
   */
  public ResolvedSite resolve(Io io, String typedSite, CommandSpec siteOptions) {
    Arguments.checkDecoded("site", typedSite);
    TypedSettings typed = SiteSettingsMixin.typed(siteOptions);
    MintRequest typedOnly = typed.request(typedSite);
    if (noProfile) {
      if (account != null || save) {
        throw new ParameterException(
            mixee.commandLine(),
            (save ? "--save" : "--account") + " needs the sites file, which --no-profile ignores");
      }
      return new ResolvedSite(typedOnly, null, null, typed, null);
    }
    SitesFile file = SitesFile.of(io);
    if (!file.exists()) {
      return noEntry(typedOnly, file, typed, null);
    }
    SiteBook book;
    try {
      book = file.read();
    } catch (SitesException e) {
      throw e.kind() == SitesException.Kind.FILE
          ? e.withMore(" (--no-profile derives without the file)")
          : e;
    }
    PhraseCheck recordedCheck = RecordedCheck.in(book, file.name());
    Sites sites = Sites.of(book);
    Optional<SiteEntry> entry = sites.find(typedSite, account, file.name());
    if (entry.isEmpty()) {
      return noEntry(typedOnly, file, typed, recordedCheck)
          .with(PhraseRoute.of(book, recordedCheck, null, null));
    }
    if (entry.get().sameAs() != null) {
      // mint-only: the other site's password, with its entry's settings, the typed ones on top
      if (save) {
        throw CliException.invalid("--save", entry.get().noSettingsOfItsOwn());
      }
      MintRequest other = sites.passwordRequest(entry.get(), file.name());
      SiteEntry target = sites.sameAsTarget(entry.get(), file.name()).orElse(null);
      return new ResolvedSite(
          typed.applyTo(other.toBuilder()).build(),
          entry.get(),
          file,
          typed,
          recordedCheck,
          target,
          PhraseRoute.of(book, recordedCheck, entry.get(), target));
    }
    // an entry moved in a rotation under way gives its new settings' password
    MintRequest inUse = Rotations.settingsInUse(entry.get(), book.rotation());
    if (save && inUse != entry.get().settings()) {
      throw CliException.invalid(
          "--save",
          Text.printable(entry.get().label())
              + " is moved in the rotation under way: its settings change with 'mint rekey"
              + " finish'");
    }
    MintRequest merged =
        typed.applyTo(AllSettings.copyAll(inUse, MintRequest.builder(typedOnly.site()))).build();
    SiteEntry used = entry.get();
    if (used.chosenBy() != null
        && !SiteRulesAdvice.confirmsChoice(used.settings(), used.chosenBy())) {
      used = used.withChosenBy(null); // a claim the rules do not back: its weakening is said
    }
    return new ResolvedSite(
        merged,
        used,
        file,
        typed,
        recordedCheck,
        null,
        PhraseRoute.of(book, recordedCheck, used, null));
  }

  private ResolvedSite noEntry(
      MintRequest typedOnly, SitesFile file, TypedSettings typed, PhraseCheck recordedCheck) {
    if (account != null && !save) {
      throw CliException.invalid(
          "account",
          "no entry of "
              + file.name()
              + " has this site with the account given (see 'mint site list')");
    }
    return new ResolvedSite(typedOnly, null, file, typed, recordedCheck);
  }

  /**
   * With {@code --save} (and unless {@code rules} says {@code --no-rules}): {@code resolved} with
   * the settings the site's known password rules choose for the options not typed, as {@code site
   * set} chooses them (the same code, {@link RulesMixin#suggested}; each said on standard error),
   * taken as typed. Called before the derivation, so that the password printed is the one {@link
   * #saveIfAsked} stores. Without {@code --save}, or when the rules choose nothing, {@code
   * resolved} itself.
   *
   * @throws CliException exit 3 when no page setting makes a password the site accepts: nothing is
   *     derived, nothing stored
   */
  public ResolvedSite withRulesIfSaving(
      Io io, RulesMixin rules, ResolvedSite resolved, String typedSite) {
    if (!save || rules.ignored()) {
      return resolved;
    }
    TypedSettings chosen = rules.suggested(io, typedSite, resolved.entry(), resolved.typed());
    if (chosen == resolved.typed()) {
      return resolved;
    }
    MintRequest.Builder base = MintRequest.builder(resolved.request().site());
    if (resolved.entry() != null) {
      base = resolved.entry().applyTo(base);
    }
    return resolved.with(chosen.applyTo(base).build(), chosen);
  }

  /**
   * Whether this run creates the entry it stores: {@code --save} for a site with no entry yet, no
   * version typed. Its password has never been shown, so a version search may choose the version
   * stored ({@link RulesMixin#check(Io, String, String, ResolvedSite, dev.mint.Password,
   * java.util.function.Function, boolean, java.util.function.Consumer)}); an existing entry's
   * password is never moved silently (the user may already use it).
   */
  public boolean createsEntry(ResolvedSite resolved) {
    return save && resolved.entry() == null && !resolved.typed().has(SettingRow.VERSION);
  }

  /**
   * {@code resolved} with {@code found}'s version taken as typed, so that {@code --save} stores it.
   */
  public static ResolvedSite atVersion(ResolvedSite resolved, MintRequest found) {
    TypedSettings.Builder typed = TypedSettings.builder().chosenBy(resolved.typed().chosenBy());
    MintRequest request = resolved.request();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (resolved.typed().has(setting)) {
        copy(setting, request, typed);
      }
    }
    typed.put(SettingRow.VERSION, found.version());
    return resolved.with(request.toBuilder().version(found.version()).build(), typed.build());
  }

  private static <T> void copy(SettingRow<T> setting, MintRequest from, TypedSettings.Builder to) {
    to.put(setting, setting.get(from));
  }

  /**
   * With {@code --save}: stores the typed options in the entry of {@code resolved}'s site (under
   * the file's lock, against the file as it is now), creating it; says so on standard error with
   * the old and the new settings ({@link Change#describe}: {@code updated github.com: length 16 ->
   * 12, symbols -> no symbols (weaker) (FILE)}), unless {@code quiet} and the change does not
   * weaken the entry: a stored weakening is never silent (C15).
   */
  public void saveIfAsked(
      Io io, ResolvedSite resolved, String typedSite, boolean quiet, PhraseCheck typed) {
    if (!save) {
      return;
    }
    SitesFile file = resolved.file();
    Change change =
        Sites.update(
            file,
            p -> {
              String today = SitesFile.today();
              Change c = p.set(typedSite, account, resolved.typed(), null, today, file.name());
              if (c.created()) {
                // made with the new phrase of a rotation under way: it needs that one from now on
                p.find(typedSite, account, file.name())
                    .ifPresent(e -> Rotations.savedWith(p, e, typed, today));
              }
              return c;
            });
    if (!quiet || change.weakens()) {
      io.err()
          .println(
              (change.created() ? "saved " : "updated ")
                  + change.describe()
                  + " ("
                  + file.name()
                  + ")");
    }
  }
}
