package dev.mint.cli.options;

import dev.mint.MintRequest;
import dev.mint.cli.io.CliException;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The stored entry {@code site show}, {@code rm} and {@code bump} work on (a picocli mixin). */
public final class StoredSiteMixin {
  @Parameters(index = "0", paramLabel = "SITE", description = "A site the entry matches.")
  String site;

  @Option(names = "--account", paramLabel = "NAME", description = SiteMixin.ACCOUNT_HELP)
  String account;

  /**
   * The entry of {@code sites} that SITE and {@code --account} select.
   *
   * @throws CliException (exit 3) when there is none
   */
  public SiteEntry in(Sites sites, SitesFile file) {
    Arguments.checkDecoded("site", site);
    MintRequest.builder(site).build(); // a blank or overlong site is refused as such
    return sites
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
