package dev.mint.cli.command.site;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.StoredSiteMixin;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "rm",
    header = "Remove SITE's entry from the sites file.",
    description = {
      "The site's password does not change; 'mint SITE' then uses the page's " + "defaults again.",
      ""
    })
final class RmCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Mixin StoredSiteMixin entry;

  RmCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    List<String> warnings = new ArrayList<>();
    SiteEntry removed =
        Sites.update(
            file,
            p -> {
              SiteEntry e = entry.in(p, file);
              p.entries().remove(e);
              for (SiteEntry same : p.entries()) {
                if (same.sameAs() != null && e.matches(same.sameAs())) {
                  // mint-only: never a silent change of the password an entry gives
                  warnings.add(
                      "mint: warning: "
                          + Text.printable(same.label())
                          + " is the same as "
                          + Text.printable(same.sameAs())
                          + ", whose entry this was: it now gives "
                          + Text.printable(same.sameAs())
                          + "'s password with the page's defaults");
                }
              }
              return e;
            });
    io.err().println("removed " + Text.printable(removed.label()) + " (" + file.name() + ")");
    warnings.forEach(io.err()::println);
    return ExitCodes.OK;
  }
}
