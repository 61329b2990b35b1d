package dev.mint.cli.options;

import dev.mint.MintRequest;
import dev.mint.cli.io.CliException;
import dev.mint.cli.sites.Profiles;
import dev.mint.cli.sites.SiteEntry;
import dev.mint.cli.sites.SitesFile;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The stored entry {@code site show}, {@code rm} and {@code bump} work on (a picocli mixin). */
public final class StoredEntryMixin {
  @Parameters(index = "0", paramLabel = "SITE", description = "A site the entry matches.")
  String site;

  @Option(names = "--account", paramLabel = "NAME", description = ProfileMixin.ACCOUNT_HELP)
  String account;

  /**
   * The entry of {@code profiles} that SITE and {@code --account} select.
   *
   * @throws CliException (exit 3) when there is none
   */
  public SiteEntry in(Profiles profiles, SitesFile file) {
    Arguments.checkDecoded("site", site);
    MintRequest.builder(site).build(); // a blank or overlong site is refused as such
    return profiles
        .find(site, account, file.name())
        .orElseThrow(
            () ->
                CliException.invalid(
                    "site",
                    "no entry of "
                        + file.name()
                        + " matches the site"
                        + (account == null ? "" : " and account")
                        + " given (see 'mint site list')"));
  }
}
