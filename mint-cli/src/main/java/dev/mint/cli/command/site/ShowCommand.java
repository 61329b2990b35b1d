package dev.mint.cli.command.site;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.StoredSiteMixin;
import dev.mint.cli.rules.SiteFacts;
import dev.mint.cli.sites.AllSettings;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.PhraseRoute;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.conformance.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "show",
    header = "Print one entry, and the 'mint derive' command line that reproduces it.",
    description = {
      "The command line gives the entry's password without the sites file (--no-profile), on "
          + "any machine. For an entry on the page ${bundle:Revision.older}, also says how its site normalizes "
          + "on the current page ${bundle:Revision.current}. For an entry made with --same-as OTHER, says so, and the "
          + "command line gives OTHER's password.",
      ""
    })
final class ShowCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Mixin StoredSiteMixin entry;

  ShowCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    Sites sites = Sites.of(file.read());
    SiteEntry e = entry.in(sites, file);
    if (e.sameAs() != null) {
      showSameAs(e, sites.passwordRequest(e, file.name()));
      return ExitCodes.OK;
    }
    MintRequest s = Rotations.settingsInUse(e, sites.rotation());
    List<String> lines = new ArrayList<>();
    lines.add("site        " + Text.printable(e.site()));
    if (e.account() != null) {
      lines.add("account     " + Text.printable(e.account()));
    }
    lines.addAll(AllSettings.shownLines(s));
    if (e.chosenBy() != null) {
      // the settings above are mint's choice for the site's rules, not the user's weakening
      lines.add("chosen by   " + Text.printable(e.chosenBy()));
    }
    if (e.note() != null) {
      lines.add("note        " + Text.printable(e.note()));
    }
    lines.add("created     " + Text.printable(e.created()));
    lines.add("updated     " + Text.printable(e.updated()));
    String phrase = PhraseRoute.phraseLine(e, sites.rotation());
    if (phrase != null) {
      lines.add("phrase      " + Text.printable(phrase));
    }
    lines.add("normalized  " + Text.printable(e.normalizedSite()));
    Revision current = Revision.DEFAULT;
    if (s.revision() != current) {
      String onCurrent = Stages.normalizeSite(e.site(), current);
      lines.add(
          String.format("%-12s", "on " + current.id())
              + Text.printable(onCurrent)
              + (onCurrent.equals(e.normalizedSite())
                  ? " (the same name"
                  : " (another name than on " + s.revision().id())
              + "; "
              + current.id()
              + " also has other symbols, so moving this site to "
              + current.id()
              + " gives it a new password: plan it as a password change)");
    }
    lines.add(changeAt(e));
    lines.add("derive      " + EquivalentCommand.of(s));
    lines.forEach(io.out()::println);
    SiteCommand.checkWritten(io);
    return ExitCodes.OK;
  }

  /**
   * An entry made with {@code --same-as}: the other site, and the command line that gives its
   * password (the other site's, with the settings of its entry as the file holds it now).
   */
  private void showSameAs(SiteEntry e, MintRequest other) {
    List<String> lines = new ArrayList<>();
    lines.add("site        " + Text.printable(e.site()));
    if (e.account() != null) {
      lines.add("account     " + Text.printable(e.account()));
    }
    lines.add(
        "same as     "
            + Text.printable(e.sameAs())
            + " (its password, with its settings: "
            + AllSettings.nonDefaults(other)
            + ")");
    if (e.note() != null) {
      lines.add("note        " + Text.printable(e.note()));
    }
    lines.add("created     " + Text.printable(e.created()));
    lines.add("updated     " + Text.printable(e.updated()));
    lines.add(changeAt(e));
    lines.add("derive      " + EquivalentCommand.of(other));
    lines.forEach(io.out()::println);
    SiteCommand.checkWritten(io);
  }

  /** The change-password link, or that a site that is not a domain name has none. */
  private static String changeAt(SiteEntry e) {
    return "change at   "
        + Text.printable(
            SiteFacts.of(e.site()).changePasswordUrl().orElse("none (not a domain name)"));
  }
}
