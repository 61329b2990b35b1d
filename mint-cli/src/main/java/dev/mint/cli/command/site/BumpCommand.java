package dev.mint.cli.command.site;

import dev.mint.MintRequest;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.StoredSiteMixin;
import dev.mint.cli.rules.SiteFacts;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.Change;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "bump",
    header = "Add one to SITE's version: the way to rotate its password.",
    description = {
      "Standard error shows the old and the new version, for example "
          + "'github.com: version 3 -> 4'. The next 'mint SITE' gives the new password. An "
          + "entry made with 'site set --same-as OTHER' is refused (exit 3): bump OTHER, which "
          + "changes both.",
      ""
    })
final class BumpCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Mixin StoredSiteMixin entry;

  BumpCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    List<String> warnings = new ArrayList<>();
    Change change =
        Sites.update(
            file,
            p -> {
              SiteEntry before = entry.in(p, file);
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
              int version = Integer.parseInt(before.settings().version()); // checked: 1 to 9999
              if (version >= 9999) {
                throw CliException.invalid("version", "9999 is the highest version the page takes");
              }
              MintRequest bumped =
                  before.settings().toBuilder().version(Integer.toString(version + 1)).build();
              SiteEntry after = before.withSettings(bumped, SitesFile.today());
              p.replace(before, after);
              warnings.addAll(p.samePasswordWarnings(after));
              return new Change(before, after);
            });
    io.err().println(change.describe() + " (" + file.name() + ")"); // github.com: version 3 -> 4
    warnings.forEach(io.err()::println);
    // mint-only: where the new password goes, for a site that is a domain name
    SiteFacts.of(change.after().site())
        .changePasswordUrl()
        .ifPresent(url -> io.err().println("change it at: " + Text.printable(url)));
    return ExitCodes.OK;
  }
}
