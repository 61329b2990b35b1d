package dev.mint.cli.options;

import dev.mint.MintRequest;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.sites.Profiles;
import dev.mint.cli.sites.RecordedCheck;
import dev.mint.cli.sites.ResolvedSite;
import dev.mint.cli.sites.SiteEntry;
import dev.mint.cli.sites.SitesFile;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Stored site profiles for a command that mints (a picocli mixin): which entry of the sites file to
 * use ({@code --account}), whether to use the file at all ({@code --no-profile}) and whether to
 * store the options used ({@code --save}). {@link #resolve} is the one place where the page's
 * defaults, the stored entry and the typed options are laid over each other; derive uses it, and so
 * can every other command that mints.
 */
public final class ProfileMixin {
  public static final String ACCOUNT_HELP =
      "Which entry of the sites file, when one site has several "
          + "(a label only: it does not change the password).";

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

  /** The phrase check recorded in the sites file that {@link #resolve} read, or null. */
  private PhraseCheck recordedCheck;

  @Option(
      names = "--save",
      description =
          "Store the options typed in the site's entry of the sites file (creating "
              + "it), for the next time.")
  boolean save;

  /**
   * The request for {@code typedSite}: the page's defaults, then the stored entry that matches it
   * (unless {@code --no-profile}), then {@code typed}. The typed options are checked before the
   * file is read.
   *
   * @throws CliException exit 2 when several entries match and no {@code --account} chooses, exit 3
   *     when {@code --account} names no entry, exit 4 when the file cannot be used
   */
  public ResolvedSite resolve(Io io, String typedSite, SiteSettingsMixin typed) {
    MintRequest typedOnly = typed.request(typedSite);
    if (noProfile) {
      if (account != null || save) {
        throw new ParameterException(
            mixee.commandLine(),
            (save ? "--save" : "--account") + " needs the sites file, which --no-profile ignores");
      }
      return new ResolvedSite(typedOnly, null, null, typed);
    }
    SitesFile file = SitesFile.of(io);
    if (!file.exists()) {
      return noEntry(typedOnly, file, typed);
    }
    Profiles profiles;
    try {
      profiles = file.read();
    } catch (CliException e) {
      throw e.exitCode() == ExitCodes.IO
          ? CliException.io(e.getMessage() + " (--no-profile derives without the file)")
          : e;
    }
    recordedCheck = RecordedCheck.in(profiles, file.name());
    Optional<SiteEntry> entry = profiles.find(typedSite, account, file.name());
    if (entry.isEmpty()) {
      return noEntry(typedOnly, file, typed);
    }
    MintRequest merged =
        typed.applyTo(entry.get().applyTo(MintRequest.builder(typedOnly.site()))).build();
    return new ResolvedSite(merged, entry.get(), file, typed);
  }

  /**
   * The phrase check recorded in the sites file ({@code mint check --remember}), as read by {@link
   * #resolve}; null when there is none, no file, or {@code --no-profile}.
   */
  public PhraseCheck recordedCheck() {
    return recordedCheck;
  }

  private ResolvedSite noEntry(MintRequest typedOnly, SitesFile file, SiteSettingsMixin typed) {
    if (account != null && !save) {
      throw CliException.invalid(
          "account",
          "no entry of "
              + file.name()
              + " has this site with the account given (see 'mint site list')");
    }
    return new ResolvedSite(typedOnly, null, file, typed);
  }

  /**
   * With {@code --save}: stores the typed options in the entry of {@code resolved}'s site (under
   * the file's lock, against the file as it is now), creating it; says so on standard error unless
   * {@code quiet}.
   */
  public void saveIfAsked(Io io, ResolvedSite resolved, String typedSite, boolean quiet) {
    if (!save) {
      return;
    }
    SitesFile file = resolved.file();
    SiteEntry[] change =
        file.update(
            p -> p.set(typedSite, account, resolved.typed(), null, SitesFile.today(), file.name()));
    if (!quiet) {
      io.err()
          .println(
              (change[0] == null ? "saved " : "updated ")
                  + change[1].label()
                  + " in "
                  + file.name());
    }
  }
}
